import en from '../public/_locales/en/messages.json';

/** A message of the UI, named as in public/_locales/en/messages.json. */
export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

const api = (): I18nApi | undefined => {
  const g = globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } };
  return g.chrome?.i18n ?? g.browser?.i18n;
};

/**
 * The UI text for `key` in the browser's language, through the extension's i18n (English when the browser's
 * language has no translation, and outside the extension, e.g. in tests). `$1`… take the substitutions.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  try {
    const localized = api()?.getMessage(key, subs);
    if (localized) return localized;
  } catch {
    // Not in an extension page: fall through to English.
  }
  return en[key].message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
