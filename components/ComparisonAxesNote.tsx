import type { Comparison, Run } from '@/utils/runner/types';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a comparison sent besides its prompt: the conversation's turns (or that it went alone), how many times each
 * target was asked and at what temperature; and the way to ask it again with other targets, languages or personas.
 */
export function ComparisonAxesNote({ comparison, runs, onRerun }: { comparison: Comparison; runs: Run[]; onRerun?: () => void }) {
  const sent = comparison.contextSent && comparison.context?.length ? comparison.context.slice(-comparison.contextSent) : [];
  const available = comparison.context?.length ?? 0;
  const repetitions = Math.max(1, ...runs.map((r) => r.repetition ?? 1));
  const temperature = runs.find((r) => r.repetition && r.target.params?.temperature !== undefined)?.target.params?.temperature;
  return (
    <div class="axes-note" data-testid="axes-note">
      {sent.length > 0 ? (
        <details>
          <summary data-testid="context-used">Sent with the last {plural(sent.length, 'turn', 'turns')} of the conversation before it</summary>
          <ol class="context-turns">
            {sent.map((turn, i) => (
              <li key={i}>
                <span class="muted">{turn.role === 'user' ? 'User' : 'Assistant'}:</span> <span dir="auto">{turn.content}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : (
        available > 0 && <p class="muted" data-testid="context-used">Sent alone; the {plural(available, 'earlier turn', 'earlier turns')} of the conversation were not sent.</p>
      )}
      {repetitions > 1 && (
        <p class="muted">Each target asked {repetitions} times{temperature !== undefined ? ` at temperature ${temperature}` : ''}.</p>
      )}
      {comparison.rerunOf && <p class="muted">A re-run of an earlier comparison.</p>}
      {onRerun && (
        <button type="button" class="link small" onClick={onRerun}>Re-run with other targets, languages or personas…</button>
      )}
    </div>
  );
}
