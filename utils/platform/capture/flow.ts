import type { MessageType, Payload, ReplyData } from '../messaging/protocol';
import { MAX_CONTEXT_TURNS, MAX_CONTEXT_TURN_CHARS, MAX_SITE_ANSWER_CHARS, type ContextTurn } from '../messaging/protocol-capture';
import { answerWhenDone, type AnswerWaitOptions } from '../../core/sites/answer';
import { findComposer, findSendButton, readTurns } from '../../core/sites/turns';
import type { SiteAdapter, Turn } from '../../core/sites/types';
import { showIndicator, type IndicatorOptions, type Indicator } from './indicator';
import { watchSubmits, type SubmittedPrompt } from './submit';

/** Sends one protocol message and resolves with its reply data (throws the user-facing reason otherwise). */
export type Send = <K extends MessageType>(type: K, payload: Payload<K>) => Promise<ReplyData<K>>;

/** What the capture flow works with; tests pass their own. */
export interface CaptureFlowDeps {
  doc: Document;
  adapter: SiteAdapter;
  send: Send;
  /** How long the site's answer may take and how long it must be still (defaults: 10 min, 1.5 s). */
  answer?: AnswerWaitOptions;
  indicator?: (doc: Document, opts: IndicatorOptions) => Indicator;
  log?: (message: string, err?: unknown) => void;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The conversation before a new prompt: its last turns, each cut to a size a message can carry. */
export function contextOf(turns: readonly Turn[]): ContextTurn[] {
  return turns.slice(-MAX_CONTEXT_TURNS).map((t) => ({ role: t.role, content: t.text.slice(0, MAX_CONTEXT_TURN_CHARS) }));
}

/**
 * Whether the last answer on the page answers this prompt: the user turn before it shows the prompt's text.
 * False after the user moved to another conversation meanwhile; true when the site shows no user turns.
 */
export function answersPrompt(turns: readonly Turn[], prompt: string): boolean {
  const lastAnswer = turns.findLastIndex((t) => t.role === 'assistant');
  const asked = turns.slice(0, lastAnswer).findLast((t) => t.role === 'user');
  if (!asked) return true;
  const shown = collapse(asked.text);
  const sent = collapse(prompt);
  // Sites render the prompt (markdown, long prompts folded): compare the start.
  const head = Math.min(shown.length, sent.length, 200);
  return head > 0 && shown.slice(0, head) === sent.slice(0, head);
}

/**
 * The composer as the indicator must leave it clear: its form (or itself), the send button, and the stop button
 * shown while the site answers. Looked up each time: sites replace these elements as they go.
 */
export function composerParts(adapter: SiteAdapter, doc: Document): Element[] {
  const composer = findComposer(adapter, doc);
  const stop = adapter.streaming.flatMap((s) => [...doc.querySelectorAll(s.css)]).map((el) => el.closest('button')).filter((el): el is HTMLButtonElement => el !== null);
  return [composer?.closest('form') ?? composer, findSendButton(adapter, doc), ...stop].filter((el): el is Element => el !== null);
}

/**
 * Picks up each prompt the user sends on the page, hands it to the background with the turns before it, shows
 * the page indicator with "Don't compare", and once the site has finished its own answer sends that too. A new
 * prompt stops waiting for the previous answer. Returns a function that stops everything.
 */
export function startCaptureFlow(deps: CaptureFlowDeps): () => void {
  const { doc, adapter, send } = deps;
  const log = deps.log ?? ((message: string, err?: unknown) => console.warn(`[parallax] ${message}`, err ?? ''));
  const indicate = deps.indicator ?? showIndicator;
  const answerOptions = { stableMs: 1500, timeoutMs: 10 * 60_000, ...deps.answer };
  let current: { waiting: AbortController; indicator?: Indicator } | null = null;

  async function onPrompt(prompt: SubmittedPrompt) {
    current?.waiting.abort();
    const waiting = new AbortController();
    const mine: NonNullable<typeof current> = (current = { waiting });
    // Read now: the site is about to add the prompt to the page and start its answer.
    const context = contextOf(readTurns(adapter, doc));
    const answer = answerWhenDone(adapter, doc, waiting.signal, answerOptions);
    answer.catch(() => undefined);

    let comparisonId: string | null;
    try {
      ({ comparisonId } = await send('prompt.captured', { text: prompt.text, url: doc.location.href, via: prompt.via, context }));
    } catch (err) {
      waiting.abort();
      return log('prompt not handed over', err);
    }
    if (!comparisonId || waiting.signal.aborted) return waiting.abort(); // paused, or a newer prompt came
    const id = comparisonId;
    mine.indicator = indicate(doc, {
      avoid: () => composerParts(adapter, doc),
      onUndo: () => {
        waiting.abort();
        send('capture.undo', { comparisonId: id })
          .then(() => mine.indicator?.removed())
          .catch((err: unknown) => mine.indicator?.failed(err instanceof Error ? err.message : String(err)));
      },
    });

    let text: string;
    try {
      text = await answer;
    } catch (err) {
      if (!waiting.signal.aborted) log('no answer from the site', err);
      return;
    }
    if (!answersPrompt(readTurns(adapter, doc), prompt.text)) return log('the last answer is not to this prompt');
    await send('answer.captured', { comparisonId: id, text: text.slice(0, MAX_SITE_ANSWER_CHARS), url: doc.location.href }).catch((err: unknown) =>
      log('answer not attached', err),
    );
  }

  const stopSubmits = watchSubmits(doc, adapter, (prompt) => void onPrompt(prompt));
  return () => {
    stopSubmits();
    current?.waiting.abort();
    current?.indicator?.close();
  };
}
