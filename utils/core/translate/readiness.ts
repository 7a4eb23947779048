/**
 * Can the translator the settings name translate a prompt into each language right now? Asked before any run
 * starts, so no run is started only to fail for want of a translator. Never downloads anything.
 */
import { pairAvailability, type TranslatorApi } from '../on-device/chrome-translator';
import type { HeldRuns } from '../runner/types';
import { sameLanguage } from './languages';
import { checkEngine, type TranslatorSettings } from './settings';

/** The languages a translator can reach now, and what stands in the way of the others. */
export interface TranslationReadiness {
  /** The engine the settings name: Chrome's on-device translator, a configured model, or none. */
  engine: 'chrome' | 'model' | 'none';
  ready: string[];
  missing: NonNullable<HeldRuns['missing']>;
}

/**
 * Readiness of `targets` from `source` (null: not known yet, so nothing can be checked and all count as ready).
 * A target equal to the source needs no translation; one the user translated (`typed`) needs none either.
 */
export async function translationReadiness(
  settings: TranslatorSettings,
  source: string | null,
  targets: readonly string[],
  options: { typed?: readonly string[]; chromeApi?: TranslatorApi } = {},
): Promise<TranslationReadiness> {
  const { engine } = settings.translation;
  const needed = targets.filter((t) => !(source && sameLanguage(source, t)) && !options.typed?.includes(t));
  const free = targets.filter((t) => !needed.includes(t));
  if (!source || !needed.length) return { engine: engine.kind, ready: [...targets], missing: [] };
  if (engine.kind === 'none' || !checkEngine(engine, settings.providers, settings.onDeviceOnly).ok) {
    return { engine: engine.kind, ready: free, missing: needed.map((language) => ({ language, availability: 'no-translator' as const })) };
  }
  if (engine.kind === 'model') return { engine: 'model', ready: [...targets], missing: [] };
  const states = await Promise.all(needed.map(async (language) => ({ language, availability: await pairAvailability(source, language, options.chromeApi) })));
  return {
    engine: 'chrome',
    ready: targets.filter((t) => free.includes(t) || states.some((s) => s.language === t && s.availability === 'available')),
    missing: states
      .filter((s) => s.availability !== 'available')
      .map((s) => ({ language: s.language, availability: s.availability as Exclude<typeof s.availability, 'available'> })),
  };
}
