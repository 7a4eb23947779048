/**
 * Splits an export file's text, fed in chunks as it is read, into its top-level members and the raw text of each
 * element of its `comparisons` list, without building a single object: the elements are parsed and checked later by
 * planImport, a batch at a time. It tracks only strings and nesting; JSON.parse judges everything else.
 */

/** An export file cut into pieces, or `whole` when its layout was not the expected one (planImport judges it whole). */
export type SplitExport =
  | {
      /** The raw `"key":value` text of every top-level member except the comparisons list. */
      members: string[];
      /** The raw text of each element of the comparisons list (null when the file has no list). */
      items: string[] | null;
    }
  | { whole: true };

/** Resumable scan of one JSON value: where it stands inside strings and brackets. */
interface ValueScan {
  depth: number;
  inString: boolean;
  escaped: boolean;
  started: boolean;
}

const QUOTE = 34;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

type Step = 'start' | 'keyOrClose' | 'key' | 'colon' | 'valueStart' | 'afterMember' | 'itemOrClose' | 'item' | 'afterItem' | 'end';
type Target = 'key' | 'member' | 'item';

/**
 * An incremental splitter: `feed()` each chunk of text in order, then `end()`. Work is linear in the text's length
 * however it is cut into chunks (a value spanning many chunks is never scanned twice).
 */
export function exportSplitter() {
  const members: string[] = [];
  let items: string[] | null = null;
  let step: Step = 'start';
  let failed = false;
  /** The value being read, when one is: its pieces so far, its scan state and what it is. */
  let reading: { scan: ValueScan; pieces: string[]; target: Target } | null = null;
  let keyRaw = '';
  /** Next backslash at or after the scan position in the current chunk (cached: most strings hold none). */
  let nextBackslash = -1;

  /** Scans a value from `i`; returns the index just after it, or -1 when the chunk ended inside it. */
  function scanValue(s: string, i: number, v: ValueScan): number {
    while (i < s.length) {
      if (v.inString) {
        if (v.escaped) {
          v.escaped = false;
          i++;
          continue;
        }
        const quote = s.indexOf('"', i);
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = s.indexOf('\\', i);
        if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
          i = nextBackslash + 1;
          v.escaped = true;
          continue;
        }
        if (quote === -1) return -1;
        i = quote + 1;
        v.inString = false;
        if (v.depth === 0) return i;
        continue;
      }
      const c = s.charCodeAt(i);
      if (v.depth === 0 && v.started && (c === QUOTE || c === 123 || c === 91)) return i; // JSON.parse refuses it later
      if (c === QUOTE) v.inString = true;
      else if (c === 123 || c === 91) v.depth++;
      else if (c === 125 || c === 93) {
        if (v.depth === 0) return i; // the parent closes: a primitive ended
        if (--v.depth === 0) return i + 1;
      } else if (v.depth === 0 && (c === 44 || isSpace(c))) return i;
      v.started = true;
      i++;
    }
    return -1;
  }

  /** A value has been read whole. */
  function finish(raw: string, target: Target) {
    if (!raw) return void (failed = true); // an empty value: "a": , or a trailing comma
    if (target === 'key') {
      keyRaw = raw;
      step = 'colon';
    } else if (target === 'item') {
      items!.push(raw);
      step = 'afterItem';
    } else {
      members.push(`${keyRaw}:${raw}`);
      step = 'afterMember';
    }
  }

  function feed(s: string) {
    nextBackslash = s.indexOf('\\');
    let i = 0;
    while (i < s.length && !failed) {
      if (reading) {
        const end = scanValue(s, i, reading.scan);
        reading.pieces.push(end === -1 ? s.slice(i) : s.slice(i, end));
        if (end === -1) return;
        const { pieces, target } = reading;
        reading = null;
        finish(pieces.length === 1 ? pieces[0]! : pieces.join(''), target);
        i = end;
        continue;
      }
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      const read = (target: Target) => (reading = { scan: { depth: 0, inString: false, escaped: false, started: false }, pieces: [], target });
      switch (step) {
        case 'start':
          if (c === 0xfeff) break; // a byte-order mark
          if (c !== 123) failed = true;
          step = 'keyOrClose';
          break;
        case 'keyOrClose':
        case 'key':
          if (c === QUOTE) {
            read('key');
            continue;
          }
          if (c === 125 && step === 'keyOrClose') step = 'end';
          else failed = true;
          break;
        case 'colon':
          if (c !== 58) failed = true;
          step = 'valueStart';
          break;
        case 'valueStart':
          // The comparisons list is read element by element; any other member (or a list that is not one) is kept whole.
          if (isComparisonsKey(keyRaw)) {
            if (items !== null)
              failed = true; // a second list: JSON.parse would keep the last
            else if (c === 91) {
              items = [];
              step = 'itemOrClose';
              break;
            }
          }
          read('member');
          continue;
        case 'afterMember':
          if (c === 44) step = 'key';
          else if (c === 125) step = 'end';
          else failed = true;
          break;
        case 'itemOrClose':
        case 'item':
          if (c === 93 && step === 'itemOrClose') {
            step = 'afterMember';
            break;
          }
          read('item');
          continue;
        case 'afterItem':
          if (c === 44) step = 'item';
          else if (c === 93) step = 'afterMember';
          else failed = true;
          break;
        case 'end':
          failed = true;
      }
      i++;
    }
  }

  return {
    feed,
    /** The pieces, once the whole text has been fed. */
    end(): SplitExport {
      return failed || step !== 'end' ? { whole: true } : { members, items };
    },
  };
}

/** True for the key "comparisons", however it is escaped. */
function isComparisonsKey(raw: string): boolean {
  if (raw === '"comparisons"') return true;
  if (!raw.includes('\\')) return false;
  try {
    return JSON.parse(raw) === 'comparisons';
  } catch {
    return false;
  }
}
