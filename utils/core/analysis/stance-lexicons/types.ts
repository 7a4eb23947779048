import type { Term } from '../value-lexicons';

/**
 * What the stance reader needs of one language, beyond its values lexicon (openings "Yes"/"No", "it depends",
 * pleasantries and request prompts live there). Entries follow the notation of {@link Term}: small regular
 * expressions, case-insensitive, a space for any whitespace. Every entry is written by this project.
 *
 * Stance is toward the proposition the prompt puts: 'supports' answers yes to its question or agrees with its
 * statement ("Should GM food be banned?" → "Yes, ban it" supports, "It should not be banned" opposes).
 */
export interface StanceLexicon {
  /** BCP-47 primary tag (the values lexicon of the same tag supplies word edges). */
  language: string;
  /** The speaker agrees with the statement put: "I agree", "I strongly agree", "I would agree". Not "agree that…". */
  agree: Term[];
  /** The speaker disagrees: "I disagree", "I don't agree", "I would not agree with a ban". */
  disagree: Term[];
  /** A verdict word opening the answer, with no "I": "Agree.", "Strongly agree!", "My answer: agree". */
  agreeOpen: Term[];
  /** "Disagree.", "Strongly disagree", "My answer: disagree". */
  disagreeOpen: Term[];
  /** Agrees and disagrees at once: "I partly agree and partly disagree". */
  both: Term[];
  /** Declines to take a position: "I neither agree nor disagree", "I can't take sides", "I don't have opinions". */
  noPosition: Term[];
  /** Openers whose clause states the speaker's own view: "I think", "I believe", "in my opinion", "I agree that". */
  believe: Term[];
  /** Openers that deny the clause after them: "I don't think", "I do not believe", "I disagree that". */
  disbelieve: Term[];
  /** Negation inside a clause: "not", "n't", "never", "rather than". */
  negation: Term[];
  /** Marks a sentence as someone else's view, a condition or an open question: "critics say", "if", "whether". */
  reported: Term[];
  /** Obligation or judgement that makes a clause a position: "should", "must", "would be a mistake". */
  modal: Term[];
  /** Favourable judgements or outcomes: "justified", "safe", "good", "allowed", "legal". */
  favourable: Term[];
  /** Unfavourable ones: "wrong", "harmful", "banned", "a mistake". */
  unfavourable: Term[];
  /** Words that end one clause and start another: "because", "but", "which", "although". */
  clauseBreaks: Term[];
  /**
   * Function words left out when an answer is compared with the prompt (lower case). For languages written
   * without spaces, single characters dropped before pairs of characters are compared.
   */
  stopwords: string[];
}
