/**
 * Answer options written on one line, as questionnaires and prompts print them:
 * "(1) of utmost importance; (2) very important; …", "1 = always, 2 = usually …", "1. yes 2. no 3. maybe",
 * "1 (always), 2 (usually) or 3 (never)". Shared by the questionnaire importer and `npm run survey:parse`.
 */
import type { ParsedOption } from './questionnaire';

/** A line split at its options: the text before them (a question, or nothing) and the options in order. */
export interface InlineOptions {
  before: string;
  options: ParsedOption[];
}

interface Marker {
  value: number;
  /** Where the marker starts and where its label starts. */
  start: number;
  labelStart: number;
  /** For "n (label)": where the label ends (the closing parenthesis). */
  labelEnd?: number;
}

/** Marker styles, each with how many options in a row make it a list (plain "n." needs three: "2." ends sentences). */
const STYLES: { pattern: RegExp; least: number }[] = [
  { pattern: /[([（［]\s*(\d{1,2})\s*[)\]）］]\s*/g, least: 2 },
  { pattern: /(?<![\d.,])(\d{1,2})\s*(?:=|＝|:|：|-|–|—)\s*(?!\d)/g, least: 2 },
  { pattern: /(?<![\d.,])(\d{1,2})\s*[(（]([^()（）]{1,80})[)）]/g, least: 2 },
  { pattern: /(?<![\d.,\p{L}])(\d{1,2})\s*[.)．、]\s+(?!\d)/gu, least: 3 },
];

/** Separators left between one label and the next marker ("; ", ", ", " or "). */
const TRAILING = /[\s;,，；、|/]*(?:\b(?:or|oder|o|ou|или|或|或者|か|または)\s*)?[\s;,，；、|/]*$/u;
/** The last label ends at a line break or the end of its sentence. */
const LAST_END = /\r?\n|[.。!?！？](?:\s|$)/u;

function markersOf(line: string, pattern: RegExp): Marker[] {
  return [...line.matchAll(pattern)].map((m) => {
    const value = Number(m[1]);
    if (m[2] !== undefined) {
      const labelStart = m.index + m[0].indexOf(m[2], m[1]!.length);
      return { value, start: m.index, labelStart, labelEnd: labelStart + m[2].length };
    }
    return { value, start: m.index, labelStart: m.index + m[0].length };
  });
}

/** The longest run of markers numbered 0/1, 2, 3, … in order; of equally long runs the last (so "1. Question 1. a 2. b 3. c" keeps the item number out). */
function longestRun(markers: Marker[]): Marker[] {
  let best: Marker[] = [];
  for (let i = 0; i < markers.length; i++) {
    if (markers[i]!.value > 1) continue;
    const run = [markers[i]!];
    for (let j = i + 1; j < markers.length && run.length < 12; j++) if (markers[j]!.value === run[run.length - 1]!.value + 1) run.push(markers[j]!);
    if (run.length >= best.length) best = run;
  }
  return best;
}

/**
 * The options written inline in `line`, or null when it holds no list of at least two (three for plain "n.")
 * options numbered from 0 or 1 upwards. Labels are trimmed of the separators between them.
 */
export function splitInlineOptions(line: string): InlineOptions | null {
  for (const { pattern, least } of STYLES) {
    const run = longestRun(markersOf(line, pattern));
    if (run.length < least) continue;
    const options = run.map((m, i): ParsedOption => {
      const next = run[i + 1];
      let label: string;
      if (m.labelEnd !== undefined) label = line.slice(m.labelStart, m.labelEnd);
      else if (next) label = line.slice(m.labelStart, next.start).replace(TRAILING, '');
      else {
        const rest = line.slice(m.labelStart);
        const end = LAST_END.exec(rest);
        label = end ? rest.slice(0, end.index) : rest;
      }
      return { value: m.value, label: label.replace(/\s+/g, ' ').trim() };
    });
    if (options.some((o) => !o.label)) continue;
    return { before: line.slice(0, run[0]!.start).trim(), options };
  }
  return null;
}
