// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { adapterForUrl } from '@/utils/core/sites/registry';
import { sharedFixture } from '../support/shared';
import { findComposer, readTurns, selectorHealth } from '@/utils/core/sites/turns';

/** Real pages saved from the chat sites (read-only, outside the repo; CI has them at ROOT/../shared). */
const { path: SOURCES, present } = sharedFixture('captures/SOURCES.md', 'the saved chat pages tests');
const CAPTURES = dirname(SOURCES);

/** What each saved page shows, read off the page by a person: turn counts and how the first messages begin. */
const EXPECTED: Record<string, { site: string; users: number; assistants: number; firstUser: string; firstAnswer: string; composer: boolean }> = {
  'chatgpt-2026-02.html': {
    site: 'chatgpt',
    users: 5,
    assistants: 6,
    firstUser: 'ChatGPTのhtml構造をテストするための質問です。',
    firstAnswer: 'はい',
    composer: true,
  },
  'claude-2026-02.html': {
    site: 'claude',
    users: 7,
    assistants: 7,
    firstUser: 'Claude の html構造をテストするための質問です。',
    firstAnswer: 'はい',
    composer: true,
  },
  'gemini-2026-02-ja.html': {
    site: 'gemini',
    users: 3,
    assistants: 3,
    firstUser: 'gemini chat の E2E テストのための質問をします。',
    firstAnswer: 'はい',
    composer: true,
  },
  'perplexity-2026-02.html': {
    site: 'perplexity',
    users: 3,
    assistants: 3,
    firstUser: 'erplexityのhtml構造をテストするための質問です。',
    firstAnswer: 'はい。',
    composer: true,
  },
  'copilot-2026-03.html': {
    site: 'copilot',
    users: 2,
    assistants: 2,
    firstUser: 'what version of copilot are you?',
    firstAnswer: 'I’m Microsoft Copilot',
    composer: true,
  },
  'grok-2026-03.html': { site: 'grok', users: 2, assistants: 2, firstUser: 'what version of grok are you?', firstAnswer: "I'm Grok 4.", composer: false },
};

/** Screen-reader labels the sites put inside turns; none may leak into the text. */
const SR_LABELS = ['You said', 'ChatGPT said', 'Copilot said', 'あなたのプロンプト', 'Gemini の回答'];

/** The page's own URL: canonical link or og:url, else the "URL Pattern" note, else the host SOURCES.md names. */
function pageUrl(file: string, html: string, sources: string): string {
  const canonical = /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/.exec(html) ?? /<meta[^>]+property="og:url"[^>]+content="([^"]+)"/.exec(html);
  if (canonical) return canonical[1]!;
  const pattern = /URL Pattern:\s*(https:\/\/\S+)/.exec(html);
  if (pattern) return pattern[1]!.replace(/\{[^}]+\}/g, 'x');
  const row = sources.split('\n').find((line) => line.startsWith(`| ${file} |`));
  const host = row?.split('|')[2]?.trim().split(/\s/)[0];
  if (!host) throw new Error(`${file} is not listed in SOURCES.md`);
  return `https://${host}/`;
}

const files = present
  ? readdirSync(CAPTURES)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];
const sources = present ? readFileSync(resolve(CAPTURES, 'SOURCES.md'), 'utf8') : '';

describe.skipIf(!present)('saved pages from the real chat sites', () => {
  test('every page this suite knows about is there', () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  test.each(files)('%s: the right adapter, the right turns', (file) => {
    const html = readFileSync(resolve(CAPTURES, file), 'utf8');
    const url = pageUrl(file, html, sources);
    const adapter = adapterForUrl(url);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const turns = readTurns(adapter, doc);
    const users = turns.filter((t) => t.role === 'user');
    const assistants = turns.filter((t) => t.role === 'assistant');
    console.log(`[captures] ${file} (${url}) → ${adapter.id}: ${users.length} user, ${assistants.length} assistant turns`);

    const expected = EXPECTED[file];
    if (!expected) {
      // A page added later: it must at least belong to a specific site and show both sides of the conversation.
      expect(adapter.id, `${url} matched no site adapter`).not.toBe('generic');
      expect(users.length).toBeGreaterThan(0);
      expect(assistants.length).toBeGreaterThan(0);
      return;
    }
    expect(adapter.id).toBe(expected.site);
    expect([users.length, assistants.length]).toEqual([expected.users, expected.assistants]);
    expect(turns[0]).toMatchObject({ role: 'user' });
    expect(users[0]!.text.startsWith(expected.firstUser), users[0]!.text).toBe(true);
    expect(assistants[0]!.text.startsWith(expected.firstAnswer), assistants[0]!.text).toBe(true);
    for (const turn of turns) {
      expect(turn.text).not.toBe('');
      for (const label of SR_LABELS) expect(turn.text.startsWith(label), `${turn.role}: ${turn.text.slice(0, 40)}`).toBe(false);
    }
    expect(findComposer(adapter, doc) !== null).toBe(expected.composer);
    expect(selectorHealth(adapter, doc)).toEqual(expected.composer ? { ok: true, missing: [] } : { ok: false, missing: ['composer'] });
  });
});
