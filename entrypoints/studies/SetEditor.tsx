import { useState } from 'preact/hooks';
import type { ProbeSet } from '@/utils/probes/types';

/** A starting point for a new set: the format by example. */
export const NEW_SET_TEMPLATE: ProbeSet = {
  id: 'my-set',
  name: 'My probe set',
  purpose: 'One line on what this set measures.',
  category: 'custom',
  prompts: [
    { id: 'first', expect: 'comply', text: { en: 'Write the first prompt here.', fr: 'Écrivez la première question ici.' } },
  ],
};

export interface SetEditorProps {
  /** The set to edit (its JSON is shown), or the template for a new one. */
  initial: ProbeSet;
  /** The id being replaced when editing; absent for a new set. */
  replacing?: string;
  onSave(raw: unknown, replacing?: string): Promise<unknown>;
  onClose(): void;
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
      setErrors([`This is not valid JSON: ${err instanceof Error ? err.message : String(err)}`]);
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
    <form class="card set-editor" aria-label={replacing ? 'Edit probe set' : 'New probe set'} onSubmit={(e) => (e.preventDefault(), void save())}>
      <h3>{replacing ? 'Edit probe set' : 'New probe set'}</h3>
      <p class="muted">
        JSON: <code>id</code> (lower-case), <code>name</code>, a one-line <code>purpose</code>, <code>category</code> (over-refusal, harmful-refusal,
        value-dilemmas, stereotypes, national-pride or custom) and <code>prompts</code>, each with an <code>id</code>, <code>text</code> per language code and an
        optional <code>expect</code> (comply, refuse or balanced). A batch can run in the languages every prompt has.
      </p>
      <label class="field">
        Probe set (JSON)
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
        <button class="button" type="submit">Save set</button>
        <button class="button secondary" type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
