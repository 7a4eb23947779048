import { FALLBACK_MESSAGES } from '../../core/i18n';

/** The locales Parallax ships (public/_locales), English being the default. */
const SHIPPED = ['en', 'de', 'es'] as const;

/**
 * Chrome's offscreen document has no i18n API (only `runtime`), so `t()` there would show message names. This
 * loads the extension's own messages file for the browser's language (English when Parallax has none for it) and
 * installs it where `t()` falls back to. Resolves once installed; a failure leaves `t()` as it was.
 */
export async function installMessagesWithoutI18nApi(getUrl: (path: string) => string, language = navigator.language): Promise<void> {
  const g = globalThis as { chrome?: { i18n?: { getMessage?: unknown } }; [FALLBACK_MESSAGES]?: unknown };
  if (typeof g.chrome?.i18n?.getMessage === 'function') return;
  const base = language.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const locale = (SHIPPED as readonly string[]).includes(base) ? base : 'en';
  try {
    const res = await fetch(getUrl(`/_locales/${locale}/messages.json`));
    if (res.ok) g[FALLBACK_MESSAGES] = await res.json();
  } catch (err) {
    console.error('[parallax] could not load the UI messages', err);
  }
}
