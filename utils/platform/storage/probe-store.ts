/**
 * What the Studies page keeps between visits, in storage.local (small, versioned, never synced): the user's own
 * probe sets, the survey questionnaire the user imported (its text is theirs, never bundled), and the last
 * survey choices. Batches themselves (plan, progress, results) live in Dexie's `batches` table.
 */
import { storage } from 'wxt/utils/storage';
import { BUILT_IN_PROBE_SET_IDS } from '../../core/probes/sets';
import type { ProbeSet } from '../../core/probes/types';
import { importProbeSets, validateProbeSet } from '../../core/probes/validate';
import type { Instrument } from '../../core/surveys/instrument';

/** The user's probe sets (built-in sets are code, not stored). */
export const userProbeSetsItem = storage.defineItem<ProbeSet[]>('local:probeSets', { version: 1, fallback: [] });

/** The imported VSM 2013 questionnaire (structure plus the user's text in one or more languages), or null. */
export const questionnaireItem = storage.defineItem<Instrument | null>('local:surveyQuestionnaire', { version: 1, fallback: null });

/** Survey choices remembered for the next run: constants C per index, repetitions, temperature, base seed. */
export interface SurveyChoices {
  constants: Record<string, number>;
  repetitions: number;
  temperature: number;
  /** Repetition r is asked with seed base + r − 1 (reproducible, yet varied). */
  seedBase: number;
}

/** Defaults: C = 0, five repetitions (as the literature averaged), temperature 0.7, seeds from 1. */
export const DEFAULT_SURVEY_CHOICES: SurveyChoices = { constants: {}, repetitions: 5, temperature: 0.7, seedBase: 1 };

export const surveyChoicesItem = storage.defineItem<SurveyChoices>('local:surveyChoices', { version: 1, fallback: DEFAULT_SURVEY_CHOICES });

/** Adds or replaces (same id) one user set after checking it; throws with every problem found. */
export async function saveUserSet(raw: unknown, replacing?: string): Promise<ProbeSet> {
  const checked = validateProbeSet(raw);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  const set = checked.set;
  if (BUILT_IN_PROBE_SET_IDS.includes(set.id)) throw new Error(`"${set.id}" is the id of a built-in set; give your set another id.`);
  const sets = await userProbeSetsItem.getValue();
  if (set.id !== replacing && sets.some((s) => s.id === set.id)) throw new Error(`You already have a set with the id "${set.id}".`);
  await userProbeSetsItem.setValue([...sets.filter((s) => s.id !== (replacing ?? set.id)), set]);
  return set;
}

/** Removes one user set. */
export async function deleteUserSet(id: string): Promise<void> {
  await userProbeSetsItem.setValue((await userProbeSetsItem.getValue()).filter((s) => s.id !== id));
}

/** Imports sets from a file's text; sets with an id already used are reported, the rest are added. */
export async function importUserSets(text: string): Promise<{ added: ProbeSet[]; errors: string[] }> {
  const existing = await userProbeSetsItem.getValue();
  const { sets, errors } = importProbeSets(text, BUILT_IN_PROBE_SET_IDS);
  const added = sets.filter((s) => {
    const taken = existing.some((e) => e.id === s.id);
    if (taken) errors.push(`set "${s.id}" is already in your sets; delete or rename it first`);
    return !taken;
  });
  if (added.length) await userProbeSetsItem.setValue([...existing, ...added]);
  return { added, errors };
}
