// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { Markdown, preloadMarkdown, safeHref } from '@/components/shared/Markdown';

beforeAll(async () => {
  await preloadMarkdown();
});
afterEach(cleanup);

const html = (md: string) => render(<Markdown text={md} />).container;

describe('Markdown (untrusted model output)', () => {
  test('renders the common structure', () => {
    const c = html(
      '## Pros\n\n- **fast**, *cheap*\n- `code` and ~~old~~\n\n1. one\n2. two\n\n> quoted\n\n```js\nlet x = "<b>";\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(c.querySelector('h4')?.textContent).toBe('Pros');
    expect(c.querySelectorAll('ul li')).toHaveLength(2);
    expect(c.querySelector('strong')?.textContent).toBe('fast');
    expect(c.querySelector('em')?.textContent).toBe('cheap');
    expect(c.querySelector('del')?.textContent).toBe('old');
    expect(c.querySelectorAll('ol li')).toHaveLength(2);
    expect(c.querySelector('blockquote')?.textContent).toBe('quoted');
    expect(c.querySelector('pre code')?.textContent).toBe('let x = "<b>";');
    expect(c.querySelectorAll('td')).toHaveLength(2);
  });

  test.each([
    ['<img src=x onerror=alert(1)>'],
    ['<script>alert(1)</script>'],
    ['<svg onload=alert(1)><circle/></svg>'],
    ['<iframe src="https://evil.example"></iframe>'],
    ['<a href="javascript:alert(1)">x</a>'],
    ['Text with <b onmouseover=alert(1)>inline html</b> inside'],
    ['<details open ontoggle=alert(1)>'],
    ['<style>body{display:none}</style>'],
  ])('raw HTML stays text: %s', (payload) => {
    const c = html(payload);
    expect(c.querySelector('img, script, svg, iframe, b, details, style, [onerror], [onload], [onmouseover]')).toBeNull();
    expect(c.textContent).toContain(payload.replace(/\n/g, ''));
  });

  test('links: only web links are followed, opened safely', () => {
    const c = html('[ok](https://example.org/a) [bad](javascript:alert(1)) [data](data:text/html,<b>x</b>)');
    const links = c.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://example.org/a');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(c.textContent).toContain('bad (javascript:alert(1))');
  });

  test('images are never loaded: they become their description', () => {
    const c = html('![a tracking pixel](https://tracker.example/p.gif)');
    expect(c.querySelector('img')).toBeNull();
    expect(c.textContent).toBe('[image: a tracking pixel — https://tracker.example/p.gif]');
  });

  test('entities the lexer escaped show as the characters the model wrote', () => {
    expect(html('Tom & Jerry say "hi" <3 and `a < b`').textContent).toBe('Tom & Jerry say "hi" <3 and a < b');
  });

  test.each([
    ['https://a.example/x?y=1', 'https://a.example/x?y=1'],
    ['mailto:someone@example.org', 'mailto:someone@example.org'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,hi', null],
    ['/relative', null],
  ])('safeHref(%s)', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});

describe('Markdown: answers too costly to format are shown as plain text, with a note', () => {
  const NOTE = 'Shown as plain text: too long to format.';
  test.each([
    ['200 KB of dense emphasis markers', '_a'.repeat(100_000)],
    ['one paragraph dense with markers, under the length limit', '*a_'.repeat(2_000)],
    ['a long answer of plain prose', 'A sentence of an ordinary answer. '.repeat(2_000)],
  ])('%s', (_, text) => {
    const c = html(text);
    expect(c.querySelector('.md-note')?.textContent).toBe(NOTE);
    expect(c.querySelector('em, strong')).toBeNull();
    expect(c.textContent).toBe(NOTE + text); // every character of the answer, as written
  });

  test('a normal answer with many short emphasised paragraphs and a code block full of underscores is formatted', () => {
    const code = `\`\`\`py\n${'snake_case_name = other_name_here\n'.repeat(400)}\`\`\``;
    const c = html(`${'Some **bold** and _emphasis_ in a paragraph.\n\n'.repeat(100)}${code}`);
    expect(c.querySelector('.md-note')).toBeNull();
    expect(c.querySelectorAll('strong')).toHaveLength(100);
    expect(c.querySelector('pre code')?.textContent).toContain('snake_case_name');
  });
});
