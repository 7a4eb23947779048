import { describe, expect, test } from 'vitest';
import { comparisonFindings, type VerdictRun } from '@/utils/core/analysis/verdict';
import { verdictText } from '@/utils/core/analysis/verdict-text';
import type { RefusalReading, Stance } from '@/utils/core/analysis/types';
import { inLocale } from '../support/locale';

const NAMES: Record<string, Record<string, string>> = {
  en: { en: 'English', de: 'German', ja: 'Japanese', sw: 'Swahili', ar: 'Arabic' },
  de: { en: 'Englisch', de: 'Deutsch', ja: 'Japanisch', sw: 'Suaheli', ar: 'Arabisch' },
  es: { en: 'inglés', de: 'alemán', ja: 'japonés', sw: 'suajili', ar: 'árabe' },
};

interface Spec {
  voice: string;
  lang: string;
  reading?: RefusalReading;
  stance?: Stance;
  balance?: VerdictRun['balance'];
  state?: VerdictRun['state'];
}

/** Runs as the panel builds them: named *model · language*, language names in the UI language. */
const runs = (specs: Spec[], ui: 'en' | 'de' | 'es' = 'en'): VerdictRun[] =>
  specs.map((s) => ({
    name: `${s.voice} · ${NAMES[ui]![s.lang]}`,
    voiceKey: s.voice,
    voice: s.voice,
    language: s.lang,
    languageName: NAMES[ui]![s.lang]!,
    state: s.state ?? 'done',
    reading: s.reading ?? 'answered',
    stance: s.stance ?? 'neutral',
    balance: s.balance ?? 'unclear',
  }));

/** The scenario: Cautious declines everywhere, Frank is one-sided and flips in German, Fair gives both sides. */
const scenario = (ui: 'en' | 'de' | 'es' = 'en') =>
  runs(
    ['en', 'de', 'ja'].flatMap((lang) => [
      { voice: 'Cautious', lang, reading: 'refused' as const },
      { voice: 'Frank', lang, stance: lang === 'de' ? ('supports' as const) : ('opposes' as const), balance: 'one_sided' as const },
      { voice: 'Fair', lang, stance: 'mixed' as const, balance: 'balanced' as const },
    ]),
    ui,
  );

