import { useState } from 'preact/hooks';
import { t } from '@/utils/core/i18n';

type Target = { provider: string; model: string };

export interface LlmComparatorExportProps {
  targets: Target[];
  onExport: (pair: { a: Target; b: Target }) => void;
}

const label = (t: Target) => `${t.provider} · ${t.model}`;

/** Export for PAIR's LLM Comparator: the user picks the two models to set side by side. */
export function LlmComparatorExport({ targets, onExport }: LlmComparatorExportProps) {
  const [a, setA] = useState(0);
  const [b, setB] = useState(Math.min(1, targets.length - 1));
  if (targets.length < 2) return null;
  return (
    <details class="llm-comparator">
      <summary>{t('llmComparatorSummary')}</summary>
      <div class="toggle">
        <select aria-label={t('modelA')} value={a} onChange={(e) => setA(Number(e.currentTarget.value))}>
          {targets.map((t, i) => (
            <option key={label(t)} value={i}>
              {label(t)}
            </option>
          ))}
        </select>
        <span class="muted">{t('versus')}</span>
        <select aria-label={t('modelB')} value={b} onChange={(e) => setB(Number(e.currentTarget.value))}>
          {targets.map((t, i) => (
            <option key={label(t)} value={i}>
              {label(t)}
            </option>
          ))}
        </select>
        <button class="button secondary small" disabled={a === b} onClick={() => onExport({ a: targets[a]!, b: targets[b]! })}>
          {t('exportPair')}
        </button>
      </div>
      {a === b && <p class="muted">{t('chooseTwoModels')}</p>}
    </details>
  );
}
