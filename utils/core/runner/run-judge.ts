/**
 * Asks a configured model to judge each finished answer of a comparison with a fixed rubric. Pure
 * orchestration over the ChatProvider interface: the caller supplies the provider, the connection (with its key,
 * only ever in an extension page) and where to store each verdict.
 */
import { judgeRequest, parseJudgeAnswer, type JudgeRubric, type JudgeVerdict } from '../analysis/judge';
import { toProviderError, withoutKey } from '../providers/errors';
import { limitsFor, timedStream, type Timeouts } from '../providers/timeouts';
import type { ChatProvider, ProviderConnection } from '../providers/types';
import type { Run } from './types';

/** Who judges. */
export interface JudgeTarget {
  provider: ChatProvider;
  conn: ProviderConnection;
  model: string;
  /** Shown with each verdict, e.g. "OpenAI·gpt-4o-mini". */
  by: string;
  /** Limits on each verdict, as on answers (default DEFAULT_TIMEOUTS); a verdict that times out is an error on that run. */
  timeouts?: Timeouts;
}

/** One run's outcome: the verdict, or why there is none. */
export type JudgeOutcome = { runId: string; verdict: JudgeVerdict } | { runId: string; error: string };

/** Judges every done run with an answer, one at a time, reporting each as it comes; stops on abort. */
export async function judgeRuns(
  rubric: JudgeRubric,
  prompt: string,
  runs: Run[],
  judge: JudgeTarget,
  signal: AbortSignal,
  onOutcome: (outcome: JudgeOutcome, done: number, total: number) => void | Promise<void>,
): Promise<JudgeOutcome[]> {
  const todo = runs.filter((r) => r.state === 'done' && r.text.trim() && r.target.providerKind !== ('site' as string));
  const outcomes: JudgeOutcome[] = [];
  const limits = limitsFor(judge.provider.kind, judge.timeouts);
  for (const [i, run] of todo.entries()) {
    if (signal.aborted) break;
    const request = judgeRequest(rubric, { prompt, answer: run.text, language: run.target.language });
    let raw = '';
    let outcome: JudgeOutcome;
    try {
      const messages = [
        { role: 'system' as const, content: request.system },
        { role: 'user' as const, content: request.user },
      ];
      const ask = { model: judge.model, messages, temperature: 0 };
      for await (const event of timedStream((timed) => judge.provider.stream(judge.conn, ask, timed), signal, limits, judge.by)) {
        if (event.type === 'text') raw += event.text;
      }
      const parsed = parseJudgeAnswer(rubric, raw, { by: judge.by, answer: run.text });
      outcome = parsed.ok ? { runId: run.id, verdict: parsed.verdict } : { runId: run.id, error: `The judge's answer could not be read: ${parsed.error}` };
    } catch (err) {
      if (signal.aborted) break;
      const message = toProviderError(err, judge.by, signal).message;
      // A server may echo the key in its error: never show or keep it.
      outcome = { runId: run.id, error: withoutKey(message, judge.conn.apiKey) };
    }
    outcomes.push(outcome);
    await onOutcome(outcome, i + 1, todo.length);
  }
  return outcomes;
}

/** A run's judge verdicts with one replaced or added (one per rubric and judge). */
export function withVerdict(existing: JudgeVerdict[] | undefined, verdict: JudgeVerdict): JudgeVerdict[] {
  return [...(existing ?? []).filter((v) => !(v.rubric === verdict.rubric && v.by === verdict.by)), verdict];
}
