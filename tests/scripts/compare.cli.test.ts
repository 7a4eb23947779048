import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'compare-'));

async function compare(config: unknown, ...args: string[]) {
  const path = join(dir, `config-${Math.random()}.json`);
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config));
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/compare.ts', '--config', path, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  server = await startOpenAIServer({ chunkDelayMs: 1 });
});
afterAll(() => server.close());

describe('npm run compare', () => {
  test('prints one JSON line with every answer; progress goes to stderr', async () => {
    const { code, stdout, stderr } = await compare(
      {
        providers: [
          { id: 'local', kind: 'openai-compatible', baseUrl: `${server.url}/v1`, model: 'llama3.2', apiKey: 'sk-never-printed', temperature: 0 },
          { id: 'broken', kind: 'openai-compatible', baseUrl: `${server.url}/v1`, model: 'fail-401' },
        ],
        languages: ['en'],
        translate: false,
      },
      'Is honesty always best?',
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out).toMatchObject({ format: 'parallax-comparisons', version: 1, prompt: 'Is honesty always best?' });
    expect(out.answers.map((a: { provider: string; state: string }) => [a.provider, a.state])).toEqual([
      ['local', 'done'],
      ['broken', 'failed'],
    ]);
    expect(out.answers[0]).toMatchObject({ model: 'llama3.2', text: 'Answer from llama3.2: you asked “Is honesty always best?”.', params: { temperature: 0 } });
    expect(out.answers[1].error).toContain('rejected (401)');
    expect(stdout + stderr).not.toContain('sk-never-printed');
    expect(stderr).toContain('[1/2] local llama3.2: done');
    expect(server.requests.find((r) => (r.body as { model: string }).model === 'llama3.2')!.headers.authorization).toBe('Bearer sk-never-printed');
  });

  test.each([
    ['no providers', { providers: [] }, 'non-empty "providers"'],
    ['an unknown kind', { providers: [{ kind: 'carrier-pigeon', baseUrl: 'x', model: 'y' }] }, 'kind must be one of'],
    ['invalid JSON', '{"providers": [', 'cannot read'],
  ])('a config with %s is refused with a reason and exit code 2', async (_name, config, reason) => {
    const { code, stderr } = await compare(config, 'hello');
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
  });

  test('a missing prompt is a usage error', async () => {
    const { code, stderr } = await compare({ providers: [{ kind: 'openai-compatible', baseUrl: 'http://x', model: 'm' }] });
    expect(code).toBe(2);
    expect(stderr).toContain('give the prompt');
  });
});
