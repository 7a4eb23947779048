/** A message of the UI, named as in public/_locales/en/messages.json (the English text is the source). */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

const api = (): I18nApi | undefined => {
  const g = globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } };
  return g.chrome?.i18n ?? g.browser?.i18n;
};

/** Outside the extension (unit tests) there is no i18n API: tests install the English messages here. */
export const FALLBACK_MESSAGES = Symbol.for('parallax.messages');

/**
 * The UI text for `key` in the browser's language, through the extension's i18n (Chrome falls back to English,
 * the default locale). Outside the extension, the messages installed at {@link FALLBACK_MESSAGES}. `$1`… take the
 * substitutions. The English file is not bundled into pages: the extension's i18n already has it.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  try {
    const localized = api()?.getMessage(key, subs);
    if (localized) return localized;
  } catch {
    // Not in an extension page.
  }
  const fallback = (globalThis as { [FALLBACK_MESSAGES]?: Record<string, { message: string }> })[FALLBACK_MESSAGES]?.[key]?.message ?? key;
  return fallback.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
