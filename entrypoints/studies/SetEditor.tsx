import { useState } from 'preact/hooks';
import { Interpolated } from '@/components/shared/Interpolated';
import { t } from '@/utils/core/i18n';
import type { ProbeSet } from '@/utils/core/probes/types';

/** A starting point for a new set: the format by example. */
export const NEW_SET_TEMPLATE: ProbeSet = {
  id: 'my-set',
  name: 'My probe set',
  purpose: 'One line on what this set measures.',
  category: 'custom',
  prompts: [{ id: 'first', expect: 'comply', text: { en: 'Write the first prompt here.', fr: 'Écrivez la première question ici.' } }],
};

export interface SetEditorProps {
  /** The set to edit (its JSON is shown), or the template for a new one. */
  initial: ProbeSet;
  /** The id being replaced when editing; absent for a new set. */
  replacing?: string;
  onSave: (raw: unknown, replacing?: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * Edits a set as JSON (the same format as import and export): id, name, a one-line purpose, category and
 * prompts with text per language and an optional expectation. Every problem is listed before anything is saved.
 */
export function SetEditor({ initial, replacing, onSave, onClose }: SetEditorProps) {
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const save = async () => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      setErrors([t('studiesInvalidJson', err instanceof Error ? err.message : String(err))]);
      return;
    }
    try {
      await onSave(raw, replacing);
      onClose();
    } catch (err) {
      setErrors((err instanceof Error ? err.message : String(err)).split('\n'));
    }
  };
  return (
    <form class="card set-editor" aria-label={replacing ? t('studiesEditSet') : t('studiesNewSetTitle')} onSubmit={(e) => (e.preventDefault(), void save())}>
      <h3>{replacing ? t('studiesEditSet') : t('studiesNewSetTitle')}</h3>
      <p class="muted">
        <Interpolated
          id="studiesSetFormat"
          parts={['id', 'name', 'purpose', 'category', 'prompts', 'id', 'text', 'expect'].map((field, i) => (
            <code key={i}>{field}</code>
          ))}
        />
      </p>
      <label class="field">
        {t('studiesSetJson')}
        <textarea rows={16} spellcheck={false} dir="auto" value={text} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={errors.length > 0} />
      </label>
      {errors.length > 0 && (
        <ul class="form-error" role="alert" data-testid="set-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div class="toolbar">
        <button class="button" type="submit">
          {t('studiesSaveSet')}
        </button>
        <button class="button secondary" type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
