import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/sites/chatgpt-new.html');
const dir = mkdtempSync(join(tmpdir(), 'inspect-page-'));

async function inspect(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/inspect-page.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run inspect-page', () => {
  test('prints one JSON line: the site, composer and send button found, the turns as the user sees them', async () => {
    const { code, stdout } = await inspect('--url', 'https://chatgpt.com/c/6f1e2a', FIXTURE);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({
      site: 'chatgpt',
      composer: true,
      sendButton: true,
      turns: [
        { role: 'user', text: 'What is the capital of Australia?' },
        { role: 'assistant', text: 'Canberra is the capital of Australia.\nIt was chosen as a compromise between Sydney and Melbourne.' },
        { role: 'user', text: 'How many people live there?' },
        { role: 'assistant', text: 'About 470,000 people live in Canberra.' },
      ],
    });
  });

  test("the page's scripts never run", async () => {
    const page = join(dir, 'scripted.html');
    const html = readFileSync(FIXTURE, 'utf8').replace('</body>', "<script>document.getElementById('thread').remove()</script></body>");
    writeFileSync(page, html);
    const { code, stdout } = await inspect('--url', 'https://chatgpt.com/', page);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).turns).toHaveLength(4);
  });

  test('a URL no site adapter claims gives site null (the generic adapter reads the page)', async () => {
    const { code, stdout } = await inspect('--url', 'https://chat.example.org/', resolve(ROOT, 'tests/fixtures/sites/generic-new.html'));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ site: null, composer: true, sendButton: true });
    expect(out.turns.map((t: { role: string }) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  test('says which required selectors match nothing', async () => {
    const page = join(dir, 'no-composer.html');
    writeFileSync(page, '<html><body><div data-message-author-role="user">Hi</div><div data-message-author-role="assistant">Hello</div></body></html>');
    const { code, stdout, stderr } = await inspect('--url', 'https://chatgpt.com/c/1', page);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ site: 'chatgpt', composer: false, sendButton: false });
    expect(stderr).toContain('nothing matches composer');
  });

  test.each([
    [['--url', 'https://chatgpt.com/', join(dir, 'missing.html')], 'no such file'],
    [[FIXTURE], 'usage: npm run inspect-page'],
    [['--url', 'not a url', FIXTURE], 'not a valid page URL'],
  ])('%j fails with a clear message', async (args, message) => {
    const { code, stdout, stderr } = await inspect(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});
