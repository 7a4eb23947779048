import { ProviderError } from '../providers/errors';
import { catalogueCode, languageName } from '../translate/languages';
import type { DetectedLanguage } from '../translate/detect';
import type { Translator } from '../translate/translator';
import { normaliseAvailability, progressFraction, type BuiltinAvailability, type DownloadProgressLike } from './chrome-builtin-engine';

/** The options of `Translator.create()` used here (availability() takes the two languages only). */
interface TranslatorCreateOptions {
  sourceLanguage: string;
  targetLanguage: string;
  signal?: AbortSignal;
  monitor?: (monitor: EventTarget) => void;
}

/** A `Translator` instance: one language pair. */
interface TranslatorSession {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

/** The static side of Chrome's `Translator` global. */
export interface TranslatorApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: TranslatorCreateOptions): Promise<TranslatorSession>;
}

/** A `LanguageDetector` instance. */
interface LanguageDetectorSession {
  detect(input: string, options?: { signal?: AbortSignal }): Promise<{ detectedLanguage: string; confidence: number }[]>;
  destroy(): void;
}

/** The static side of Chrome's `LanguageDetector` global. */
export interface LanguageDetectorApi {
  availability(options?: { expectedInputLanguages?: string[] }): Promise<string>;
  create(options?: { signal?: AbortSignal; monitor?: (monitor: EventTarget) => void }): Promise<LanguageDetectorSession>;
}

/** A language pair's (or the detector's) state, 'unsupported' when the browser has no such API. */
export type PairAvailability = BuiltinAvailability | 'unsupported';

const apiIn = (scope: object, name: string): object | undefined => {
  const api = (scope as Record<string, Partial<{ availability: unknown; create: unknown }> | undefined>)[name];
  return api && typeof api.availability === 'function' && typeof api.create === 'function' ? api : undefined;
};

/** Chrome's `Translator` in this context (a window: extension page or offscreen document), if there is one. */
export function translatorApi(scope: object = globalThis): TranslatorApi | undefined {
  return apiIn(scope, 'Translator') as TranslatorApi | undefined;
}

/** Chrome's `LanguageDetector` in this context, if there is one. */
export function languageDetectorApi(scope: object = globalThis): LanguageDetectorApi | undefined {
  return apiIn(scope, 'LanguageDetector') as LanguageDetectorApi | undefined;
}

const pairName = (source: string, target: string) => `${languageName(source)} → ${languageName(target)}`;

/** Whether Chrome can translate a pair now, after a download, or not at all. Never starts a download. */
export async function pairAvailability(source: string, target: string, api: TranslatorApi | undefined = translatorApi()): Promise<PairAvailability> {
  if (!api) return 'unsupported';
  try {
    return normaliseAvailability(await api.availability({ sourceLanguage: source, targetLanguage: target }));
  } catch {
    return 'unavailable';
  }
}

/**
 * Downloads the language pair (or follows a download under way). Call it straight from a click: Chrome downloads
 * only with the user's gesture, so nothing is awaited before create().
 */
export async function downloadPair(
  source: string,
  target: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
  api: TranslatorApi | undefined = translatorApi(),
): Promise<void> {
  if (!api) throw new ProviderError('unsupported', UNSUPPORTED);
  try {
    const session = await api.create({
      sourceLanguage: source,
      targetLanguage: target,
      signal,
      monitor: (m) => m.addEventListener('downloadprogress', (e) => onProgress(progressFraction(e as DownloadProgressLike))),
    });
    session.destroy();
    onProgress(1);
  } catch (err) {
    throw classifyTranslatorError(err, source, target, signal);
  }
}

/** State of Chrome's language detector. Never starts a download. */
export async function detectorAvailability(api: LanguageDetectorApi | undefined = languageDetectorApi()): Promise<PairAvailability> {
  if (!api) return 'unsupported';
  try {
    return normaliseAvailability(await api.availability());
  } catch {
    return 'unavailable';
  }
}

/** Downloads Chrome's language detector; call it from a click. */
export async function downloadDetector(
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
  api: LanguageDetectorApi | undefined = languageDetectorApi(),
): Promise<void> {
  if (!api) throw new ProviderError('unsupported', UNSUPPORTED);
  const session = await api.create({
    signal,
    monitor: (m) => m.addEventListener('downloadprogress', (e) => onProgress(progressFraction(e as DownloadProgressLike))),
  });
  session.destroy();
  onProgress(1);
}

/**
 * The language of a text by Chrome's detector, as a catalogue code; null when the detector is absent, not
 * downloaded (it is never downloaded here) or names a language outside the catalogue.
 */
export async function detectWithChrome(text: string, api: LanguageDetectorApi | undefined = languageDetectorApi()): Promise<DetectedLanguage | null> {
  if (!api || (await detectorAvailability(api)) !== 'available') return null;
  const detector = await api.create();
  try {
    const [best] = await detector.detect(text);
    const code = catalogueCode(best?.detectedLanguage);
    return code && best ? { code, confidence: Math.round(best.confidence * 100) / 100 } : null;
  } finally {
    detector.destroy();
  }
}

