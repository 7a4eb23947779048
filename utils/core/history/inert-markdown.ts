/**
 * Model and user text made safe to paste into a Markdown file: whatever viewer renders it (many pass raw HTML
 * through and follow any link), it shows text and web links only.
 */

/** Link targets a viewer may follow. */
const WEB_TARGET = /^(https?:|mailto:|#)/i;
/** A fence that opens a code block: only at the start of a line, never indented (so no list can end it early). */
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Prose (and one-line text such as headings): '<' escaped (no raw HTML, no autolinks), images shown as links,
 * every reference definition broken and every inline link whose target is not a web address broken, by escaping
 * its closing bracket.
 */
export function inertProse(text: string): string {
  // One pass each, counting the backslashes before a character as we go: a regex such as /(\\*)!\[/ retries the
  // whole backslash run at every position, which took minutes on a long run of backslashes.
  return breakLinks(escapeTagsAndImages(text));
}

/** '<' escaped; images become links: a viewer would otherwise fetch whatever address the model chose when the file is opened. */
function escapeTagsAndImages(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let slashes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<') {
      parts.push(text.slice(from, i), '&lt;');
      from = i + 1;
    } else if (ch === '!' && text[i + 1] === '[' && slashes % 2 === 0) {
      parts.push(text.slice(from, i), '\\');
      from = i;
    }
    slashes = ch === '\\' ? slashes + 1 : 0;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Every `](` or `]:` whose bracket the writer did not escape, and whose target is not a web address, gets its bracket escaped. */
function breakLinks(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let slashes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const kind = text[i + 1];
    if (ch === ']' && (kind === '(' || kind === ':') && slashes % 2 === 0) {
      const target = text.slice(i + 2, i + 82).replace(/^[ \t]*\n?[ \t]*/, '');
      if (!(kind === '(' && WEB_TARGET.test(target))) {
        parts.push(text.slice(from, i), '\\');
        from = i;
      }
    }
    slashes = ch === '\\' ? slashes + 1 : 0;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Text for the Markdown export. Fenced code blocks are kept as written (viewers show their content as text, so
 * `<` stays readable in code); everything else goes through {@link inertProse}.
 */
export function inertMarkdown(text: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (prose.length) out.push(inertProse(prose.join('\n')));
    prose = [];
  };
  // Viewers read \r\n and a lone \r as line ends: so must the fence tracking, or a fence would close unseen.
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence) {
      out.push(line);
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = null;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      flush();
      out.push(`${open[1]}${open[2]!.replace(/</g, '&lt;')}`); // the info string names a language, nothing more
      fence = open[1]!;
      continue;
    }
    prose.push(line);
  }
  flush();
  return out.join('\n');
}
