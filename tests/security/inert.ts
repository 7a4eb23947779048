/** Checks that a DOM built from hostile text can run nothing: shared by the XSS tests. */

/** Elements that load or run something, or change how the page is read; none may come from a model's text. */
export const ACTIVE_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'style',
  'svg',
  'math',
  'img',
  'video',
  'audio',
  'source',
  'form',
  'template',
  'noscript',
  'marquee',
  'details',
  'x-card',
  'body',
];

/** Attributes that hold a URL a browser may follow or load. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'srcdoc'];

/** A URL as a browser reads it: whitespace and control characters inside the scheme do not count. */
// eslint-disable-next-line no-control-regex -- browsers ignore these characters inside a URL, so the check must too
const normalisedUrl = (value: string) => value.replace(/[\u0000-\u0020\u007F-\u009F\u200B-\u200D\uFEFF]/g, '').toLowerCase();

/** Every way the DOM under `root` could run code; empty when it is inert. */
export function activeParts(root: ParentNode, { allowTags = [] as string[] } = {}): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (ACTIVE_TAGS.includes(tag) && !allowTags.includes(tag)) found.push(`<${tag}> element`);
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (/^on/i.test(attr)) found.push(`${attr} handler on <${tag}>`);
      if (URL_ATTRIBUTES.includes(attr.toLowerCase()) && /^(javascript|vbscript|data):/.test(normalisedUrl(value)))
        found.push(`${attr}="${value.slice(0, 40)}" on <${tag}>`);
      if (attr === 'style' && /expression\s*\(|url\s*\(\s*['"]?\s*(javascript|vbscript|data):/i.test(value))
        found.push(`style="${value.slice(0, 40)}" on <${tag}>`);
    }
  }
  return found;
}
