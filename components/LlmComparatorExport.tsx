import { useState } from 'preact/hooks';

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
      <summary>LLM Comparator…</summary>
      <div class="toggle">
        <select aria-label="Model A" value={a} onChange={(e) => setA(Number(e.currentTarget.value))}>
          {targets.map((t, i) => <option key={label(t)} value={i}>{label(t)}</option>)}
        </select>
        <span class="muted">vs</span>
        <select aria-label="Model B" value={b} onChange={(e) => setB(Number(e.currentTarget.value))}>
          {targets.map((t, i) => <option key={label(t)} value={i}>{label(t)}</option>)}
        </select>
        <button class="button secondary small" disabled={a === b} onClick={() => onExport({ a: targets[a]!, b: targets[b]! })}>Export pair</button>
      </div>
      {a === b && <p class="muted">Choose two different models.</p>}
    </details>
  );
}
