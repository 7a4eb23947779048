import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { SAMPLES } from './samples';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'compare-languages-'));
let server: TestServer;

/**
 * One local server for both roles: the "translator" model translates deterministically (tags the text with the
 * target language, wrapped in a preamble and quotes a real model might add); other models answer in the
 * language the prompt is tagged with.
 */
function reply(prompt: string, model: string): string {
  const ask = /^Translate from .+ \((\w+)\) into .+ \((\w+)\)\. Reply with the translation only\.\n\n([\s\S]*)$/.exec(prompt);
  if (model === 'translator' && ask) return `Here is the translation:\n\n"[${ask[2]}] ${ask[3]}"`;
  const tag = /^\[(\w+)\] /.exec(prompt)?.[1];
  return (tag && SAMPLES[tag]) || `Answer from ${model}: you asked “${prompt}”.`;
}

async function compare(config: unknown, prompt: string) {
  const path = join(dir, `config-${Math.random()}.json`);
  writeFileSync(path, JSON.stringify(config));
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/compare.ts', '--config', path, prompt], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  server = await startOpenAIServer({ chunkDelayMs: 1, reply });
});
afterAll(() => server.close());

const provider = () => ({ id: 'local', kind: 'openai-compatible', baseUrl: `${server.url}/v1`, model: 'llama3.2' });

describe('npm run compare in several languages', () => {
  test('asks in each language through the translator and records translation, answer language and back-translation', async () => {
    const { code, stdout, stderr } = await compare(
      { providers: [provider()], languages: ['en', 'de', 'ja'], translate: true, translator: { providerId: 'local', model: 'translator' } },
      'Is honesty always best?',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout.trim());
    expect(out.answers.map((a: { language: string; state: string }) => `${a.language}:${a.state}`)).toEqual(['en:done', 'de:done', 'ja:done']);
    const [en, de, ja] = out.answers;
    expect(en).toMatchObject({ sourceLanguage: 'en', text: 'Answer from llama3.2: you asked “Is honesty always best?”.', answerLanguage: { code: 'en' } });
    expect(en.translation).toBeUndefined();
    expect(de).toMatchObject({
      sourceLanguage: 'en',
      translatedPrompt: '[de] Is honesty always best?',
      translation: { model: 'translator', source: 'en', target: 'de', prompt: expect.stringContaining('German') },
      text: SAMPLES.de,
      answerLanguage: { code: 'de' },
      backTranslation: { language: 'en', from: 'de', text: `[en] ${SAMPLES.de}` },
    });
    expect(ja).toMatchObject({
      translatedPrompt: '[ja] Is honesty always best?',
      answerLanguage: { code: 'ja' },
      backTranslation: { text: `[en] ${SAMPLES.ja}` },
    });
    expect(stderr).toContain('[2/3] local llama3.2 de: translating');
    const translatorCalls = server.requests.filter((r) => (r.body as { model: string }).model === 'translator');
    expect(translatorCalls).toHaveLength(4); // en→de, en→ja, and both answers back
  });

  test('user-supplied translations are sent without a translator', async () => {
    const { code, stdout } = await compare(
      { providers: [provider()], languages: ['de'], translations: { de: '[de] Ist Ehrlichkeit immer das Beste?' } },
      'Is honesty always best?',
    );
    expect(code).toBe(0);
    const [de] = JSON.parse(stdout.trim()).answers;
    expect(de).toMatchObject({ translatedPrompt: '[de] Ist Ehrlichkeit immer das Beste?', translation: { engine: 'none' }, text: SAMPLES.de });
  });

  test.each([
    ['an unknown language', { languages: ['de', 'xx'] }, 'unknown language code(s): xx'],
    ['translate without a translator', { languages: ['de'], translate: true }, '"translator": {"providerId"'],
    ['a translator that is none of the providers', { languages: ['de'], translate: true, translator: { providerId: 'elsewhere' } }, 'is none of the providers'],
  ])('%s is refused with exit code 2', async (_name, extra, reason) => {
    const { code, stderr } = await compare({ providers: [provider()], ...extra }, 'hello');
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
  });
});
