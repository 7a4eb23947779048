/**
 * How an answer is named wherever a person reads it — cards, screen-reader labels, "Differences from", the
 * verdict, exports: *model · language* (· persona) (#repetition). One place, so every screen says the same.
 */
import { t, uiLanguage } from '../i18n';
import { languageName } from '../translate/languages';
import type { Run, Target } from './types';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The model's name: the model id, or the endpoint's label when it is the model's name ("Cautious" for
 * model "cautious"), qualified by the endpoint's label only when another endpoint among `peers` serves a
 * model of the same name. A chat site's own answer is "On ChatGPT".
 */
export function modelName(target: Target, peers: readonly Target[] = []): string {
  const label = target.providerLabel.trim();
  const model = target.model.trim();
  if (target.providerKind === 'site') return t('onSite', label);
  if (!model) return label;
  if (!label || same(label, model)) return label || model;
  const shared = peers.some((p) => p.providerId !== target.providerId && same(p.model, model));
  return shared ? `${label} ${model}` : model;
}

/**
 * An endpoint's model where runs of many comparisons are pooled (charts, tables): "Label · model", or the label
 * alone when it is the model's name ("Cautious" for "cautious"), so two endpoints never merge.
 */
export function endpointModelName(providerLabel: string, model: string): string {
  const label = providerLabel.trim();
  if (!label) return model;
  return same(label, model) ? label : `${label} · ${model}`;
}

/** The language a run was asked in: its target language, else the prompt's own; null when unknown. */
export function askedLanguage(run: Pick<Run, 'target' | 'sourceLanguage'>, promptLanguage?: string): string | null {
  return run.target.language ?? run.sourceLanguage ?? promptLanguage ?? null;
}

/** Name of a language in the UI's language ("German", "Deutsch", "alemán"); "as written" when unknown. */
export function languageLabel(code: string | null): string {
  return code ? languageName(code, uiLanguage()) : t('asWritten');
}

/** The voice of a run without its language: model (· persona). Runs sharing it are the same model asked in other languages. */
export function voiceName(run: Pick<Run, 'target'>, peers: readonly Target[] = []): string {
  const persona = run.target.persona?.label;
  return persona ? `${modelName(run.target, peers)} · ${persona}` : modelName(run.target, peers);
}

/** Key of a run's voice (endpoint, model, persona): equal for the same model asked in several languages. */
export const voiceKey = (target: Target): string => `${target.providerId}\u0000${target.model}\u0000${target.persona?.id ?? ''}`;

/**
 * *model · language* (· persona) (#repetition), e.g. "gpt-4o · German", "Cautious · Japanese · Japan #2"; the
 * language is left out when no one recorded it.
 * `peers` are the other runs of the comparison (to tell same-named models apart).
 */
export function answerName(
  run: Pick<Run, 'target' | 'sourceLanguage' | 'repetition'>,
  peers: readonly Pick<Run, 'target'>[] = [],
  promptLanguage?: string,
): string {
  const targets = peers.map((p) => p.target);
  const parts = [modelName(run.target, targets)];
  // A language nobody recorded (an old or imported run) is left out rather than named "as written".
  const language = askedLanguage(run, promptLanguage);
  if (language) parts.push(languageLabel(language));
  if (run.target.persona?.label) parts.push(run.target.persona.label);
  const name = parts.join(' · ');
  return run.repetition ? `${name} #${run.repetition}` : name;
}
