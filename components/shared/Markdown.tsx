import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Token, Tokens } from 'marked';
import { t } from '@/utils/core/i18n';
import { markdownTooCostly } from '@/utils/core/text/markdown-budget';

type Lexer = (src: string) => Token[];
let lexer: Lexer | null = null;
let loading: Promise<Lexer> | null = null;

/** marked's lexer, loaded on first use so the panel's first paint does not wait for it. */
function loadLexer(): Promise<Lexer> {
  loading ??= import('marked').then((m) => (lexer = (src: string) => m.lexer(src, { gfm: true })));
  return loading;
}

/** Loads the lexer when the page is idle while answers stream, so the first answer to finish does not wait for it. */
export function warmMarkdown(): void {
  if (lexer || loading) return;
  const whenIdle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  whenIdle(() => void loadLexer());
}

/** Only web links are followed; javascript:, data: and the rest render as plain text. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

function inline(tokens: Token[] | undefined, key = ''): ComponentChildren {
  return (tokens ?? []).map((t, i) => renderToken(t, `${key}.${i}`));
}

/**
 * Renders one markdown token as Preact elements. A safe subset only, built element by element: model output never
 * becomes HTML. Raw HTML in the answer is shown as the text it is; images become their alt text and address.
 */
function renderToken(t: Token, key: string): ComponentChildren {
  switch (t.type) {
    case 'paragraph':
      return <p key={key}>{inline((t as Tokens.Paragraph).tokens, key)}</p>;
    case 'heading': {
      const h = t as Tokens.Heading;
      // Headings in an answer sit under the panel's own: h3–h6.
      return h.depth <= 1 ? (
        <h3 key={key}>{inline(h.tokens, key)}</h3>
      ) : h.depth === 2 ? (
        <h4 key={key}>{inline(h.tokens, key)}</h4>
      ) : h.depth === 3 ? (
        <h5 key={key}>{inline(h.tokens, key)}</h5>
      ) : (
        <h6 key={key}>{inline(h.tokens, key)}</h6>
      );
    }
    case 'text': {
      const tx = t as Tokens.Text;
      return tx.tokens ? <span key={key}>{inline(tx.tokens, key)}</span> : decode(tx.text);
    }
    case 'strong':
      return <strong key={key}>{inline((t as Tokens.Strong).tokens, key)}</strong>;
    case 'em':
      return <em key={key}>{inline((t as Tokens.Em).tokens, key)}</em>;
    case 'del':
      return <del key={key}>{inline((t as Tokens.Del).tokens, key)}</del>;
    case 'codespan':
      return <code key={key}>{decode((t as Tokens.Codespan).text)}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{inline((t as Tokens.Blockquote).tokens, key)}</blockquote>;
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((item, i) => (
        <li key={`${key}.${i}`}>
          {item.task ? (item.checked ? '☑ ' : '☐ ') : ''}
          {inline(item.tokens, `${key}.${i}`)}
        </li>
      ));
      return l.ordered ? (
        <ol key={key} start={l.start === '' ? undefined : l.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'table': {
      const tb = t as Tokens.Table;
      return (
        <div class="md-table" key={key}>
          <table>
            <thead>
              <tr>
                {tb.header.map((c, i) => (
                  <th key={i}>{inline(c.tokens, `${key}.h${i}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tb.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i}>{inline(c.tokens, `${key}.${r}.${i}`)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'link': {
      const ln = t as Tokens.Link;
      const href = safeHref(ln.href);
      return href ? (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer nofollow">
          {inline(ln.tokens, key)}
        </a>
      ) : (
        <span key={key}>
          {inline(ln.tokens, key)} ({ln.href})
        </span>
      );
    }
    case 'image': {
      const im = t as Tokens.Image;
      return (
        <span key={key} class="md-image">
          [image: {im.text || 'no description'} — {im.href}]
        </span>
      );
    }
    case 'hr':
      return <hr key={key} />;
    case 'br':
      return <br key={key} />;
    case 'escape':
      return (t as Tokens.Escape).text;
    case 'space':
    case 'def':
      return null;
    default:
      // Raw HTML and anything unknown: shown as the text the model wrote.
      return t.raw;
  }
}

/** Markdown from an untrusted model, rendered through a safe element-by-element pipeline (never innerHTML). */
export function Markdown({ text }: { text: string }) {
  const [ready, setReady] = useState(lexer !== null);
  const tooCostly = useMemo(() => markdownTooCostly(text), [text]);
  useEffect(() => {
    if (!ready && !tooCostly) void loadLexer().then(() => setReady(true));
  }, [ready, tooCostly]);
  if (tooCostly) {
    return (
      <div class="md plain">
        <p class="muted md-note">{t('markdownShownPlain')}</p>
        {text}
      </div>
    );
  }
  if (!ready || !lexer) return <div class="md plain">{text}</div>;
  return <div class="md">{lexer(text).map((t, i) => renderToken(t, String(i)))}</div>;
}

/** For tests: renders synchronously once the lexer is loaded. */
export const preloadMarkdown = loadLexer;
