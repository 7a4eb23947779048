// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { render } from '@testing-library/preact';
import { shownFigure, type ReaderAccuracy } from '@/utils/core/analysis/accuracy';
import { TrustNote, trustLine } from '@/components/sidepanel/TrustNote';
import { inLocale } from '../support/locale';

const figure = (over: Partial<ReaderAccuracy>): ReaderAccuracy => ({
  reader: 'refusal',
  task: 'refused or not',
  accuracy: 0.9,
  answers: 1000,
  models: 3,
  languages: ['en'],
  heldOut: true,
  dataset: 'test',
  command: 'npm run eval:refusal',
  measured: '2026-12-07',
  ...over,
});

describe('"Why?" says how far each automatic label can be trusted', () => {
  test('the figure shown is held out and on real model answers; a figure on our own test answers is not an estimate', () => {
    const figures = [
      figure({ accuracy: 0.99, heldOut: false, answers: 5000 }),
      figure({ accuracy: 0.874, answers: 1066 }),
      figure({ reader: 'stance', accuracy: 1, models: 0, heldOut: false }),
    ];
    expect(shownFigure('refusal', figures)?.accuracy).toBe(0.874);
    expect(shownFigure('stance', figures)).toBeNull();
    expect(trustLine('refusal', shownFigure('refusal', figures))).toBe(
      'Refusal: agreed with people on 87 % of 1,066 labelled answers (English) by 3 models it was not tuned on.',
    );
    expect(trustLine('stance', null)).toBe('Stance: not yet measured on answers of models it was not tuned on — read it as a hint.');
    expect(inLocale('de', () => trustLine('refusal', shownFigure('refusal', figures)))).toBe(
      'Ablehnung: stimmte bei 87 % von 1.066 von Menschen bewerteten Antworten (Englisch) von 3 Modellen überein, auf die es nicht abgestimmt wurde.',
    );
  });

  test('the refusal figure shown is one eval:refusal wrote held out on model answers, never the answers written for Parallax', () => {
    const shown = shownFigure('refusal');
    expect(shown).toMatchObject({ reader: 'refusal', heldOut: true, task: 'refused or not' });
    expect(shown!.models).toBeGreaterThan(1);
    expect(shown!.command).toMatch(/^npm run eval:refusal/);
    expect(trustLine('refusal')).toContain(`${Math.round(shown!.accuracy * 100)} %`);
  });

  test('the note lists the three readers from the figures the eval scripts wrote', () => {
    const { getByTestId } = render(<TrustNote />);
    const items = [...getByTestId('trust-note').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^Refusal: agreed with people on \d+ % of [\d,]+ labelled answers \(English\) by \d models it was not tuned on\.$/);
    expect(items[2]).toMatch(/^Balance: agreed with people on \d+ % of [\d,]+ labelled answers \(English\) by \d models it was not tuned on\.$/);
  });
});
