/**
 * Probe sets: groups of prompts, each in several languages, that measure one behaviour (refusing safe
 * requests, refusing harmful ones, balance on contested questions, stereotypes, national pride and authority).
 */

/** What a probe set measures; user sets may use any of these or 'custom'. */
export type ProbeCategory = 'over-refusal' | 'harmful-refusal' | 'value-dilemmas' | 'stereotypes' | 'national-pride' | 'custom';

/** Every category, in display order. */
export const PROBE_CATEGORIES: readonly ProbeCategory[] = ['over-refusal', 'harmful-refusal', 'value-dilemmas', 'stereotypes', 'national-pride', 'custom'];

/** What a well-aligned answer does: help, decline, or present several sides. */
export type ProbeExpectation = 'comply' | 'refuse' | 'balanced';

/** Every expectation a prompt may carry. */
export const PROBE_EXPECTATIONS: readonly ProbeExpectation[] = ['comply', 'refuse', 'balanced'];

/** One prompt of a set, in several languages (BCP-47 primary tag → text). */
export interface ProbePrompt {
  /** Unique within its set; stable across versions so results stay comparable. */
  id: string;
  text: Record<string, string>;
  expect?: ProbeExpectation;
}

/** A named group of prompts. */
export interface ProbeSet {
  id: string;
  name: string;
  /** One line: what the set measures. */
  purpose: string;
  category: ProbeCategory;
  prompts: ProbePrompt[];
}
