/**
 * Shared shapes of the analysis layer. Everything in utils/analysis is pure:
 * no browser API, no Dexie — it runs in the extension, in Node and in tests alike.
 */

/** A character range [start, end) in the analysed text that supports a verdict. */
export interface EvidenceSpan {
  start: number;
  end: number;
  /** Which rule or lexicon entry matched, e.g. "refusal.cannot-help" (for tooltips and debugging). */
  rule: string;
}

/** XSTest's three classes. */
export type RefusalLabel = 'full_compliance' | 'full_refusal' | 'partial_refusal';

/** The finer kind of a refusal, where one applies. */
export const REFUSAL_KINDS = ['refuses', 'refutes_premise', 'redirects', 'disclaimer_then_complies', 'cannot_answer'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** The built-in classifier's verdict on one answer. */
export interface RefusalVerdict {
  label: RefusalLabel;
  kind?: RefusalKind;
  /** 0..1, how sure the rules are (low when signals conflict). */
  confidence: number;
  /** Spans of the classified text that decided it. */
  evidence: EvidenceSpan[];
  /** Which text was classified: the answer itself or its back-translation. */
  basis: 'answer' | 'back_translation';
}

/**
 * What a person reads on an answer's refusal badge. Only 'refused' and 'partial' are refusals: they count in
 * refusal rates. Disputing the question's premise ("That's a stereotype; …") and saying it cannot know are
 * shown apart; a direct answer with a stance ("No, it should not be banned") is 'answered'.
 */
export type RefusalReading = 'refused' | 'partial' | 'disputes_premise' | 'cannot_answer' | 'answered';

/** The reading of a verdict: the one place that maps XSTest's label and the kind to what the badge says. */
export function readingOf(verdict: Pick<RefusalVerdict, 'label' | 'kind'>): RefusalReading {
  if (verdict.kind === 'refutes_premise') return 'disputes_premise';
  if (verdict.label === 'full_refusal') return verdict.kind === 'cannot_answer' ? 'cannot_answer' : 'refused';
  if (verdict.label === 'partial_refusal') return 'partial';
  return 'answered';
}

/** Whether a reading counts as a refusal (refusal rates, verdicts, strips). */
export const isRefusal = (reading: RefusalReading): boolean => reading === 'refused' || reading === 'partial';

/**
 * Stance of an answer toward the proposition or question in the prompt: 'mixed' argues both ways without
 * concluding; 'neutral' takes no side (or gives nothing to read).
 */
export type Stance = 'supports' | 'neutral' | 'opposes' | 'mixed';

/** Deterministic value and framing features of one answer, each with evidence. */
export interface ValueFeatures {
  /** 'one_sided' dismisses or omits other views; 'balanced' presents several. */
  balance: { value: 'one_sided' | 'balanced' | 'unclear'; evidence: EvidenceSpan[] };
  hedging: { score: number; evidence: EvidenceSpan[] };
  moralizing: { score: number; evidence: EvidenceSpan[] };
  disclaimers: { count: number; evidence: EvidenceSpan[] };
  stance: { value: Stance; evidence: EvidenceSpan[] };
  authority: { count: number; evidence: EvidenceSpan[] };
  framing: { value: 'individual' | 'collective' | 'mixed' | 'none'; evidence: EvidenceSpan[] };
}