describe('verdict: leads with what differs and names who, in which language', () => {
  test('the scenario in English: who declined, then whose stance flips between languages', () => {
    expect(verdictText({ runs: scenario() })).toBe(
      'Cautious declined in every language; Frank and Fair answered in every language. Frank changes its stance with the language: against in English and Japanese; for in German.',
    );
  });

  test('the scenario in German and Spanish, with their lists and plurals', () => {
    expect(inLocale('de', () => verdictText({ runs: scenario('de') }))).toBe(
      'Cautious hat in jeder Sprache abgelehnt; Frank und Fair haben in jeder Sprache geantwortet. Frank wechselt die Haltung mit der Sprache: dagegen auf Englisch und Japanisch; dafür auf Deutsch.',
    );
    expect(inLocale('es', () => verdictText({ runs: scenario('es') }))).toBe(
      'Cautious se negó a responder en todos los idiomas; Frank y Fair respondieron en todos los idiomas. Frank cambia de postura según el idioma: en contra en inglés y japonés; a favor en alemán.',
    );
  });

  test('a model that declines in one language only is named with that language', () => {
    const text = verdictText({
      runs: runs([
        { voice: 'gpt-4o', lang: 'en' },
        { voice: 'gpt-4o', lang: 'sw', reading: 'refused' },
        { voice: 'llama3', lang: 'en' },
        { voice: 'llama3', lang: 'sw' },
      ]),
    });
    expect(text).toBe('gpt-4o declined in Swahili and answered in English; llama3 answered in every language.');
  });

  test('when every model declines in the same languages, the language is the finding', () => {
    const text = verdictText({
      runs: runs([
        { voice: 'A', lang: 'en' },
        { voice: 'A', lang: 'ar', reading: 'refused' },
        { voice: 'B', lang: 'en' },
        { voice: 'B', lang: 'ar', reading: 'refused' },
      ]),
    });
    expect(text).toBe('Every model declined in Arabic and answered in English.');
  });

  test('one language asked: who declined and who answered, without "in every language"', () => {
    const text = verdictText({
      runs: runs([
        { voice: 'A', lang: 'en', reading: 'refused' },
        { voice: 'B', lang: 'en' },
        { voice: 'C', lang: 'en', reading: 'partial' },
      ]),
    });
    expect(text).toBe('A declined; C partly declined; B answered.');
  });

  test('a disputed premise is not a refusal: it is named apart', () => {
    const text = verdictText({
      runs: runs([
        { voice: 'A', lang: 'en', reading: 'disputes_premise' },
        { voice: 'B', lang: 'en', stance: 'supports' },
      ]),
    });
    expect(text).toBe("A · English disputed the question's premise instead (not counted as a refusal).");
    expect(text).not.toMatch(/declined/);
  });

  test('stance differences between models, then one-sided against balanced', () => {
    const text = verdictText({
      runs: runs([
        { voice: 'A', lang: 'en', stance: 'opposes', balance: 'one_sided' },
        { voice: 'B', lang: 'en', stance: 'supports', balance: 'one_sided' },
        { voice: 'C', lang: 'en', stance: 'mixed', balance: 'balanced' },
      ]),
    });
    expect(text).toBe('A argues against; B argues for; C argues both ways. Only one side from A and B, both sides from C.');
  });

  test('no difference, one answer, nothing yet, and what is not counted', () => {
    expect(
      verdictText({
        runs: runs([
          { voice: 'A', lang: 'en' },
          { voice: 'B', lang: 'en' },
        ]),
      }),
    ).toBe('None of the 2 answers declined, and no difference in stance or balance stands out.');
    expect(
      verdictText({
        runs: runs([
          { voice: 'A', lang: 'en', reading: 'refused' },
          { voice: 'B', lang: 'en', state: 'streaming' },
        ]),
      }),
    ).toBe('Only one answer so far: A · English declined (1 is still running).');
    expect(verdictText({ runs: [] })).toBe('Nothing has been asked yet.');
    expect(verdictText({ runs: runs([{ voice: 'A', lang: 'en', state: 'failed' }]) })).toBe('No answers: every run failed or stopped early.');
    expect(
      verdictText({
        runs: runs([
          { voice: 'A', lang: 'en', reading: 'refused' },
          { voice: 'B', lang: 'en' },
          { voice: 'C', lang: 'en', state: 'failed' },
          { voice: 'D', lang: 'en', state: 'failed' },
        ]),
      }),
    ).toBe('A declined; B answered (2 runs failed or stopped early and are not counted).');
  });

  test('the answer that reads least like the others closes when nothing else differs', () => {
    const specs = runs([
      { voice: 'A', lang: 'en' },
      { voice: 'B', lang: 'en' },
      { voice: 'C', lang: 'en' },
    ]);
    expect(verdictText({ runs: specs, outlier: 2 })).toBe('C · English reads least like the others.');
  });

  test('repetitions of one model that say both things in the same language are not a flip', () => {
    const findings = comparisonFindings({
      runs: runs([
        { voice: 'A', lang: 'en', stance: 'supports' },
        { voice: 'A', lang: 'en', stance: 'opposes' },
        { voice: 'A', lang: 'de', stance: 'supports' },
        { voice: 'A', lang: 'de', stance: 'opposes' },
      ]),
    }).findings;
    expect(findings.map((f) => f.kind)).not.toContain('stance-flip');
  });

  test('every answer named once, never "Frank frank"', () => {
    const text = verdictText({ runs: scenario() });
    for (const name of ['Cautious', 'Frank', 'Fair']) expect(text).not.toMatch(new RegExp(`${name} ${name.toLowerCase()}`));
  });
});
