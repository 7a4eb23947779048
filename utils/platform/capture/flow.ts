import type { MessageType, Payload, ReplyData } from '../messaging/protocol';
import { MAX_PROMPT_CHARS } from '../messaging/limits';
import { t, uiLanguage } from '../../core/i18n';
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
  /** Which events are the user's own (default `event.isTrusted`); tests pass their own. */
  trusted?: (event: Event) => boolean;
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

/** How long after showing the indicator it is checked before the prompt is handed over (the page's reactions to it run first). */
const SETTLE_MS = 60;
/** How often the indicator is checked while it is up. */
const WATCH_MS = 250;

/**
 * The composer as the indicator must leave it clear: its form (or itself), the send button, and the stop button
 * shown while the site answers. Looked up each time: sites replace these elements as they go.
 */
function composerParts(adapter: SiteAdapter, doc: Document): Element[] {
  const composer = findComposer(adapter, doc);
  const stop = adapter.streaming
    .flatMap((s) => [...doc.querySelectorAll(s.css)])
    .map((el) => el.closest('button'))
    .filter((el): el is HTMLButtonElement => el !== null);
  return [composer?.closest('form') ?? composer, findSendButton(adapter, doc), ...stop].filter((el): el is Element => el !== null);
}

/**
 * Picks up each prompt the user sends on the page (their own key presses and clicks only, see submit.ts), shows
 * the page indicator with "Don't compare", hands the prompt to the background with the turns before it, and once
 * the site has finished its own answer sends that too. A new prompt stops waiting for the previous answer. The
 * indicator must stay visible: a page that hides, covers or removes it gets nothing picked up (a prompt already
 * handed over is taken back), capture stops on the page and the panel is told why. Returns a function that stops
 * everything.
 */
export function startCaptureFlow(deps: CaptureFlowDeps): () => void {
  const { doc, adapter, send } = deps;
  const log = deps.log ?? ((message: string, err?: unknown) => console.warn(`[parallax] ${message}`, err ?? ''));
  const indicate = deps.indicator ?? showIndicator;
  const answerOptions = { stableMs: 1500, timeoutMs: 10 * 60_000, ...deps.answer };
  let current: { waiting: AbortController; indicator: Indicator } | null = null;
  let blocked = false;

  /** The page hid the indicator: stop picking up prompts here, take back the one handed over, tell the panel. */
  const block = (comparisonId: string | null) => {
    if (!blocked)
      void send('capture.blocked', { url: doc.location.href, reason: 'indicator-hidden' }).catch((err: unknown) =>
        log('could not report the hidden indicator', err),
      );
    blocked = true;
    stopSubmits();
    if (comparisonId) void send('capture.undo', { comparisonId }).catch((err: unknown) => log('could not take back the prompt', err));
  };

  async function onPrompt(prompt: SubmittedPrompt) {
    if (blocked) return;
    current?.waiting.abort();
    const waiting = new AbortController();
    let comparisonId: string | null = null;
    const indicator = indicate(doc, {
      avoid: () => composerParts(adapter, doc),
      onUndo: () => {
        waiting.abort();
        if (!comparisonId) return;
        send('capture.undo', { comparisonId })
          .then(() => indicator.removed())
          .catch((err: unknown) => indicator.failed(err instanceof Error ? err.message : String(err)));
      },
    });
    current = { waiting, indicator };
    // Read now: the site is about to add the prompt to the page and start its answer.
    const context = contextOf(readTurns(adapter, doc));
    const answer = answerWhenDone(adapter, doc, waiting.signal, answerOptions);
    answer.catch(() => undefined);

    if (prompt.text.length > MAX_PROMPT_CHARS) {
      waiting.abort();
      indicator.notice(t('captureTooLong', MAX_PROMPT_CHARS.toLocaleString(uiLanguage())));
      return;
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    // A newer prompt within these milliseconds (no person sends twice that fast) replaces this one.
    if (waiting.signal.aborted) {
      indicator.close();
      return;
    }
    if (!indicator.shown()) {
      indicator.close();
      waiting.abort();
      block(null);
      return;
    }

    let reply: ReplyData<'prompt.captured'>;
    try {
      reply = await send('prompt.captured', { text: prompt.text, url: doc.location.href, via: prompt.via, context });
    } catch (err) {
      waiting.abort();
      indicator.close();
      log('prompt not handed over', err);
      return;
    }
    comparisonId = reply.comparisonId;
    if (!comparisonId) {
      waiting.abort();
      if (reply.notice)
        indicator.notice(reply.notice); // paused, or refused
      else indicator.close();
      return;
    }
    if (waiting.signal.aborted) return; // "Don't compare" meanwhile, or a newer prompt came
    const id = comparisonId;
    if (reply.notice) indicator.notice(reply.notice);
    else indicator.ready();
    // Checked while it is up: a page that hides it after the prompt went is caught too.
    const watch = setInterval(() => {
      if (!indicator.open() || waiting.signal.aborted) {
        clearInterval(watch);
        return;
      }
      if (indicator.shown()) return;
      clearInterval(watch);
      waiting.abort();
      indicator.close();
      block(id);
    }, WATCH_MS);

    let text: string;
    try {
      text = await answer;
    } catch (err) {
      if (!waiting.signal.aborted) log('no answer from the site', err);
      return;
    }
    if (!answersPrompt(readTurns(adapter, doc), prompt.text)) {
      log('the last answer is not to this prompt');
      return;
    }
    await send('answer.captured', { comparisonId: id, text: text.slice(0, MAX_SITE_ANSWER_CHARS), url: doc.location.href }).catch((err: unknown) =>
      log('answer not attached', err),
    );
  }

  const stopSubmits = watchSubmits(doc, adapter, (prompt) => void onPrompt(prompt), deps.trusted ? { trusted: deps.trusted } : {});
  return () => {
    stopSubmits();
    current?.waiting.abort();
    current?.indicator.close();
  };
}
