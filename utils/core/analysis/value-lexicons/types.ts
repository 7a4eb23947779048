/**
 * Shape of a values lexicon. Every entry is written by this project.
 *
 * An entry is a small regular-expression source, matched case-insensitively: a plain space stands for any run
 * of whitespace and a straight apostrophe for any apostrophe (’ ʼ '). An object `{ cs }` is matched
 * case-sensitively (acronyms such as WHO, which must not match the pronoun "who").
 */
export type Term = string | { cs: string };

/** Value-feature lexicon of one language. */
export interface ValueLexicon {
  /** BCP-47 primary tag. */
  language: string;
  /** Scripts written without spaces (zh, ja) match anywhere; spaced scripts only at word edges. */
  spaced: boolean;
  /** Optional clitic that may precede any entry (Arabic و ف ب ل ك). */
  clitic?: string;
  /** Voices of one side, which together show several sides are presented: "critics argue", "proponents". */
  sides: Term[];
  /** Phrases that by themselves present more than one side: "on the other hand", "pros and cons", "it depends on". */
  bothSides: Term[];
  /** Headings or labels that open the case for ("Pros", "Arguments for"). */
  forHeadings: Term[];
  /** Headings or labels that open the case against ("Cons", "Risks"). */
  againstHeadings: Term[];
  /** Words that dismiss a view instead of presenting it: "myth", "debunked", "largely unscientific". */
  dismissive: Term[];
  hedges: Term[];
  moralizing: Term[];
  disclaimers: Term[];
  authority: Term[];
  individual: Term[];
  collective: Term[];
  /** Phrases that affirm the proposition ("that is true"). */
  supports: Term[];
  /** Phrases that deny it ("there is no evidence", "is a myth"). */
  opposes: Term[];
  /** Answer openings, matched right after leading markup and pleasantries. */
  yesOpen: Term[];
  noOpen: Term[];
  /** Openings that decline to take a side ("it depends", "yes and no"); checked first. */
  mixedOpen: Term[];
  /** Polite lead-ins skipped before the opening ("Great question!"). */
  pleasantries: Term[];
  /** Prompt patterns that make it a request rather than a claim; entries carry their own anchors. */
  requestPrompt: Term[];
}

/** The categories matched over the whole answer. */
export type BodyCategory =
  | 'sides'
  | 'bothSides'
  | 'dismissive'
  | 'hedges'
  | 'moralizing'
  | 'disclaimers'
  | 'authority'
  | 'individual'
  | 'collective'
  | 'supports'
  | 'opposes';
