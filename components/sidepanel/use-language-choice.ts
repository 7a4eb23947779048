import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { detectWithChrome } from '@/utils/core/on-device/chrome-translator';
import { send } from '@/utils/platform/messaging/client';
import type { ComposeSpec, TranslationPreview, TranslationPreviewRequest } from '@/utils/platform/messaging/protocol-compose';
import { OTHER_LANGUAGE_CONFIDENCE, detectLanguage } from '@/utils/core/translate/detect';
import { sameLanguage } from '@/utils/core/translate/languages';
import { useTranslationSettings, type TranslationSettingsView } from '../shared/use-translation-settings';

/** One language's translation under review. */
export interface ReviewItem {
  /** loading: being translated; manual: no engine, the user types it. */
  status: 'loading' | 'ready' | 'error' | 'manual';
  /** What is in the box now (sent when edited). */
  value: string;
  /** The engine's translation, when it made one. */
  machine?: string;
  engine?: string;
  edited: boolean;
  error?: string;
  roundTrip?: string;
  drift?: TranslationPreview['drift'];
  roundTripError?: string;
  checking?: boolean;
}

/** Translations of one prompt text from one source language, by target code. */
interface Review {
  text: string;
  source: string;
  items: Record<string, ReviewItem>;
}

/** The prompt box's language choice: target languages, the prompt's language, and the review of translations. */
export interface LanguageChoice {
  settings: TranslationSettingsView;
  languages: string[];
  setLanguages: (codes: string[]) => void;
  /** The language the user said the prompt is in, or null to detect it. */
  sourceOverride: string | null;
  setSourceOverride: (code: string | null) => void;
  /** The prompt's language: the user's choice, else detected, else the reading language. */
  sourceOf: (text: string) => string;
  /** Languages that need a translation (chosen, other than the prompt's). */
  targetsFor: (text: string) => string[];
  /** The prompt changed: when the built-in detection is unsure, ask Chrome's language detector (if downloaded). */
  noteText: (text: string) => void;
  review: Review | null;
  startReview: (text: string) => void;
  closeReview: () => void;
  edit: (code: string, value: string) => void;
  revert: (code: string) => void;
  /** Round-trips the box's current text (after an edit). */
  recheck: (code: string) => void;
  /** The languages, the prompt's language and the user's translations for comparison.start, over a base spec. */
  specFor: (text: string, base?: Omit<ComposeSpec, 'text'>) => Omit<ComposeSpec, 'text'>;
  /** The comparison started: the review is done with. */
  sent: () => void;
}

/** Where the choice keeps its languages when the page's compose state owns them (templates, last used). */
export interface LanguageStore {
  languages: string[];
  setLanguages: (codes: string[]) => void;
}

type Preview = (request: TranslationPreviewRequest) => Promise<TranslationPreview>;

/** Translations asked for at once: a remote model is not flooded, Chrome's translator is not slowed. */
const PARALLEL = 3;

