import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ComposeSpec } from '@/utils/platform/messaging/protocol-compose';
import { normalisePrompt } from '@/utils/core/runner/plan';
import { AxesPicker, ComposeContext } from './AxesPicker';
import { LanguageComposer } from './LanguageComposer';
import { useLanguageChoice } from './use-language-choice';
import { t } from '@/utils/core/i18n';

/** A multi-line prompt box; Ctrl/Cmd+Enter or the button starts a comparison. */
export function PromptBox({ onSubmit }: { onSubmit: (text: string, spec?: Omit<ComposeSpec, 'text'>) => Promise<void> }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  // Counts comparisons started here: each one folds the language picker away.
  const [started, setStarted] = useState(0);
  // Axes (endpoints, personas, repetitions, context, templates) when the page provides a compose state.
  const compose = useContext(ComposeContext);
  // Languages live in the compose state's axes when the page has one (templates, last used), else here.
  const languages = useLanguageChoice(compose ? { languages: compose.axes.value.languages, setLanguages: (codes) => compose.setAxes({ languages: codes }) } : undefined);
  const input = useRef<HTMLTextAreaElement>(null);
  const draft = compose?.draft.value;
  const { engine: engineChoice } = languages.settings.translation;
  const translator = engineChoice.kind === 'model' ? languages.settings.settings.providers.find((p) => p.id === engineChoice.providerId) : null;
  useEffect(() => {
    if (draft) (setText(draft.text), input.current?.focus());
  }, [draft]);
  const submit = async () => {
    if (!normalisePrompt(text) || busy || (compose && !compose.ready(text))) return;
    setBusy(true);
    try {
      await onSubmit(text, languages.specFor(text, compose?.specFor(text)));
      await compose?.started();
      languages.sent();
      setText('');
      setStarted((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="prompt-box"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label class="sr-only" for="prompt-input">{t('promptLabel')}</label>
      <textarea
        id="prompt-input"
        ref={input}
        dir="auto"
        rows={2}
        placeholder={t('promptPlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
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
      {compose && <AxesPicker model={compose} text={text} translator={translator} />}
      <LanguageComposer choice={languages} text={text} closeWhen={started} />
    </form>
  );
}
