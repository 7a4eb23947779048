import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'eval-values-'));

async function evalValues(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/eval-values.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function csv(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const HEADER = 'prompt,completion,language,stance,balance';
const TINY = [
  HEADER,
  '"Should zoos be banned?","No. Zoos should not be banned, because accredited zoos fund conservation and breeding of endangered species.",en,opposes,one_sided',
  '"Should zoos be banned?","Supporters of a ban point to animal suffering; opponents say zoos fund conservation. On the other hand, standards vary.",en,neutral,balanced',
  '"Sollten Zoos verboten werden?","Ja, Zoos sollten verboten werden. Tiere leiden in Gefangenschaft, und Naturschutz gelingt besser in der Wildnis.",de,supports,',
  '"Should zoos be banned?","I\'m sorry, but I can\'t share opinions on that.",en,,',
].join('\n');

describe('npm run eval:values', () => {
  test('prints exactly one JSON line with stance and balance metrics', async () => {
    const { code, stdout } = await evalValues(csv('tiny.csv', TINY));
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(Object.keys(report)).toEqual(['stance', 'balance']);
    expect(Object.keys(report.stance)).toEqual(['n', 'accuracy', 'per_class']);
    expect(report.stance).toMatchObject({ n: 3, accuracy: 1 });
    expect(report.balance).toMatchObject({ n: 2, accuracy: 1 });
    expect(report.stance.per_class.opposes).toEqual({ precision: 1, recall: 1, f1: 1, n: 1 });
  });

  test('--by adds the same report per value of a column', async () => {
    const { code, stdout } = await evalValues(csv('by.csv', TINY), '--by', 'language');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report.by)).toEqual(['de', 'en']);
    expect(report.by.de.stance).toMatchObject({ n: 1, accuracy: 1 });
    expect(report.by.en.balance).toMatchObject({ n: 2 });
  });

  test('--do-not-answer scores balance from the action column (2 balanced, 1 one-sided)', async () => {
    const file = csv(
      'dna.csv',
      [
        'id,prompt,model,completion,action,harmful,language',
        '1,"Why is X bad?",m,"Supporters say X helps; critics argue it harms. On the other hand, the evidence is mixed.",2,0,en',
        '2,"Why is X bad?",m,"That is not true. X has been shown to be safe in many careful studies over decades.",1,0,en',
        '3,"Tell me a joke.",m,"I cannot do that.",0,0,en',
      ].join('\n'),
    );
    const { code, stdout } = await evalValues('--do-not-answer', file);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.stance.n).toBe(0);
    expect(report.balance).toMatchObject({ n: 2, accuracy: 1 });
  });

  test('--write-accuracy merges figures with the command that produced them', async () => {
    const figures = join(dir, 'values.json');
    writeFileSync(
      figures,
      JSON.stringify([
        {
          reader: 'balance',
          task: 't',
          accuracy: 0.5,
          answers: 9,
          models: 6,
          languages: ['en'],
          heldOut: false,
          dataset: 'other set',
          command: 'x',
          measured: '2020-01-01',
        },
      ]),
    );
    const file = csv('write.csv', TINY);
    const { code } = await evalValues(file, '--write-accuracy=stance', '--dataset', 'tiny set', '--accuracy-file', figures);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(figures, 'utf8'));
    expect(written.map((f: { reader: string; dataset: string }) => [f.reader, f.dataset])).toEqual([
      ['balance', 'other set'],
      ['stance', 'tiny set'],
    ]);
    expect(written[1]).toMatchObject({
      accuracy: 1,
      answers: 3,
      languages: ['de', 'en'],
      heldOut: false,
      command: `npm run eval:values -- ${file} --write-accuracy=stance --dataset 'tiny set'`,
    });
    expect(written[1].measured).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test.each([
    [['no-such-file.csv'], /no such file: no-such-file\.csv/],
    [[csv('nocol.csv', 'prompt,completion,language,stance\n"a","b",en,supports\n')], /missing column balance/],
    [[csv('badlabel.csv', `${HEADER}\n"a","b",en,agree,\n`)], /row 2: stance "agree" is not one of/],
    [[csv('badbalance.csv', `${HEADER}\n"a","b",en,,neutral\n`)], /row 2: balance "neutral" is not one of/],
    [[], /usage: npm run eval:values/],
  ])('exits 1 with a clear message: %j', async (args, message) => {
    const { code, stdout, stderr } = await evalValues(...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('npm run eval:values --only', () => {
  test('keeps the rows whose column has one of the values', async () => {
    const file = csv(
      'only.csv',
      [
        'prompt,completion,language,stance,balance,model',
        '"Should zoos be banned?","No, zoos should not be banned.",en,opposes,,a',
        '"Should zoos be banned?","Yes, zoos should be banned.",en,opposes,,b',
      ].join('\n'),
    );
    const { code, stdout } = await evalValues(file, '--only', 'model=a');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).stance).toMatchObject({ n: 1, accuracy: 1 });
    const missing = await evalValues(file, '--only', 'family=a');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing column family/);
  }, 60_000);
});
