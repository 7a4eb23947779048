import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ComposeSpec } from '@/utils/platform/messaging/protocol-compose';
import { normalisePrompt } from '@/utils/core/runner/plan';
import { AxesPicker } from './AxesPicker';
import { ComposeContext } from './axes-model';
import { LanguageComposer } from './LanguageComposer';
import { useLanguageChoice } from './use-language-choice';
import { listOf, t } from '@/utils/core/i18n';
import { languageLabel } from '@/utils/core/runner/names';
import { TranslatorProblem, missingReasons, type TranslatorChoice } from './TranslatorProblem';

export interface PromptBoxProps {
  onSubmit: (text: string, spec?: Omit<ComposeSpec, 'text'>) => Promise<void>;
  /** Endpoints that could translate when Chrome's translator cannot, and how to switch to one. */
  translator?: { models: TranslatorChoice[]; onUseModel: (providerId: string) => Promise<void> };
  /** Tells the panel whether the user is writing a prompt (a new capture then waits behind a bar). */
  onTyping?: (typing: boolean) => void;
}

/**
 * A multi-line prompt box; Ctrl/Cmd+Enter or the button starts a comparison. Languages the translator cannot
 * reach stop it before anything starts, with the ways out: download, translate with a model, or ask without them.
 */
export function PromptBox({ onSubmit, translator, onTyping }: PromptBoxProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  // Counts comparisons started here: each one folds the language picker away.
  const [started, setStarted] = useState(0);
  // Axes (endpoints, personas, repetitions, context, templates) when the page provides a compose state.
  const compose = useContext(ComposeContext);
  // Languages live in the compose state's axes when the page has one (templates, last used), else here.
  const languages = useLanguageChoice(
    compose ? { languages: compose.axes.value.languages, setLanguages: (codes) => compose.setAxes({ languages: codes }) } : undefined,
  );
  const input = useRef<HTMLTextAreaElement>(null);
  const draft = compose?.draft.value;
  const { engine: engineChoice } = languages.settings.translation;
  const translatingEndpoint = engineChoice.kind === 'model' ? languages.settings.settings.providers.find((p) => p.id === engineChoice.providerId) : null;
  useEffect(() => {
    if (!draft) return;
    setText(draft.text);
    input.current?.focus();
  }, [draft]);
  const submit = async (only?: string[]) => {
    if (!normalisePrompt(text) || busy || (compose && !compose.ready(text))) return;
    setBusy(true);
    try {
      const spec = languages.specFor(text, compose?.specFor(text));
      const chosen = only ? { ...spec, languages: only } : spec;
      if (compose) compose.blocked.value = null;
      // Nothing starts that must fail for want of a translator: say so and offer the ways out.
      const problem = compose ? await compose.checkTranslation(text, chosen) : null;
      if (problem && compose) {
        compose.blocked.value = problem;
        return;
      }
      await onSubmit(text, chosen.languages?.length === 0 ? { ...chosen, languages: undefined } : chosen);
      await compose?.started();
      languages.sent();
      setText('');
      setStarted((n) => n + 1);
      onTyping?.(false);
    } finally {
      setBusy(false);
    }
  };
  const block = compose?.blocked.value;
  return (
    <form
      class="prompt-box"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label class="sr-only" for="prompt-input">
        {t('promptLabel')}
      </label>
      <textarea
        id="prompt-input"
        ref={input}
        dir="auto"
        rows={2}
        placeholder={t('promptPlaceholder')}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onTyping?.(Boolean(e.currentTarget.value.trim()));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <button class="button" type="submit" disabled={!normalisePrompt(text) || busy}>
        {busy ? t('starting') : t('compare')}
      </button>
      {compose && <AxesPicker model={compose} text={text} translator={translatingEndpoint} />}
      {block && (
        <TranslatorProblem
          message={t('translatorNotReadyTyped', listOf(block.readiness.missing.map((m) => languageLabel(m.language))), missingReasons(block.readiness.missing))}
          missing={block.readiness.missing}
          source={block.source}
          models={translator?.models ?? []}
          onReady={() => submit()}
          onUseModel={translator?.onUseModel ?? (() => Promise.resolve())}
        >
          {block.readiness.ready.length > 0 && (
            <button type="button" class="link small" onClick={() => void submit(block.readiness.ready)}>
              {t('askOnlyReady', listOf(block.readiness.ready.map((l) => languageLabel(l))))}
            </button>
          )}
        </TranslatorProblem>
      )}
      <LanguageComposer choice={languages} text={text} closeWhen={started} />
    </form>
  );
}
