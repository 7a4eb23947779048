import { useState } from 'preact/hooks';
import { normalisePrompt } from '@/utils/runner/plan';

/** A multi-line prompt box; Ctrl/Cmd+Enter or the button starts a comparison. */
export function PromptBox({ onSubmit }: { onSubmit: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!normalisePrompt(text) || busy) return;
    setBusy(true);
    try {
      await onSubmit(text);
      setText('');
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
      <label class="sr-only" for="prompt-input">Prompt to compare</label>
      <textarea
        id="prompt-input"
        dir="auto"
        rows={2}
        placeholder="Ask something to compare… (Ctrl+Enter)"
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
        {busy ? 'Starting…' : 'Compare'}
      </button>
    </form>
  );
}