const UNSUPPORTED =
  'This browser has no on-device Translator API (it needs desktop Chrome 138 or later). Choose a model to translate, or type translations yourself, in Settings → Translation.';

/** What to do when a pair is not ready: the run never downloads it. */
function notReadyMessage(availability: PairAvailability, source: string, target: string): string {
  const pair = pairName(source, target);
  switch (availability) {
    case 'unsupported':
      return UNSUPPORTED;
    case 'downloadable':
      return `Chrome's on-device translator for ${pair} is not downloaded. Download it in Settings → Translation, then retry.`;
    case 'downloading':
      return `Chrome is still downloading its translator for ${pair}. Follow the download in Settings → Translation, then retry.`;
    default:
      return `Chrome cannot translate ${pair} on this device. Choose a model to translate in Settings → Translation, or type the translation yourself.`;
  }
}

const nameOf = (err: unknown) => (typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined);

/** Turns what the Translator API threw into a {@link ProviderError} a user can act on. */
function classifyTranslatorError(err: unknown, source: string, target: string, signal?: AbortSignal): ProviderError {
  if (err instanceof ProviderError) return err;
  if (signal?.aborted || nameOf(err) === 'AbortError') return new ProviderError('aborted', 'Cancelled.');
  const raw = err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
  switch (nameOf(err)) {
    case 'NotAllowedError':
      return new ProviderError('not_downloaded', notReadyMessage('downloadable', source, target));
    case 'NotSupportedError':
      return new ProviderError('unsupported', notReadyMessage('unavailable', source, target));
    case 'QuotaExceededError':
      return new ProviderError(
        'bad_request',
        `The text is too long for Chrome's on-device translator (${raw}). Shorten it, or choose a model to translate in Settings → Translation.`,
      );
    default:
      return new ProviderError('bad_response', `Chrome's on-device translator failed (${raw || 'no reason given'}). Try again.`);
  }
}

/**
 * Text split for translation: paragraphs translated one by one, fenced code blocks and blank lines kept as they
 * are, so an answer's structure survives the translator (which may merge lines).
 */
export function translatableParts(text: string): { text: string; translate: boolean }[] {
  const parts: { text: string; translate: boolean }[] = [];
  const push = (piece: string, translate: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.translate === translate && !translate) last.text += piece;
    else parts.push({ text: piece, translate });
  };
  const lines = text.split('\n');
  let fence: string | null = null;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) push(paragraph.join('\n'), true);
    paragraph = [];
  };
  lines.forEach((line, i) => {
    const end = i < lines.length - 1 ? '\n' : '';
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      push(line + end, false);
      if (marker === fence) fence = null;
    } else if (marker) {
      flush();
      fence = marker;
      push(line + end, false);
    } else if (!line.trim()) {
      flush();
      push(line + end, false);
    } else {
      paragraph.push(line);
      if (i === lines.length - 1 || !lines[i + 1]!.trim() || /^\s*(```|~~~)/.test(lines[i + 1]!)) {
        flush();
        if (end) push(end, false);
      }
    }
  });
  flush();
  return parts;
}

/** Keeps a few language-pair sessions alive: creating one is slow, and a comparison reuses the same pairs. */
const MAX_SESSIONS = 8;

/**
 * A {@link Translator} over Chrome's on-device Translator API. It never downloads: a pair that is not ready fails
 * with a message telling the user to download it in settings.
 */
export function chromeTranslator(api: TranslatorApi | undefined = translatorApi()): Translator {
  const sessions = new Map<string, Promise<TranslatorSession>>();
  const sessionFor = async (source: string, target: string, signal: AbortSignal) => {
    const key = `${source}>${target}`;
    let session = sessions.get(key);
    if (!session) {
      const availability = await pairAvailability(source, target, api);
      if (availability !== 'available')
        throw new ProviderError(availability === 'unsupported' ? 'unsupported' : 'not_downloaded', notReadyMessage(availability, source, target));
      session = api!.create({ sourceLanguage: source, targetLanguage: target, signal });
      sessions.set(key, session);
      session.catch(() => sessions.get(key) === session && sessions.delete(key));
      while (sessions.size > MAX_SESSIONS) {
        const [oldest, first] = sessions.entries().next().value!;
        sessions.delete(oldest);
        void first.then(
          (s) => s.destroy(),
          () => undefined,
        );
      }
    }
    return session;
  };
  return {
    id: 'chrome',
    label: "Chrome's on-device translator",
    onDevice: true,
    async translate(text, source, target, signal) {
      try {
        const session = await sessionFor(source, target, signal);
        let out = '';
        for (const part of translatableParts(text)) {
          if (signal.aborted) throw new ProviderError('aborted', 'Cancelled.');
          out += part.translate ? await translateKeepingEnds(session, part.text, signal) : part.text;
        }
        return out;
      } catch (err) {
        throw classifyTranslatorError(err, source, target, signal);
      }
    },
  };
}

/** Translates one paragraph, keeping the newlines around it that the translator would drop. */
async function translateKeepingEnds(session: TranslatorSession, text: string, signal: AbortSignal): Promise<string> {
  const [, before = '', body = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  return before + (await session.translate(body, { signal })) + after;
}
