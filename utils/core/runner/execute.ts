import { ProviderError, withoutKey } from '../providers/errors';
import { classifyRefusal } from '../analysis/refusal';
import type { ChatMessage, ChatProvider, ChatRequest } from '../providers/types';
import { CANCELLED_MESSAGE } from './state';
import { DEFAULT_RETRY, abortableSleep, retryDelay, type RetryPolicy } from './retry';
import type { RunStore } from './runner';
import type { LiveEvent, Run, Target } from './types';
import type { Translator } from '../translate/translator';
import { TranslationFailed, languagePlan, readAnswer, translatePrompt } from './translate-step';
import { contextToSend, translateContext, type ContextMessage } from './context-step';
import { fitRequest } from './fit-prompt';
import { DEFAULT_TIMEOUTS, limitsFor, timedStream, type Timeouts } from '../providers/timeouts';

/** Limits on one run's wait. On-device engines get no first-byte limit: their first token includes loading. */
export type RunTimeouts = Required<Timeouts>;

/** What executing one run needs. */
export interface ExecuteDeps {
  store: RunStore;
  providerFor: (kind: Target['providerKind']) => ChatProvider | undefined;
  apiKeyFor: (providerId: string) => Promise<string | undefined>;
  emit: (event: LiveEvent) => void;
  now: () => number;
  checkpointMs: number;
  retry?: RetryPolicy;
  timeouts?: RunTimeouts;
  /** Translates prompts into each run's language and answers back; absent = prompts go as written. */
  translator?: Translator;
}

/** The vendor-neutral request a target asks for: its system prompt, the conversation before, then the prompt. */
export function requestFor(target: Target, prompt: string, context: readonly ContextMessage[] = []): ChatRequest {
  const { params = {} } = target;
  const messages: ChatMessage[] = [
    ...(params.systemPrompt ? [{ role: 'system' as const, content: params.systemPrompt }] : []),
    ...context.map((t) => ({ role: t.role, content: t.content })),
    { role: 'user', content: prompt },
  ];
  return { model: target.model, messages, temperature: params.temperature, seed: params.seed, maxTokens: params.maxTokens };
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl || 'the engine';
  }
}

/**
 * Executes one queued run to a final state, persisting every change: translating the prompt when the run asks
 * in another language than the prompt's, streaming with checkpoints, bounded retries for failures that may pass
 * (only before any text arrived), first-byte and total timeouts, reading the answer (its language, and a
 * back-translation into the reader's) and cancellation through `signal` (partial text kept).
 */
export async function executeRun(queued: Run, signal: AbortSignal, deps: ExecuteDeps): Promise<void> {
  const { store, emit, now } = deps;
  const comparison = await store.getComparison(queued.comparisonId);
  const language = comparison && languagePlan(queued.target, comparison, deps.translator);
  const first = language?.translate ? 'translating' : 'streaming';
  const run = await store.move(queued.id, first, {
    text: '',
    error: undefined,
    errorCode: undefined,
    notice: language?.notice,
    startedAt: now(),
    finishedAt: undefined,
    attempts: queued.attempts + 1,
    sourceLanguage: language?.source,
    translation: undefined,
    translatedPrompt: undefined,
    answerLanguage: undefined,
    backTranslation: undefined,
    messages: undefined,
  });
  if (!run) return; // another runner took it, or it was cancelled meanwhile
  emit({ type: 'state', runId: run.id, state: first });
  const { target } = run;
  const endpoint = hostOf(target.baseUrl);
  const timeouts = deps.timeouts ?? DEFAULT_TIMEOUTS;
  const policy = deps.retry ?? DEFAULT_RETRY;
  let text = '';
  let apiKey: string | undefined;

  // Notices about the language (sent untranslated) and a shortened prompt stay on the finished run; passing ones do not.
  let lasting = language?.notice;
  const finish = async (to: 'done' | 'failed' | 'interrupted', patch: Partial<Run>) => {
    const moved = await store.move(run.id, to, { text, notice: lasting, finishedAt: now(), ...patch });
    if (moved) emit({ type: 'state', runId: run.id, state: to });
  };

  try {
    if (!comparison || !language) throw new Error('The comparison this run belongs to was deleted.');
    const provider = deps.providerFor(target.providerKind);
    if (!provider) throw new Error(`This version of Parallax cannot talk to ${target.providerKind} engines yet.`);
    apiKey = await deps.apiKeyFor(target.providerId);
    let prompt = comparison.prompt;
    let context = contextToSend(comparison);
    if (language.translate) {
      const translated = await translatePrompt(prompt, language, deps.translator, signal);
      prompt = translated.translatedPrompt!;
      context = await translateContext(context, language, deps.translator, signal);
      if (!(await store.move(run.id, 'streaming', translated))) return;
      emit({ type: 'state', runId: run.id, state: 'streaming' });
    }
    const { request, notice: shortened } = fitRequest(requestFor(target, prompt, context), target);
    if (shortened) lasting = [language.notice, shortened].filter(Boolean).join(' ');
    await store.patch(run.id, { messages: request.messages, ...(shortened ? { notice: lasting } : {}) });
    let usage: Run['usage'];

    for (let attempt = 1; ; attempt++) {
      const limits = limitsFor(target.providerKind, timeouts);
      let lastCheckpoint = now();
      try {
        const conn = { baseUrl: target.baseUrl, apiKey, modelLib: target.modelLib };
        for await (const event of timedStream((timed) => provider.stream(conn, request, timed), signal, limits, endpoint)) {
          if (event.type === 'text') {
            emit({ type: 'delta', runId: run.id, offset: text.length, text: event.text });
            text += event.text;
            if (now() - lastCheckpoint >= deps.checkpointMs) {
              lastCheckpoint = now();
              await store.patch(run.id, { text });
            }
          } else if (event.type === 'usage') {
            usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
          }
        }
        break;
      } catch (failure) {
        if (signal.aborted) throw failure;
        // Once text has arrived a retry would throw it away: keep it and let the user decide.
        const wait = failure instanceof ProviderError && !text ? retryDelay(failure, attempt, policy) : null;
        if (wait === null || !(failure instanceof ProviderError)) throw failure;
        const notice = `${withoutKey(failure.message, apiKey)} Trying again in ${Math.ceil(wait / 1000)} s (try ${attempt + 1} of ${policy.maxAttempts}).`;
        await store.patch(run.id, { notice });
        await abortableSleep(wait, signal);
        await store.patch(run.id, { notice: lasting });
      }
    }
    const reading = await readAnswer(text, language, deps.translator, signal, (notice) => store.patch(run.id, { notice }));
    const verdict = classifyRefusal(text, {
      language: reading.answerLanguage?.code ?? target.language ?? undefined,
      backTranslation: reading.backTranslation?.text || undefined,
    });
    await finish('done', { ...(usage ? { usage } : {}), ...reading, refusal: verdict.label, ...(verdict.kind ? { refusalKind: verdict.kind } : {}) });
  } catch (err) {
    if (signal.aborted) return finish('interrupted', { error: CANCELLED_MESSAGE, errorCode: 'cancelled' });
    // Providers throw ProviderError with a message for the user; anything else is ours and says what went wrong.
    const { message, code } =
      err instanceof ProviderError || err instanceof TranslationFailed ? err : { message: err instanceof Error ? err.message : String(err), code: 'error' };
    await finish('failed', { error: withoutKey(message, apiKey), errorCode: code });
  }
}
