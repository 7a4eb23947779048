/**
 * The measured figures of each automatic reader, as the eval scripts wrote them (never typed by hand), and the
 * one to show a person: the best figure on answers of models the reader was not tuned on, else none — a figure
 * measured on the text the rules were written from is not an estimate.
 */
import type { ReaderAccuracy } from './types';
import refusal from './refusal.json';
import values from './values.json';

export type { ReaderAccuracy } from './types';

const ALL: readonly ReaderAccuracy[] = [...(refusal as ReaderAccuracy[]), ...(values as ReaderAccuracy[])];

/** Every recorded figure of a reader. */
function figuresOf(reader: ReaderAccuracy['reader'], figures: readonly ReaderAccuracy[] = ALL): ReaderAccuracy[] {
  return figures.filter((f) => f.reader === reader);
}

/** The figure a person is shown: held out and measured on real model answers (models > 0); the largest such. */
export function shownFigure(reader: ReaderAccuracy['reader'], figures: readonly ReaderAccuracy[] = ALL): ReaderAccuracy | null {
  const fair = figuresOf(reader, figures).filter((f) => f.heldOut && f.models > 0);
  return fair.sort((a, b) => b.answers - a.answers)[0] ?? null;
}
