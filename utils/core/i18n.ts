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

/**
 * The UI's language (BCP-47), for Intl formatting next to {@link t}: the language the messages are shown in (a
 * browser in French reads the English messages, so lists and dates are English too), or English outside it.
 * `getUILanguage()` is not it: Chromium started with `--lang=de` shows German messages yet reports en-US.
 */
export function uiLanguage(): string {
  const shown = t('uiLocale');
  return shown && shown !== 'uiLocale' ? shown : 'en';
}

/** "A, B and C" in the UI language (Intl.ListFormat); `or` joins with "or". */
export function listOf(items: readonly string[], or = false): string {
  return new Intl.ListFormat(uiLanguage(), { style: 'long', type: or ? 'disjunction' : 'conjunction' }).format(items);
}

/** {@link t} with the message chosen by the UI language's plural rules: `one` for 1 where the language says so, else `other`. `$1` is `n`. */
export function tn(n: number, one: MessageKey, other: MessageKey, ...more: (string | number)[]): string {
  return t(new Intl.PluralRules(uiLanguage()).select(n) === 'one' ? one : other, n, ...more);
}
