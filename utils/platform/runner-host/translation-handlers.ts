import type { Handlers } from '../messaging/router';
import type { TranslationPreview } from '../messaging/protocol-compose';
import { languageName, sameLanguage } from '../../core/translate/languages';
import { roundTripDrift } from '../../core/translate/round-trip';
import type { Translator } from '../../core/translate/translator';
import type { HostTranslator } from './translator-for';
import { translationReadiness } from '../../core/translate/readiness';

/** How long one preview may take: a slow remote model translating a long prompt both ways. */
const PREVIEW_TIMEOUT_MS = 120_000;

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function engineOf(translator: Translator): NonNullable<TranslationPreview['engine']> {
  return { id: translator.id, label: translator.label, onDevice: translator.onDevice, ...(translator.model ? { model: translator.model } : {}) };
}

/**
 * Handlers of the runner host for translation: previews for the review step (made with the same translator and
 * cache the runs use, so an unedited preview is what the run sends) and round-trip checks of a translation.
 */
export function translationHandlers(host: HostTranslator, timeoutMs = PREVIEW_TIMEOUT_MS): Handlers {
  return {
    async 'translation.check'({ source, targets }) {
      await host.refresh();
      return translationReadiness(host.settings(), source ?? null, targets);
    },
    async 'translation.preview'({ text, source, target, translation, roundTrip }) {
      await host.ready;
      await host.refresh(); // the settings may have changed since (the offscreen document cannot watch them)
      const translator = host.current();
      if (sameLanguage(source, target)) return { translation: text, engine: null };
      const signal = AbortSignal.timeout(timeoutMs);
      let translated = translation?.trim();
      let engine: TranslationPreview['engine'] = null;
      if (!translated) {
        if (!translator)
          throw new Error(
            `Translation is set to “none” in Settings → Translation: type the ${languageName(target)} prompt yourself, or choose an engine there.`,
          );
        translated = (await translator.translate(text, source, target, signal)).trim();
        engine = engineOf(translator);
        if (!translated) throw new Error(`${translator.label} returned an empty translation into ${languageName(target)}.`);
      }
      if (!roundTrip || !translator) return { translation: translated, engine };
      try {
        const back = (await translator.translate(translated, target, source, signal)).trim();
        return { translation: translated, engine, roundTrip: back, drift: roundTripDrift(text, back, source) };
      } catch (err) {
        return { translation: translated, engine, roundTripError: `Could not translate it back into ${languageName(source)} to check it: ${reasonOf(err)}` };
      }
    },
  };
}
