import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'survey-score-'));

function file(content: unknown): string {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function score(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/survey-score.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const answers = (means: number[]) => Object.fromEntries(means.map((m, i) => [`m${String(i + 1).padStart(2, '0')}`, m]));
// GPT-4, English prompt (Masoud et al. 2023, RESEARCH.md §3); m02 and m24 given as lists with the same means.
const GPT4 = { ...answers([1, 1, 2, 1, 1, 1, 1, 2, 3, 2, 1, 3, 1, 3, 5, 1, 3, 1, 1, 3, 2, 2, 3, 3.8]), m02: [1, 1, 1], m24: [4, 3.6, 3.8] };

describe('npm run survey:score', () => {
  test('prints one JSON line with the six indices of the worked vector (C = 0)', async () => {
    const { code, stdout } = await score('vsm2013', file(GPT4));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual({ PDI: 0, IDV: 70, MAS: -35, UAI: -205, LTO: -105, IVR: 150 });
  });

  test('the second worked vector, with --constant 50 on every index', async () => {
    const { code, stdout } = await score(
      'vsm2013',
      file(answers([2, 2, 2.4, 2, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 4, 4])),
      '--constant',
      '50',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ PDI: 25, IDV: 85, MAS: 36, UAI: 50, LTO: 75, IVR: 85 });
  });

  test('a constants file sets some indices (by id or short name); --constant sets the rest', async () => {
    const { code, stdout } = await score('vsm2013', file(GPT4), '--constants', file({ PDI: 100, ua: 205 }), '--constant=-5');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ PDI: 100, IDV: 65, MAS: -40, UAI: 0, LTO: -110, IVR: 145 });
  });

  test.each([
    [['vsm1994', 'x.json'], 'unknown instrument "vsm1994" (available: vsm2013)'],
    [['vsm2013'], 'usage: npm run survey:score -- <instrument> <answers.json>'],
    [['vsm2013', '/no/such/answers.json'], 'cannot read answers file /no/such/answers.json: no such file'],
    [['vsm2013', '--constant', 'abc', 'x.json'], '--constant needs a number (got abc)'],
    [['vsm2013', 'x.json', '--verbose'], 'unknown option --verbose'],
  ])('exit 1 for %j', async (args, message) => {
    const { code, stdout, stderr } = await score(...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  test('exit 1 for bad JSON, naming the file', async () => {
    const path = file('{"m01": 1,');
    const { code, stderr } = await score('vsm2013', path);
    expect(code).toBe(1);
    expect(stderr).toContain(`answers file ${path} is not valid JSON`);
  });

  test('exit 1 naming missing items', async () => {
    const partial = { ...GPT4 } as Record<string, unknown>;
    delete partial.m09;
    delete partial.m17;
    const { code, stderr } = await score('vsm2013', file(partial));
    expect(code).toBe(1);
    expect(stderr).toContain('Missing answers for m09, m17 (needed by IDV, IVR).');
  });

  test('exit 1 for an unknown constant and for answers that are not an object', async () => {
    expect((await score('vsm2013', file(GPT4), '--constants', file({ XX: 1 }))).stderr).toContain('Unknown constant "XX"');
    const list = await score('vsm2013', file([1, 2, 3]));
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('must be a JSON object mapping item ids');
  });
});
