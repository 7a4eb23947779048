import type { RefusalVerdict, ValueFeatures } from '@/utils/core/analysis/types';
import { UNDETERMINED, type Classify, type ExtractFeatures } from '@/utils/core/dashboard/aggregate';

type Loader = () => Promise<unknown>;

/** The analysers as the page has them: each null when not available, with a note saying why. */
export interface Analysis {
  classify: Classify | null;
  features: ExtractFeatures | null;
  notes: string[];
}

/**
 * The analysis modules, found when the page is built and loaded lazily. A module that does not exist yet
 * leaves no entry (the page says so) instead of failing the build.
 */
const MODULES: Record<string, Loader> = import.meta.glob(['../../utils/core/analysis/refusal.ts', '../../utils/core/analysis/values.ts']);

const find = (modules: Record<string, Loader>, file: string) => Object.entries(modules).find(([path]) => path.endsWith(`/${file}`))?.[1];

/** The first function among the named exports. */
function exported(mod: unknown, names: string[]): ((...args: unknown[]) => unknown) | null {
  for (const name of names) {
    const value = (mod as Record<string, unknown> | null)?.[name];
    if (typeof value === 'function') return value as (...args: unknown[]) => unknown;
  }
  return null;
}

/**
 * Wraps an analyser, called as `fn(text, { language, backTranslation })` (both analysers take these options; an
 * unknown language is left out so they guess it from the script). Results are cached per language and text; a throw or a malformed
 * result counts as "not analysed".
 */
function guarded<T>(
  fn: (...args: unknown[]) => unknown,
  valid: (v: unknown) => v is T,
): (text: string, language: string, backTranslation?: string) => T | null {
  const cache = new Map<string, T | null>();
  return (text, language, backTranslation) => {
    const key = `${language}\u0000${text}\u0000${backTranslation ?? ''}`;
    if (cache.has(key)) return cache.get(key)!;
    let result: T | null = null;
    try {
      const value = fn(text, { ...(language === UNDETERMINED ? {} : { language }), ...(backTranslation ? { backTranslation } : {}) });
      result = valid(value) ? value : null;
    } catch {
      result = null;
    }
    cache.set(key, result);
    return result;
  };
}

const isVerdict = (v: unknown): v is RefusalVerdict => typeof (v as RefusalVerdict | null)?.label === 'string';
const isFeatures = (v: unknown): v is ValueFeatures => typeof (v as ValueFeatures | null)?.balance?.value === 'string';

async function load<T>(
  modules: Record<string, Loader>,
  file: string,
  names: string[],
  valid: (v: unknown) => v is T,
  what: string,
  notes: string[],
): Promise<((text: string, language: string, backTranslation?: string) => T | null) | null> {
  const loader = find(modules, file);
  if (!loader) {
    notes.push(`${what} is not available in this build, so its chart stays empty (analysis pending).`);
    return null;
  }
  try {
    const fn = exported(await loader(), names);
    if (fn) return guarded(fn, valid);
    notes.push(`${what} is not available: utils/core/analysis/${file} has no ${names.join(' or ')}.`);
  } catch (err) {
    notes.push(`${what} could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
  }
  return null;
}

/** Loads the refusal classifier and the value-feature extractor, whichever exist. */
export async function loadAnalysis(modules: Record<string, Loader> = MODULES): Promise<Analysis> {
  const notes: string[] = [];
  const classify = await load(modules, 'refusal.ts', ['classifyRefusal', 'classify'], isVerdict, 'Refusal analysis', notes);
  const features = await load(modules, 'values.ts', ['valueFeatures'], isFeatures, 'Value-feature analysis', notes);
  return { classify, features, notes };
}
