/**
 * npm run survey:score -- <instrument> <answers.json> [--constant X] [--constants file.json]
 * Scores item means with a built-in instrument and prints one JSON line with the indices, e.g.
 * {"PDI":0,"IDV":70,"MAS":-35,"UAI":-205,"LTO":-105,"IVR":150}. answers.json maps item ids to a mean or a list
 * of answers ({"m01": 2, "m02": [2, 3, 2.5], …}; null in a list is a refusal). C = 0 unless --constant sets every
 * index or a constants file ({"PDI": 50, …} or {"pd": 50, …}) sets some. Exit 1 with a message on any error.
 */
import { readFileSync } from 'node:fs';
import type { Instrument } from '../utils/core/surveys/instrument';
import { ScoreError, resolveConstants, scoreInstrument, type Answers } from '../utils/core/surveys/score';
import { vsm2013, VSM2013_ID } from '../utils/core/surveys/vsm2013';

const INSTRUMENTS: Record<string, () => Instrument> = { [VSM2013_ID]: vsm2013 };
const USAGE = 'usage: npm run survey:score -- <instrument> <answers.json> [--constant X] [--constants file.json]';

function fail(message: string): never {
  process.stderr.write(`survey:score: ${message}\n`);
  process.exit(1);
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    fail(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(`${what} ${path} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function parseNumber(value: string | undefined, flag: string): number {
  const n = value === undefined || value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n)) fail(`${flag} needs a number (got ${value ?? 'nothing'})`);
  return n;
}

function main() {
  const args = process.argv.slice(2);
  const positional: string[] = [];
  let all: number | undefined;
  let constantsPath: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--constant') all = parseNumber(args[++i], '--constant');
    else if (arg.startsWith('--constant=')) all = parseNumber(arg.slice('--constant='.length), '--constant');
    else if (arg === '--constants') constantsPath = args[++i] ?? fail('--constants needs a file');
    else if (arg.startsWith('--constants=')) constantsPath = arg.slice('--constants='.length);
    else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) fail(USAGE);
  const [instrumentId, answersPath] = positional as [string, string];
  const make = INSTRUMENTS[instrumentId.toLowerCase()];
  if (!make) fail(`unknown instrument "${instrumentId}" (available: ${Object.keys(INSTRUMENTS).join(', ')})`);
  const instrument = make();

  const answers = readJson(answersPath, 'answers file');
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
    fail(`answers file ${answersPath} must be a JSON object mapping item ids to a number or a list`);
  let given: Record<string, number> = {};
  if (constantsPath) {
    const raw = readJson(constantsPath, 'constants file');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(`constants file ${constantsPath} must be a JSON object like {"PDI": 50}`);
    given = raw as Record<string, number>;
  }
  try {
    const constants = resolveConstants(instrument, given, all);
    process.stdout.write(`${JSON.stringify(scoreInstrument(instrument, answers as Answers, constants))}\n`);
  } catch (err) {
    if (err instanceof ScoreError) fail(err.message);
    throw err;
  }
}

main();
