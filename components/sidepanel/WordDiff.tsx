import type { ComponentChildren } from 'preact';
import { cachedReadableDiff } from '@/utils/core/text/diff';
import { t } from '@/utils/core/i18n';

/**
 * `text` marked against `base`: what it adds (underlined) and leaves out (struck through). Computed once per
 * pair of texts. Answers too different for a word diff to read are shown as they are (`fallback`), under a
 * line saying so.
 */
export function WordDiff({ base, text, baselineName, fallback }: { base: string; text: string; baselineName: string; fallback: ComponentChildren }) {
  const result = cachedReadableDiff(base, text);
  if (result.kind === 'too-different') {
    return (
      <>
        <p class="diff-note" role="note" data-testid="diff-too-different">
          {t('tooDifferentForDiff', baselineName, Math.round(result.shared * 100))}
        </p>
        {fallback}
      </>
    );
  }
  return (
    <>
      {result.parts.map((part, i) =>
        part.kind === 'same' ? part.text : part.kind === 'added' ? <ins key={i}>{part.text}</ins> : <del key={i}>{part.text}</del>,
      )}
    </>
  );
}
