/**
 * How a prompt picked up on a chat site is asked: with the axes chosen in the prompt box (endpoints, languages,
 * personas, repetitions, temperature), like the context menu. What must not start by itself is held for the
 * user, never started to fail: a run count above the prompt box's confirmation size, a prompt longer than
 * {@link MAX_CAPTURED_PROMPT_CHARS}, and languages the translator cannot reach yet.
 */
import type { ProviderConfig } from '../../core/providers/types';
import { estimatePlan } from '../../core/runner/estimate';
import { MAX_CAPTURED_PROMPT_CHARS } from '../../core/sites/capture-limits';
import type { HeldRuns } from '../../core/runner/types';
import { detectLanguage } from '../../core/translate/detect';
import { catalogueCode } from '../../core/translate/languages';
import type { TranslationReadiness } from '../../core/translate/readiness';
import type { ComposeSpec } from '../messaging/protocol-compose';
import { CONFIRM_ABOVE_RUNS, type ComposeAxes } from '../storage/templates';

/** What to start now, and what to hold for the user. */
export interface CapturePlan {
  spec: Omit<ComposeSpec, 'text'>;
  held?: HeldRuns;
}

/** The compose spec of axes (no text). */
function specOfAxes(axes: ComposeAxes): Omit<ComposeSpec, 'text'> {
  return {
    ...(axes.providerIds ? { providerIds: axes.providerIds } : {}),
    ...(axes.languages.length ? { languages: axes.languages } : {}),
    ...(axes.personas.length ? { personas: axes.personas } : {}),
    ...(axes.repetitions > 1 ? { repetitions: axes.repetitions } : {}),
    ...(axes.temperature !== undefined ? { temperature: axes.temperature } : {}),
  };
}

const heldAxes = (axes: ComposeAxes, languages: string[]): HeldRuns['axes'] => ({
  ...(axes.providerIds ? { providerIds: axes.providerIds } : {}),
  languages,
  personas: axes.personas,
  repetitions: axes.repetitions,
  ...(axes.temperature !== undefined ? { temperature: axes.temperature } : {}),
});

/** Nothing but the site's own answer: no endpoint is asked. */
const NOTHING: Omit<ComposeSpec, 'text'> = { providerIds: [] };

/**
 * Plans a picked-up prompt. `check` asks the runner host which languages its translator can reach; when it
 * cannot answer, the languages are asked and each run reports its own translation problem.
 */
export async function planCapture(
  text: string,
  axes: ComposeAxes,
  providers: readonly ProviderConfig[],
  check: (source: string | null, targets: string[]) => Promise<TranslationReadiness>,
): Promise<CapturePlan> {
  const spec = specOfAxes(axes);
  const estimate = estimatePlan({ text, ...spec }, providers);
  if (text.length > MAX_CAPTURED_PROMPT_CHARS && estimate.runs > 0) {
    return { spec: NOTHING, held: { reason: 'confirm', axes: heldAxes(axes, axes.languages), runs: estimate.runs, chars: text.length } };
  }
  if (estimate.runs > CONFIRM_ABOVE_RUNS) return { spec: NOTHING, held: { reason: 'confirm', axes: heldAxes(axes, axes.languages), runs: estimate.runs } };
  if (!axes.languages.length) return { spec };
  const source = catalogueCode(detectLanguage(text).code);
  const readiness = await check(source, axes.languages).catch(() => null);
  if (!readiness?.missing.length) return { spec: { ...spec, ...(source ? { sourceLanguage: source } : {}) } };
  const missing = readiness.missing.map((m) => m.language);
  const held: HeldRuns = {
    reason: 'translator',
    axes: heldAxes(axes, missing),
    runs: estimatePlan({ text, ...spec, languages: missing }, providers).runs,
    missing: readiness.missing,
  };
  const ready = axes.languages.filter((l) => readiness.ready.includes(l));
  return { spec: ready.length ? { ...spec, languages: ready, ...(source ? { sourceLanguage: source } : {}) } : NOTHING, held };
}
