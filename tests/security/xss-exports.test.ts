// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { marked } from 'marked';
import { toCsv, toHtmlReport, toMarkdown } from '@/utils/core/history/formats';
import { toExported, type ExportedComparison } from '@/utils/core/runner/exported';
import type { Run } from '@/utils/core/runner/types';
import { HTML_PAYLOADS, XSS_CORPUS } from '../fixtures/xss-corpus';
import { activeParts } from './inert';

/** Every payload as a prompt, an answer, an error, a provider label and a model name, through each export. */

function exported(text: string, i = 0): ExportedComparison {
  const run = (id: string, position: number, over: Partial<Run>): Run => ({
    id,
    comparisonId: `c${i}`,
    position,
    target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: text, baseUrl: 'http://127.0.0.1:1/v1', model: text, language: null },
    state: 'done',
    text,
    attempts: 1,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  });
  return toExported({ id: `c${i}`, createdAt: Date.UTC(2025, 0, 2), prompt: text, source: { kind: 'panel' }, note: text }, [
    run(`r${i}a`, 0, {}),
    run(`r${i}b`, 1, { state: 'failed', text: '', error: text, errorCode: 'server' }),
  ]);
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Reads RFC 4180 CSV into rows of cells. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('the HTML report', () => {
  test.each(XSS_CORPUS.map((p) => [p.name, p.text]))('%s: inert, shown exactly as written, under a CSP that forbids scripts', (_name, text) => {
    const doc = parse(toHtmlReport([exported(text)], text));
    // The report's own head: one stylesheet and its meta tags; nothing else may load or run.
    expect(activeParts(doc.body)).toEqual([]);
    expect([...doc.head.children].map((el) => el.tagName.toLowerCase()).sort()).toEqual(['meta', 'meta', 'meta', 'style', 'title']);
    expect(doc.querySelectorAll('[src], [href], [action], [srcdoc], [data], [style]')).toHaveLength(0);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/script-src/);
    // Lossless: the escaped text reads back as the original.
    expect(doc.querySelector('title')?.textContent).toBe(text);
    expect(doc.querySelector('h2')?.textContent).toBe(text);
    expect(doc.querySelector('.t')?.textContent).toBe(text);
    expect(doc.querySelector('.e')?.textContent).toBe(text);
    // The answer's name as the panel gives it: the endpoint's label, which here says the model too.
    expect(doc.querySelector('h3')?.textContent).toBe(text.trim());
  });
});

describe('the CSV export', () => {
  const csv = toCsv(XSS_CORPUS.map((p, i) => exported(p.text, i)));
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));

  test('every payload round-trips through a CSV reader, one row per run', () => {
    expect(rows).toHaveLength(1 + XSS_CORPUS.length * 2);
    XSS_CORPUS.forEach((p, i) => {
      const [prompt, , , , text] = [rows[1 + 2 * i]![2], 0, 0, 0, rows[1 + 2 * i]![9]];
      for (const cell of [prompt, text]) expect(cell === p.text || cell === `'${p.text}`).toBe(true);
      expect(rows[2 + 2 * i]![10] === p.text || rows[2 + 2 * i]![10] === `'${p.text}`).toBe(true);
    });
  });

  test.each(XSS_CORPUS.map((p, i) => [p.name, i]))('%s: no cell a spreadsheet would read as a formula', (_name, i) => {
    for (const cell of [...rows[1 + 2 * i]!, ...rows[2 + 2 * i]!]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('the Markdown export', () => {
  /** marked passes raw HTML through and follows any link: the most trusting viewer there is. */
  const view = (md: string) => parse(`<!doctype html><body>${marked.parse(md, { async: false, gfm: true })}</body>`);

  test.each(HTML_PAYLOADS.map((p) => [p.name, p.text]))('%s: rendered by a trusting viewer, nothing can run', (_name, text) => {
    const md = toMarkdown([exported(text)]);
    const doc = view(md);
    expect(activeParts(doc.body)).toEqual([]);
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:|#)/);
    // Escaped, not dropped: the reader still sees the HTML the model wrote.
    if (/<[a-z!/]/i.test(text) && text.includes('__xss')) expect(doc.body.textContent).toContain('__xss');
  });

  const S = '<img src="x" onerror="window.__xss=1">';
  test.each([
    ['a fence closed by a CRLF line', `\`\`\`\ncode\n\`\`\`\r\n${S}`],
    ['a fence closed by a lone CR', `~~~\ncode\n~~~\r${S}`],
    ['a bracket the writer escaped', `[x\\](javascript:window.__xss=1)`],
    ['a fence whose info string is HTML', `\`\`\`${S}\ncode\n\`\`\``],
    ['a fence inside a definition title', `[a]: https://example.org "t\n\`\`\`\n"\n${S}\n\`\`\``],
    ['an indented fence a list item ends', `- item\n  \`\`\`\n${S}\n\`\`\``],
    ['a backtick fence whose info has a backtick (not a fence)', `\`\`\` \`x\`\n${S}\n\`\`\``],
    ['a closing fence shorter than the opening one', `\`\`\`\`\ncode\n\`\`\`\n${S}`],
    ['an escaped backslash before the bracket', `[x\\\\](javascript:window.__xss=1)`],
    ['an escaped backslash before an image', `\\\\![x](javascript:window.__xss=1)`],
    ['a link target on the next line', `[x](\njavascript:window.__xss=1)`],
    ['a definition target on the next line', `[x]\n\n[x]:\n  javascript:window.__xss=1`],
    ['a prompt whose first line opens a fence', `\`\`\`${S}`],
  ])('%s: still inert', (_name, text) => {
    const doc = view(toMarkdown([exported(text)]));
    expect(activeParts(doc.body)).toEqual([]);
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:|#)/);
  });

  test('ordinary markdown still reads as markdown: web links, emphasis, code blocks keep their characters', () => {
    const text = 'See [the docs](https://example.org/a) and **this**.\n\n```c\n#include <stdio.h>\nif (a < b) return;\n```';
    const doc = view(toMarkdown([exported(text)]));
    expect(doc.querySelector('a[href="https://example.org/a"]')?.textContent).toBe('the docs');
    expect(doc.querySelector('strong')?.textContent).toBe('this');
    expect(doc.querySelector('pre code')?.textContent).toContain('#include <stdio.h>\nif (a < b) return;');
  });
});
