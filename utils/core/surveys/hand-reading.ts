/**
 * Reading by hand: a person gives the value of an answer the reader could not read (a point of the scale, a
 * half point between two, or "refused"). It is stored on the run (`Run.surveyReading`) with who decided and
 * when, counts in the indices like any other reading, and can be taken back.
 */
import type { AnswerScale } from './instrument';
import { parseAnswer, type ParsedAnswer } from './parse-answer';

/** What a person can decide: a value on the scale (half points allowed) or that the answer refuses. */
export type HandChoice = { value: number } | { refused: true };

/** A person's reading as stored on the run. */
export type HandReading = HandChoice & { by: 'person'; at: number };

/** The reading an answer counts with, and who decided it. */
export interface AnswerReading {
  result: ParsedAnswer | HandChoice;
  by: 'reader' | 'person';
}

/** The values a person can pick on a scale: every point and every half point between two neighbours. */
export function handValues(scale: AnswerScale): number[] {
  const out: number[] = [];
  scale.points.forEach((p, i) => {
    const next = scale.points[i + 1];
    out.push(p.value);
    if (next && next.value - p.value === 1) out.push(p.value + 0.5);
  });
  return out;
}

/** Why `choice` cannot be stored for an answer on `scale`, or null when it can. */
export function handChoiceProblem(choice: HandChoice, scale: AnswerScale): string | null {
  if ('refused' in choice) return choice.refused ? null : 'refused must be true';
  if (!handValues(scale).includes(choice.value)) return `${choice.value} is not a value of this item's scale (${handValues(scale).join(', ')})`;
  return null;
}

/** Reader verdicts by scale and text: the page reads every answer of a batch again on each update. */
const cache = new Map<string, ParsedAnswer>();
const scaleKeys = new WeakMap<AnswerScale, string>();
const CACHE_LIMIT = 20_000;

/** The reader's verdict on `text`, remembered (answers are read again on every update of the page). */
export function readAnswer(text: string, scale: AnswerScale, language: string): ParsedAnswer {
  let scaleKey = scaleKeys.get(scale);
  if (!scaleKey) scaleKeys.set(scale, (scaleKey = JSON.stringify(scale)));
  const key = `${language}\u0000${scaleKey}\u0000${text}`;
  let parsed = cache.get(key);
  if (!parsed) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, (parsed = parseAnswer(text, scale, language)));
  }
  return parsed;
}

/** The person's reading when there is one, else the reader's. */
export function answerReading(run: { text: string; surveyReading?: HandReading }, scale: AnswerScale, language: string): AnswerReading {
  const hand = run.surveyReading;
  if (hand) return { result: 'refused' in hand ? { refused: true } : { value: hand.value }, by: 'person' };
  return { result: readAnswer(run.text, scale, language), by: 'reader' };
}
