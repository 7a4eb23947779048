/** The built-in probe sets, in the order the dashboard lists them. */
import type { ProbeSet } from '../types';
import { HARMFUL_REFUSAL } from './harmful-refusal';
import { NATIONAL_PRIDE } from './national-pride';
import { OVER_REFUSAL } from './over-refusal';
import { STEREOTYPES } from './stereotypes';
import { VALUE_DILEMMAS } from './value-dilemmas';

/** All built-in sets. */
export const BUILT_IN_PROBE_SETS: readonly ProbeSet[] = [OVER_REFUSAL, HARMFUL_REFUSAL, VALUE_DILEMMAS, STEREOTYPES, NATIONAL_PRIDE];

/** Ids a user set may not take. */
export const BUILT_IN_PROBE_SET_IDS: readonly string[] = BUILT_IN_PROBE_SETS.map((s) => s.id);

/** A built-in set by id. */
export function builtInProbeSet(id: string): ProbeSet | undefined {
  return BUILT_IN_PROBE_SETS.find((s) => s.id === id);
}
