/**
 * Model and user text made safe to paste into a Markdown file: whatever viewer renders it (many pass raw HTML
 * through and follow any link), it shows text and web links only.
 */

/** A fence that opens a code block: only at the start of a line, never indented (so no list can end it early). */
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Prose (and one-line text such as headings): '<' escaped (no raw HTML, no autolinks), images shown as links,
 * every reference definition broken and every inline link whose target is not a web address broken, by escaping
 * its closing bracket.
 */
export function inertProse(text: string): string {
  // Found with indexOf, counting the backslashes before each hit: a regex such as /(\\*)!\[/ retries the whole
  // backslash run at every position, which took minutes on a long run of backslashes. Each backslash run sits
  // before one hit only, so the counting stays linear.
  return breakLinks(escapeImages(text.replaceAll('<', '&lt;')));
}

/** Whether the character at `at` is escaped: an odd number of backslashes right before it. */
function escaped(text: string, at: number): boolean {
  let slashes = 0;
  while (at - slashes > 0 && text.charCodeAt(at - slashes - 1) === 92) slashes++;
  return slashes % 2 === 1;
}

/** Images become links: a viewer would otherwise fetch whatever address the model chose when the file is opened. */
function escapeImages(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf('!['); at >= 0; at = text.indexOf('![', at + 2)) {
    if (escaped(text, at)) continue;
    parts.push(text.slice(from, at), '\\');
    from = at;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** After `](`: optional spaces, at most one line break, then a web address (tested on the next 80 characters only). */
const WEB_TARGET = /^[ \t]*\n?[ \t]*(?:https?:|mailto:|#)/i;
/** The characters such a target can start with: anything else is broken without slicing the text. */
const MAY_START_TARGET = new Set([' ', '\t', '\n', 'h', 'H', 'm', 'M', '#']);

/** Every `](` or `]:` whose bracket the writer did not escape, and whose target is not a web address, gets its bracket escaped. */
function breakLinks(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf(']'); at >= 0; at = text.indexOf(']', at + 1)) {
    const kind = text[at + 1];
    if ((kind !== '(' && kind !== ':') || escaped(text, at)) continue;
    if (kind === '(' && MAY_START_TARGET.has(text[at + 2] ?? '') && WEB_TARGET.test(text.slice(at + 2, at + 82))) continue;
    parts.push(text.slice(from, at), '\\');
    from = at;
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
