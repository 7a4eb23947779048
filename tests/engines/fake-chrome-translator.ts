/**
 * Class-based doubles of Chrome's `Translator` and `LanguageDetector` globals, shaped like the real API surface:
 * static availability() and create({ monitor, signal }), instances with translate()/detect() and destroy(),
 * `downloadprogress` events on the monitor. Pairs are "ready", "downloadable" or absent (unavailable).
 */
export interface FakeChromeOptions {
  /** "en>de" → state. Missing pairs are 'unavailable'. */
  pairs: Record<string, 'available' | 'downloadable' | 'downloading'>;
  /** "en>de" → text → translation; otherwise the text comes back tagged "[de] text". */
  dictionary?: Record<string, Record<string, string>>;
  /** Downloads finish only when the test calls finish(); with user activation only, like Chrome. */
  requireActivation?: boolean;
}

/** Builds a fake `Translator` class plus the handles a test drives it with. */
export function fakeChromeTranslator(opts: FakeChromeOptions) {
  const log = { created: [] as string[], translated: [] as { pair: string; text: string }[], destroyed: 0 };
  let activation = !opts.requireActivation;
  const monitors: EventTarget[] = [];
  const pending: (() => void)[] = [];

  class FakeTranslator {
    static async availability({ sourceLanguage, targetLanguage }: { sourceLanguage: string; targetLanguage: string }): Promise<string> {
      return opts.pairs[`${sourceLanguage}>${targetLanguage}`] ?? 'unavailable';
    }

    static async create(options: {
      sourceLanguage: string;
      targetLanguage: string;
      signal?: AbortSignal;
      monitor?: (m: EventTarget) => void;
    }): Promise<FakeTranslator> {
      const pair = `${options.sourceLanguage}>${options.targetLanguage}`;
      const state = opts.pairs[pair];
      if (!state) throw new DOMException('Unable to create translator for the given source and target language.', 'NotSupportedError');
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      log.created.push(pair);
      if (state === 'available') return new FakeTranslator(pair);
      if (!activation) throw new DOMException('Requires a user gesture when availability is "downloading" or "downloadable".', 'NotAllowedError');
      monitors.push(monitor);
      opts.pairs[pair] = 'downloading';
      return new Promise((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        pending.push(() => {
          opts.pairs[pair] = 'available';
          resolve(new FakeTranslator(pair));
        });
      });
    }

    constructor(private readonly pair: string) {}

    async translate(input: string, options: { signal?: AbortSignal } = {}): Promise<string> {
      if (options.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
      log.translated.push({ pair: this.pair, text: input });
      const target = this.pair.split('>')[1];
      return opts.dictionary?.[this.pair]?.[input] ?? `[${target}] ${input}`;
    }

    destroy() {
      log.destroyed++;
    }
  }

  return {
    Translator: FakeTranslator,
    log,
    /** Simulates the click that gives user activation. */
    activate: () => (activation = true),
    progress: (loaded: number) => monitors.forEach((m) => m.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded, total: 1 }))),
    finish: () => pending.splice(0).forEach((done) => done()),
  };
}

/** A fake `LanguageDetector` class answering from a table of text → language. */
export function fakeChromeDetector(state: 'available' | 'downloadable', table: Record<string, string>) {
  const log = { created: 0 };
  class FakeLanguageDetector {
    static async availability(): Promise<string> {
      return state;
    }

    static async create(): Promise<FakeLanguageDetector> {
      log.created++;
      if (state !== 'available') throw new DOMException('Requires a user gesture.', 'NotAllowedError');
      return new FakeLanguageDetector();
    }

    async detect(input: string) {
      const language = table[input];
      return language
        ? [
            { detectedLanguage: language, confidence: 0.97 },
            { detectedLanguage: 'und', confidence: 0.03 },
          ]
        : [{ detectedLanguage: 'und', confidence: 1 }];
    }

    destroy() {}
  }
  return { LanguageDetector: FakeLanguageDetector, log };
}
