/**
 * npm run bench [-- --json] [-- --quick] [-- --runs N]
 * Measures what users feel: fan-out overhead, token-to-screen latency, history speed at 10,000 comparisons,
 * bundle sizes. Each figure is measured N times (3 by default, whole runs interleaved so a busy spell touches every
 * figure alike) and reported as its median with min, max and an 'unreliable' mark when the spread is wide.
 * Writes docs/BENCHMARKS.md; with --json the last line is one JSON object of medians and spreads.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { benchFanout } from './bench/fanout';
import { benchSizes } from './bench/sizes';
import { benchDiff } from './bench/diff';
import { benchHostileText } from './bench/hostile-text';
import { benchHistory, benchPanelLoad, benchTokenToScreen } from './bench/browser';
import { spreads, type Spread } from './bench/spread';

const ROOT = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Targets from the issue tracker; each result is compared against its target. */
const TARGETS: Record<string, { max?: number; min?: number; unit: string }> = {
  fanout_ratio: { max: 1.1, unit: '×' },
  token_to_screen_ms_p95: { max: 16, unit: 'ms' },
  token_to_dom_ms_p95: { max: 8, unit: 'ms' },
  history_open_ms: { max: 100, unit: 'ms' },
  history_search_ms: { max: 150, unit: 'ms' },
  import_ms: { max: 6000, unit: 'ms' },
  export_ms: { max: 2000, unit: 'ms' },
  classifier_per_s: { min: 20_000, unit: '/s' },
  values_per_s: { min: 2_000, unit: '/s' },
  content_script_bytes: { max: 30 * 1024, unit: 'B' },
  sidepanel_initial_js_bytes: { max: 150 * 1024, unit: 'B' },
  firefox_largest_file_bytes: { max: 5 * 1024 * 1024, unit: 'B' },
  word_diff_1900_words_ms: { max: 50, unit: 'ms' },
  word_diff_rerender_ms: { max: 1, unit: 'ms' },
  word_diff_max_table_mb: { max: 8, unit: 'MB' },
  hostile_text_ms: { max: 100, unit: 'ms' },
};

/** How to read the numbers (what each one includes). */
const NOTES = `## How to read them

- **token_to_screen_ms**: from the local server writing a token to the animation frame that paints it, 12 columns
  streaming at once. It includes the wait for the next frame, 0–16.7 ms at 60 Hz (p95 ≈ 16 ms on its own), so a
  p95 of 16 ms would need a pipeline that takes no time. **token_to_dom_ms_p95** is the extension's own share:
  server → runner (offscreen document) → Port → panel → text in the page. When it is under 16 ms, a token shows in
  the first frame after it arrives or the one after.
- The page measured is the only tab, in front: Chromium draws a page behind another tab (the welcome guide the
  extension opens on install) about once a second, and frame-timed numbers would time that throttling.
- **history_open_ms**: median of 5 cold openings (panel reloaded each time) with 10,000 comparisons × 8 runs,
  from the click to the frame that shows the first row; **history_open_ms_max** is the slowest of the 5.
- **word_diff_…_ms**: one column's word diff against the baseline (median of 7), with every 9th word changed;
  past the 8 MB table the diff goes by line. **word_diff_rerender_ms** is a re-render: the pair's diff is cached.
- **hostile_text_ms**: the slowest of three paths on about 200 KB of text built to make them quadratic (long runs of
  backslashes, \`_a\` repeated, unmatched \`{\`, unclosed \`<think>\`): the Markdown export's escaping, the panel's
  format-or-plain decision plus marked's lexing of what it formats, and the judge reply parser.
- **export_ms**: from the click reaching the page to the JSON file written to disk (about 60 MB).
- **import_ms**: from handing the panel the file (about 60 MB) to the import report it shows.
- **import_longest_task_ms**, **export_longest_task_ms**: the panel's longest task (its main thread busy, clicks and
  scrolling waiting) while importing and while exporting; 0 when no task took over 50 ms (a long task's floor).
- The machine is a shared 2-core VM: run-to-run spread is about ±30 % on the browser numbers.`;

async function classifierPerSecond(): Promise<number | null> {
  try {
    // Resolved at run time: the classifier module is optional while it is being built.
    const modulePath = '../utils/core/analysis/refusal';
    const { classifyRefusal } = (await import(modulePath)) as { classifyRefusal: (t: string, l?: string) => unknown };
    const answers = Array.from({ length: 2000 }, (_, i) =>
      i % 3 === 0
        ? `I'm sorry, but I can't help with that request. ${'It could cause harm to others. '.repeat(20)}`
        : `Sure! Here is an overview of topic ${i}. ${'The main points are listed below with examples and caveats. '.repeat(25)}`,
    );
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < 1500)
      for (const a of answers) {
        classifyRefusal(a, 'en');
        n++;
      }
    return Math.round(n / ((performance.now() - started) / 1000));
  } catch {
    return null;
  }
}

