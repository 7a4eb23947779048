import { ON_DEVICE_KINDS, staysOnDevice } from '../providers/destination';
import type { ChatProvider, ProviderConnection } from '../providers/types';
import { withoutKey } from '../providers/errors';
import { limitsFor, timedStream, type Timeouts } from '../providers/timeouts';
import { cleanTranslation, translationInstruction, translationMessages } from './prompt';

/** Something that translates text between catalogue languages. */
export interface Translator {
  /** Stable id: part of the cache key and recorded on runs ("chrome", "model:…"). */
  id: string;
  /** Shown to the user ("Llama 3.2 on 127.0.0.1:11434"). */
  label: string;
  /** Runs on this device (in the browser, or a server on this computer's loopback address): nothing leaves it. */
  onDevice: boolean;
  /** The model translating, when a chat model does. */
  model?: string;
  /** The instruction given to a translating model, recorded on runs for reproducibility. */
  instructionFor?(source: string, target: string): string;
  /** Resolves with the translation only; rejects (ProviderError for engine failures) when it cannot. */
  translate(text: string, source: string, target: string, signal: AbortSignal): Promise<string>;
}

/**
 * How translations are made, chosen in settings: Chrome's on-device Translator, a configured chat model, or
 * none: the user types or edits every translation.
 */
export type TranslationMode = { kind: 'chrome' } | { kind: 'model'; providerId: string; model?: string } | { kind: 'none' };

/** Engine id recorded on runs whose translation the user supplied ("none" mode, or an edited translation). */
export const USER_SUPPLIED = 'none';

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return baseUrl;
  }
}

/** Thrown when a model replies with nothing usable as a translation. */
export class EmptyTranslation extends Error {
  constructor(label: string) {
    super(`${label} returned no translation.`);
    this.name = 'EmptyTranslation';
  }
}

/** How a model translator waits. */
export interface ModelTranslatorOptions {
  /** Limits on each translation, as on answers (default DEFAULT_TIMEOUTS); in-browser models get no first-byte limit. */
  timeouts?: Timeouts;
}

/**
 * A translator built on any chat provider: asks with the strict translation prompt at temperature 0, collects
 * the streamed reply and cleans it down to the translation. An endpoint that stalls fails it with a timeout.
 */
export function modelTranslator(provider: ChatProvider, conn: ProviderConnection, model: string, options: ModelTranslatorOptions = {}): Translator {
  const inBrowser = ON_DEVICE_KINDS.includes(provider.kind);
  const limits = limitsFor(provider.kind, options.timeouts);
  const endpoint = inBrowser ? 'The on-device model' : hostOf(conn.baseUrl);
  const onDevice = staysOnDevice({ kind: provider.kind, baseUrl: conn.baseUrl });
  const label = inBrowser ? `${model} (on this device)` : `${model} on ${hostOf(conn.baseUrl)}`;
  return {
    id: `model:${provider.kind}:${model}@${inBrowser ? 'device' : hostOf(conn.baseUrl)}`,
    label,
    onDevice,
    model,
    instructionFor: translationInstruction,
    async translate(text, source, target, signal) {
      let raw = '';
      const request = { model, messages: translationMessages(text, source, target), temperature: 0 };
      try {
        for await (const event of timedStream((timed) => provider.stream(conn, request, timed), signal, limits, endpoint)) {
          if (event.type === 'text') raw += event.text;
        }
      } catch (err) {
        // Servers may echo the key in their errors; the message ends up on a run.
        if (err instanceof Error) err.message = withoutKey(err.message, conn.apiKey);
        throw err;
      }
      const clean = cleanTranslation(raw, { source, target, text });
      if (!clean) throw new EmptyTranslation(label);
      return clean;
    },
  };
}