/** The composer's language state. `store` keeps the languages elsewhere; `preview` is replaceable in tests. */
export function useLanguageChoice(store?: LanguageStore, preview: Preview = (r) => send('translation.preview', r)): LanguageChoice {
  const settings = useTranslationSettings();
  const [own, setOwn] = useState<string[]>([]);
  const [sourceOverride, setSourceOverride] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [chromeGuess, setChromeGuess] = useState<{ text: string; code: string } | null>(null);
  const generation = useRef(0);
  const languages = store?.languages ?? own;
  const setLanguages = store?.setLanguages ?? setOwn;

  const patchItem = (gen: number, code: string, patch: Partial<ReviewItem>) =>
    generation.current === gen && setReview((r) => (r && r.items[code] ? { ...r, items: { ...r.items, [code]: { ...r.items[code], ...patch } } } : r));

  const detected = (text: string) => {
    const guess = detectLanguage(text);
    if (guess.code && guess.confidence >= OTHER_LANGUAGE_CONFIDENCE) return guess.code;
    return chromeGuess?.text === text ? chromeGuess.code : null;
  };
  const sourceOf = (text: string) => sourceOverride ?? detected(text) ?? settings.reading;
  const targetsFor = (text: string) => {
    const source = sourceOf(text);
    return languages.filter((code) => !sameLanguage(code, source));
  };

  const translateInto = async (gen: number, text: string, source: string, codes: string[]) => {
    const queue = [...codes];
    const worker = async () => {
      for (let code = queue.shift(); code; code = queue.shift()) {
        try {
          const reply = await preview({ text, source, target: code, roundTrip: true });
          patchItem(gen, code, {
            status: 'ready',
            value: reply.translation,
            machine: reply.translation,
            engine: reply.engine?.label,
            roundTrip: reply.roundTrip,
            drift: reply.drift,
            roundTripError: reply.roundTripError,
          });
        } catch (err) {
          patchItem(gen, code, { status: 'error', error: err instanceof Error ? err.message : String(err) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, codes.length) }, worker));
  };

  const startReview = (text: string) => {
    const gen = ++generation.current;
    const source = sourceOf(text);
    const codes = targetsFor(text);
    const manual = settings.engine.kind === 'none';
    const kept = review && review.text === text && review.source === source ? review.items : {};
    const items: Record<string, ReviewItem> = {};
    for (const code of codes) items[code] = kept[code]?.edited ? kept[code] : { status: manual ? 'manual' : 'loading', value: '', edited: false };
    setReview({ text, source, items });
    if (!manual)
      void translateInto(
        gen,
        text,
        source,
        codes.filter((c) => !items[c]!.edited),
      );
  };

  // Languages added while reviewing are translated too.
  useEffect(() => {
    if (!review) return;
    const missing = languages.filter((c) => !sameLanguage(c, review.source) && !review.items[c]);
    if (!missing.length) return;
    const manual = settings.engine.kind === 'none';
    setReview({
      ...review,
      items: { ...review.items, ...Object.fromEntries(missing.map((c) => [c, { status: manual ? 'manual' : 'loading', value: '', edited: false }])) },
    });
    if (!manual) void translateInto(generation.current, review.text, review.source, missing);
  }, [languages.join(','), review?.text, review?.source]);

  const checkWithChrome = useMemo(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return (text: string) => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          void detectWithChrome(text).then(
            (d) => d?.code && d.confidence >= 0.7 && setChromeGuess({ text, code: d.code }),
            () => undefined,
          ),
        400,
      );
    };
  }, []);

  return {
    settings,
    languages,
    setLanguages,
    sourceOverride,
    setSourceOverride,
    sourceOf,
    targetsFor,
    noteText: (text) => {
      if (text.trim() && !detected(text)) checkWithChrome(text);
    },
    review,
    startReview,
    closeReview: () => {
      generation.current++;
      setReview(null);
    },
    edit: (code, value) =>
      setReview((r) =>
        r?.items[code]
          ? {
              ...r,
              items: { ...r.items, [code]: { ...r.items[code], value, edited: value !== r.items[code].machine, drift: undefined, roundTrip: undefined } },
            }
          : r,
      ),
    revert: (code) =>
      setReview((r) =>
        r?.items[code]?.machine !== undefined ? { ...r, items: { ...r.items, [code]: { ...r.items[code], value: r.items[code].machine, edited: false } } } : r,
      ),
    recheck(code) {
      const item = review?.items[code];
      if (!review || !item?.value.trim()) return;
      const gen = generation.current;
      patchItem(gen, code, { checking: true, roundTripError: undefined });
      preview({ text: review.text, source: review.source, target: code, translation: item.value, roundTrip: true }).then(
        (reply) => patchItem(gen, code, { checking: false, roundTrip: reply.roundTrip, drift: reply.drift, roundTripError: reply.roundTripError }),
        (err: unknown) => patchItem(gen, code, { checking: false, roundTripError: err instanceof Error ? err.message : String(err) }),
      );
    },
    specFor(text, base = {}) {
      const source = sourceOf(text);
      const mine: Record<string, string> = {};
      if (review && review.text === text && review.source === source) {
        for (const code of languages) {
          const item = review.items[code];
          if (item?.edited && item.value.trim()) mine[code] = item.value.trim();
        }
      }
      const translations = { ...base.translations, ...mine };
      return {
        ...base,
        ...(languages.length ? { languages } : {}),
        sourceLanguage: sourceOverride ?? base.sourceLanguage ?? source,
        ...(Object.keys(translations).length ? { translations } : {}),
      };
    },
    sent: () => {
      generation.current++;
      setReview(null);
    },
  };
}