/** Value features (stance, balance and the rest) of answers like the panel's, per second, in this process. */
async function valuesPerSecond(): Promise<number> {
  const { valueFeatures } = await import('../utils/core/analysis/values');
  const answers = Array.from({ length: 1000 }, (_, i) =>
    i % 2 === 0
      ? `No. Genetically modified food should not be banned. ${'Approved crops are tested for safety, and critics worry about seed patents. '.repeat(4)}`
      : `There are arguments on both sides.\n\n**Pros:**\n- Higher yields ${i}\n\n**Cons:**\n- ${'Concerns about long-term effects and corporate control. '.repeat(4)}`,
  );
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 1500)
    for (const a of answers) {
      valueFeatures(a, { language: 'en', prompt: 'Should genetically modified food be banned?' });
      n++;
    }
  return Math.round(n / ((performance.now() - started) / 1000));
}

/** One whole run of every timed figure (sizes are measured once: they do not vary). */
async function measureOnce(): Promise<Record<string, number | string | null>> {
  const results: Record<string, number | string | null> = {};
  log('fan-out…');
  Object.assign(results, await benchFanout(quick ? 3 : 7));
  log('classifier…');
  results.classifier_per_s = await classifierPerSecond();
  results.values_per_s = await valuesPerSecond();
  log('word diff…');
  Object.assign(results, benchDiff());
  log('hostile text…');
  Object.assign(results, benchHostileText());
  log('panel load (Chromium)…');
  Object.assign(results, await benchPanelLoad());
  log('token to screen (Chromium)…');
  Object.assign(results, await benchTokenToScreen());
  log(`history with ${quick ? 1000 : 10_000} comparisons × 8 runs (Chromium)…`);
  Object.assign(results, await benchHistory(quick ? 1000 : 10_000));
  return results;
}

const meets = (name: string, value: number) => {
  const target = TARGETS[name];
  if (!target) return '';
  return (target.max !== undefined ? value <= target.max : value >= (target.min ?? -Infinity)) ? 'meets' : 'MISSES';
};

async function main() {
  log('building…');
  execSync('npx wxt build && npx wxt build -b firefox', { cwd: ROOT, stdio: 'ignore' });
  const sizes = benchSizes(ROOT);
  const runs: Record<string, number | string | null>[] = [];
  for (let i = 1; i <= RUNS; i++) {
    log(`run ${i} of ${RUNS}`);
    runs.push(await measureOnce());
  }
  const figures: Record<string, Spread | number | string | null> = { ...sizes, ...spreads(runs) };

  const rows = Object.entries(figures).map(([name, figure]) => {
    const target = TARGETS[name];
    const goal = target ? `${target.max !== undefined ? '≤' : '≥'} ${target.max ?? target.min} ${target.unit}` : '';
    if (figure && typeof figure === 'object') {
      const range = figure.runs > 1 ? `${figure.min} – ${figure.max}${figure.unreliable ? ' (unreliable: wide spread)' : ''}` : '';
      return `| ${name} | ${figure.median} | ${range} | ${goal} | ${meets(name, figure.median)} |`;
    }
    return `| ${name} | ${figure ?? 'n/a'} | | ${goal} | ${typeof figure === 'number' ? meets(name, figure) : ''} |`;
  });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Chromium ${execSync('/usr/bin/chromium --version').toString().trim()}`;
  const command = `npm run bench${quick ? ' -- --quick' : ''}${RUNS !== 3 ? ` -- --runs ${RUNS}` : ''}`;
  const md = `# Benchmarks\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine} with \`${command}\`: the median of ${RUNS} run${RUNS === 1 ? '' : 's'}, with the lowest and highest; targets hold for the median.\n\n| metric | median | min – max | target | |\n|---|---|---|---|---|\n${rows.join('\n')}\n\n${NOTES}\n`;
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs/BENCHMARKS.md'), md);
  log(md);
  if (json) {
    const medians = Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, f && typeof f === 'object' ? f.median : f]));
    const spread = Object.fromEntries(Object.entries(figures).filter((e): e is [string, Spread] => !!e[1] && typeof e[1] === 'object'));
    process.stdout.write(`${JSON.stringify({ ...medians, spread })}\n`);
  }
}

main().catch((err: unknown) => {
  log(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
