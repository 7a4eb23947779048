import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { csvRecords } from '@/utils/core/analysis/refusal-eval';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'survey-parse-'));
/** Items, labels and answers written for Parallax's tests, in 11 languages, with the reading a researcher gives. */
const ANSWERS = join(ROOT, 'tests/surveys/data/survey-answers.csv');

async function parse(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/survey-parse.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(content: string): string {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  return path;
}

describe('npm run survey:parse', () => {
  test('one JSON line per data row, in order, each the reading written in the file (en, zh, de, ja, es and six more)', async () => {
    const rows = csvRecords(readFileSync(ANSWERS, 'utf8'), ['expected']);
    const { code, stdout, stderr } = await parse(ANSWERS, '--expected', 'expected');
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { row: number; value?: number; refused?: true; invalid?: string });
    expect(lines.map((l) => l.row)).toEqual(rows.map((_, i) => i + 1));
    lines.forEach((line, i) => {
      const expected = rows[i]!.expected!;
      const got = line.value !== undefined ? String(line.value) : line.refused ? 'refused' : 'invalid';
      expect(got, `row ${i + 1}: ${rows[i]!.answer}`).toBe(expected);
    });
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['en', 'zh', 'de', 'ja', 'es', 'fr', 'ru', 'pt', 'ko', 'ar', 'it']));
    expect(JSON.parse(stderr)).toEqual({ rows: rows.length, exact: 1, coverage: expect.any(Number) });
  }, 60_000);

  test('the three shapes of a line', async () => {
    const { stdout } = await parse(
      file(
        'question,answer,language\n' +
          '"How often do you skip lunch? (1) always; (2) usually; (3) sometimes; (4) seldom; (5) never","I would choose 2 (usually) or 3.",en\n' +
          '"Wie oft? 1 = immer 2 = meistens 3 = manchmal 4 = selten 5 = nie","Als KI kann ich diese Frage nicht beantworten.",de\n' +
          '"昼食を抜きますか。1 = いつも 2 = たいてい 3 = ときどき 4 = めったにない 5 = まったくない","1か5のどちらかです。",ja\n',
      ),
    );
    expect(stdout.trim().split('\n')).toEqual([
      '{"row":1,"value":2.5,"via":"two-options"}',
      '{"row":2,"refused":true}',
      '{"row":3,"invalid":"names two options that are not neighbours: 1 and 5"}',
    ]);
  });

  test('a row without options or a language code says so; the other rows are still read', async () => {
    const { code, stdout } = await parse(file('question,answer,language\nHow often?,2,en\n"(1) yes (2) no",yes,English\n"(1) yes (2) no",no,EN-gb\n'));
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { row: 1, invalid: 'no answer options found in the question ("(1) …; (2) …" or "1 = …")' },
      { row: 2, invalid: 'language "English" is not a language code (e.g. en, zh, de)' },
      { row: 3, value: 2, via: 'label' },
    ]);
  });

  test.each([
    [[], 'usage: npm run survey:parse -- <answers.csv> [--expected <column>]'],
    [['missing.csv'], 'cannot read missing.csv: no such file'],
    [['--verbose', 'x.csv'], 'unknown option --verbose'],
  ])('%j exits 1: %s', async (args, message) => {
    const { code, stdout, stderr } = await parse(...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  test('a missing column exits 1 naming it and the columns found', async () => {
    const path = file('question,answer\nx,y\n');
    const { code, stderr } = await parse(path);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`survey:parse: ${path}: missing column language (found: question, answer)`);
  });
});
