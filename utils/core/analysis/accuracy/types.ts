/**
 * How well an automatic reader agrees with people, as measured by the eval scripts on labelled answers. The
 * JSON files beside this one are written by `npm run eval:refusal` and `npm run eval:values` (never by hand)
 * and shown where a person reads a label ("Why?").
 */
export interface ReaderAccuracy {
  /** Which label: the refusal badge, the stance chip or the balance chip. */
  reader: 'refusal' | 'stance' | 'balance';
  /** What was scored, e.g. "refused or not", "3 classes", "supports / opposes / neutral". */
  task: string;
  /** Share of answers where the reader agreed with the human label, 0..1. */
  accuracy: number;
  /** Labelled answers scored. */
  answers: number;
  /** Distinct models (or model families) that wrote them. */
  models: number;
  /** BCP-47 primary tags of the answers. */
  languages: string[];
  /** True when each model family was scored by a reader not tuned on it (leave-one-family-out). */
  heldOut: boolean;
  /** The labelled data, e.g. "Do-Not-Answer (English)" — named, never bundled. */
  dataset: string;
  /** The command that wrote this figure. */
  command: string;
  /** Date of the run (YYYY-MM-DD). */
  measured: string;
}
