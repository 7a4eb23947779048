// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { composerText, visibleText } from '@/utils/core/sites/dom';
import { chatgpt } from '@/utils/core/sites/chatgpt';
import { generic } from '@/utils/core/sites/generic';
import { readTurns, selectorHealth } from '@/utils/core/sites/turns';

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
const body = (html: string) => parse(html).body;

describe('visibleText: the text a person sees', () => {
  test.each([
    ['screen-reader labels are dropped', '<h5 class="sr-only">You said:</h5><span class="cdk-visually-hidden">Du:</span>Hello', 'Hello'],
    ['hidden nodes and scripts are dropped', '<p>Shown</p><p hidden>Hidden</p><p style="display: none">Gone</p><script>x()</script>', 'Shown'],
    ['source line breaks render as spaces', '<p>A long\n      sentence that\n      wraps.</p>', 'A long sentence that wraps.'],
    ['pre-formatted text keeps its lines', '<pre>line 1\nline 2</pre>', 'line 1\nline 2'],
    ['pre-wrapped user text keeps its lines', '<div class="whitespace-pre-wrap">first\nsecond</div>', 'first\nsecond'],
    ['blocks become lines; inline stays inline', '<p>One <b>bold</b> line.</p><ul><li>a</li><li>b</li></ul>', 'One bold line.\na\nb'],
    [
      'a formula reads once, as rendered',
      '<span class="katex"><span class="katex-mathml"><math><annotation>E = mc^2</annotation></math></span><span class="katex-html" aria-hidden="true">E=mc2</span></span>',
      'E=mc2',
    ],
    ['icons hidden from screen readers carry no text', '<span aria-hidden="true">content_copy</span>Copy me', 'Copy me'],
    ['no-break and zero-width spaces are normalised', 'a\u00a0b\u200bc', 'a bc'],
    ['table cells stay apart', '<table><tr><td>x</td><td>y</td></tr></table>', 'x y'],
  ])('%s', (_name, html, expected) => {
    expect(visibleText(body(html))).toBe(expected);
  });

  test('composer text: a textarea value, or the lines of a contenteditable', () => {
    const doc = parse('<textarea>ignored default</textarea><div contenteditable="true"><p>one</p><p>two<br class="ProseMirror-trailingBreak"></p></div>');
    const textarea = doc.querySelector('textarea')!;
    textarea.value = '  typed  ';
    expect(composerText(textarea)).toBe('typed');
    expect(composerText(doc.querySelector('[contenteditable]')!)).toBe('one\ntwo');
  });
});

describe('readTurns', () => {
  test('page order across roles, one turn per message, ids kept, empty turns left out', () => {
    const doc = parse(`
      <div data-role="user" data-message-id="u1">Hi <div data-role="user">nested part</div></div>
      <div data-role="assistant" data-message-id="a1">Hello!<button>Copy</button></div>
      <div data-role="user" data-message-id="u2"><img alt="a photo"></div>
      <div data-role="user" data-message-id="u3">Thanks</div>`);
    expect(readTurns(generic, doc)).toEqual([
      { role: 'user', text: 'Hi\nnested part', id: 'u1' },
      { role: 'assistant', text: 'Hello!', id: 'a1' },
      { role: 'user', text: 'Thanks', id: 'u3' },
    ]);
  });

  test('never mixes page variants: the first selector that matches wins for each role', () => {
    const doc = parse(`
      <article data-turn="user"><div data-message-author-role="user">Q</div></article>
      <article data-turn="assistant"><div data-message-author-role="assistant"><div class="markdown">A</div></div></article>
      <section data-turn="user">stray wrapper</section>`);
    expect(readTurns(chatgpt, doc).map((t) => t.text)).toEqual(['Q', 'A']);
  });
});

describe('selectorHealth', () => {
  test.each([
    ['a page with a composer and a conversation', '<textarea></textarea><div data-role="user">q</div><div data-role="assistant">a</div>', []],
    ['a prompt still waiting for its answer', '<textarea></textarea><div data-role="user">q</div>', []],
    ['a new chat with no turns yet', '<textarea></textarea>', []],
    ['no composer', '<div data-role="user">q</div><div data-role="assistant">a</div>', ['composer']],
    [
      'prompts but no answers (answer selectors drifted)',
      '<textarea></textarea><div data-role="user">q</div><div data-role="user">q2</div>',
      ['assistantTurn'],
    ],
    [
      'answers but no prompts (user selectors drifted)',
      '<textarea></textarea><div data-role="assistant">a</div><div data-role="assistant">b</div>',
      ['userTurn'],
    ],
  ])('%s', (_name, html, missing) => {
    expect(selectorHealth(generic, parse(html))).toEqual({ ok: missing.length === 0, missing });
  });
});
