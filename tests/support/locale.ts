/**
 * Runs code as if the browser's UI language were `lang`: an i18n API like Chrome's (getMessage with $1…$9,
 * getUILanguage) over public/_locales/<lang>/messages.json, removed afterwards.
 */
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import es from '../../public/_locales/es/messages.json';

const LOCALES: Record<string, Record<string, { message: string }>> = { en, de, es };

export function inLocale<T>(lang: 'en' | 'de' | 'es', run: () => T): T {
  const g = globalThis as { chrome?: unknown };
  const before = g.chrome;
  const messages = LOCALES[lang]!;
  g.chrome = {
    i18n: {
      getUILanguage: () => lang,
      getMessage: (key: string, subs: string[] = []) => messages[key]?.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') ?? '',
    },
  };
  try {
    return run();
  } finally {
    g.chrome = before;
  }
}
