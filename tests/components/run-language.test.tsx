// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { ComparisonView } from '@/components/sidepanel/ComparisonView';
import { preloadMarkdown } from '@/components/shared/Markdown';
import { PromptSent, clearRoundTripChecks } from '@/components/sidepanel/RunLanguage';
import type { TranslationPreview } from '@/utils/platform/messaging/protocol-compose';
import type { Comparison, Run } from '@/utils/core/runner/types';

const sent = vi.hoisted(() => {
  const state: { calls: unknown[]; reply: (payload: unknown) => Promise<unknown> } = { calls: [], reply: () => Promise.reject(new Error('no reply set')) };
  return state;
});
vi.mock('@/utils/platform/messaging/client', () => ({ send: (type: string, payload: unknown) => (sent.calls.push({ type, payload }), sent.reply(payload)) }));

beforeAll(async () => {
  await preloadMarkdown();
});
afterEach(() => {
  cleanup();
  clearRoundTripChecks();
  sent.calls = [];
});

const PROMPT = 'Should a doctor always tell a patient the truth?';
const comparison: Comparison = { id: 'c', createdAt: Date.now(), prompt: PROMPT, source: { kind: 'panel' }, language: 'en' };

const run = (id: string, language: string, over: Partial<Run> = {}): Run => ({
  id,
  comparisonId: 'c',
  position: ['de', 'ar', 'sw'].indexOf(language),
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'Local', baseUrl: '', model: 'm', language },
  state: 'done',
  text: '',
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  sourceLanguage: 'en',
  translation: { engine: 'model:openai-compatible:mt@127.0.0.1', model: 'mt', source: 'en', target: language },
  ...over,
});

const runs = [
  run('de', 'de', {
    text: 'Ja, meistens. Ehrlichkeit schafft Vertrauen.',
    translatedPrompt: 'Sollte ein Arzt einem Patienten immer die Wahrheit sagen?',
    answerLanguage: { code: 'de', confidence: 0.9 },
    backTranslation: { language: 'en', from: 'de', text: 'Yes, mostly. Honesty builds trust.', engine: 'model:x', model: 'mt' },
  }),
  run('ar', 'ar', {
    text: 'نعم، في أغلب الأحيان. الصدق يبني الثقة.',
    translatedPrompt: 'هل يجب على الطبيب أن يقول الحقيقة للمريض دائمًا؟',
    answerLanguage: { code: 'ar', confidence: 0.95 },
    backTranslation: { language: 'en', from: 'ar', text: 'Yes, most of the time. Honesty builds trust.', engine: 'model:x', model: 'mt' },
  }),
  run('sw', 'sw', {
    text: 'Yes, a doctor should generally be honest with patients.',
    translatedPrompt: 'Je, daktari anapaswa kumwambia mgonjwa ukweli kila wakati?',
    answerLanguage: { code: 'en', confidence: 0.9 },
  }),
];

function setup(list = runs) {
  const texts = new Map(list.map((r) => [r.id, signal(r.text)]));
  const view = render(
    <ComparisonView
      comparison={comparison}
      runs={list}
      textOf={(id) => texts.get(id)!}
      onRetry={vi.fn()}
      onCancel={vi.fn()}
      onCancelAll={vi.fn()}
      onOpenSettings={vi.fn()}
    />,
  );
  const column = (code: string) => view.container.querySelectorAll<HTMLElement>('[data-testid=run]')[['de', 'ar', 'sw'].indexOf(code)]!;
  return { ...view, column };
}

describe('reading answers asked in other languages', () => {
  test('each column names its language in itself, with its code', () => {
    sent.reply = async () => ({ translation: '', engine: null });
    const { column } = setup();
    expect(within(column('de')).getByTestId('run-language').textContent).toBe('Deutsch · de');
    const arabic = within(column('ar')).getByTestId('run-language');
    expect(arabic.textContent).toBe('العربية · ar');
    expect(arabic.querySelector('[lang=ar]')?.getAttribute('dir')).toBe('rtl');
  });

  test("answers show in the reader's language by default; the original is one click away, per column and for all", () => {
    sent.reply = async () => ({ translation: '', engine: null });
    const { column } = setup();
    expect(within(column('de')).getByTestId('run-back-text').textContent).toBe('Yes, mostly. Honesty builds trust.');
    expect(within(column('de')).getByText(/Translated from German into English by mt/)).toBeTruthy();
    expect(within(column('de')).queryByTestId('run-text')).toBeNull();

    fireEvent.click(within(column('ar')).getByRole('button', { name: 'Show original' }));
    const original = within(column('ar')).getByTestId('run-text');
    expect(original.textContent).toBe('نعم، في أغلب الأحيان. الصدق يبني الثقة.');
    expect(original.getAttribute('dir')).toBe('auto');
    expect(within(column('de')).getByTestId('run-back-text')).toBeTruthy(); // the others stay translated
    fireEvent.click(within(column('ar')).getByRole('button', { name: 'Show in English' }));
    expect(within(column('ar')).getByTestId('run-back-text')).toBeTruthy();

    const toggle = screen.getByTestId<HTMLInputElement>('reading-toggle');
    expect(toggle.parentElement?.textContent).toContain('Show in English');
    fireEvent.click(toggle);
    expect(within(column('de')).getByTestId('run-text').textContent).toBe('Ja, meistens. Ehrlichkeit schafft Vertrauen.');
    expect(within(column('ar')).getByTestId('run-text')).toBeTruthy();
  });

  test('an answer in another language than asked is flagged; the others are not', () => {
    sent.reply = async () => ({ translation: '', engine: null });
    const { column } = setup();
    expect(within(column('sw')).getByTestId('answer-language-flag').textContent).toBe('Answered in English (asked in Swahili)');
    expect(within(column('de')).queryByTestId('answer-language-flag')).toBeNull();
    expect(within(column('ar')).queryByTestId('answer-language-flag')).toBeNull();
  });

  test('the prompt sent is shown expandable, in its direction, with who translated it', () => {
    sent.reply = async () => ({ translation: '', engine: null });
    const { column } = setup();
    const sentAr = within(column('ar')).getByTestId('prompt-sent-text');
    expect(sentAr.textContent).toBe('هل يجب على الطبيب أن يقول الحقيقة للمريض دائمًا؟');
    expect(sentAr.getAttribute('dir')).toBe('rtl');
    expect(sentAr.getAttribute('lang')).toBe('ar');
    expect(within(column('ar')).getByTestId('prompt-sent').textContent).toContain('Prompt sent in Arabic');
    expect(within(column('ar')).getByTestId('prompt-sent').textContent).toContain('Translated by mt.');
  });

  test('a translation that drifted in the round trip shows a warning; one that kept its meaning does not', async () => {
    sent.reply = async (payload) => {
      const { target } = payload as { target: string };
      return target === 'sw'
        ? ({
            translation: '',
            engine: null,
            roundTrip: 'Does a doctor tell the sick person?',
            drift: { drifted: true, score: 0.3, reason: 'Only 30 % of the prompt’s words came back.' },
          } satisfies TranslationPreview)
        : ({ translation: '', engine: null, roundTrip: PROMPT, drift: { drifted: false, score: 1 } } satisfies TranslationPreview);
    };
    const { column } = setup();
    await waitFor(() => expect(within(column('sw')).getByTestId('run-drift').textContent).toContain('Only 30 % of the prompt’s words came back.'));
    expect(within(column('de')).queryByTestId('run-drift')).toBeNull();
    expect(sent.calls).toContainEqual({
      type: 'translation.preview',
      payload: { text: PROMPT, source: 'en', target: 'sw', translation: 'Je, daktari anapaswa kumwambia mgonjwa ukweli kila wakati?', roundTrip: true },
    });
  });

  test('a back-translation that failed says why under the original', () => {
    sent.reply = async () => ({ translation: '', engine: null });
    const failed = run('de', 'de', {
      text: 'Ja.',
      backTranslation: { language: 'en', from: 'de', text: '', engine: 'x', error: 'Could not translate the answer into English: server down' },
    });
    const { column } = setup([failed]);
    expect(within(column('de')).getByTestId('run-text').textContent).toBe('Ja.');
    expect(within(column('de')).getByTestId('back-translation-error').textContent).toBe('Could not translate the answer into English: server down');
    expect(screen.queryByTestId('reading-toggle')).toBeNull();
  });

  test('a prompt the user translated says so; runs without translation show no prompt-sent part', () => {
    const check = vi.fn(async () => ({ translation: '', engine: null }));
    const own = run('de', 'de', { text: 'Ja.', translatedPrompt: 'Meine Übersetzung', translation: { engine: 'none', source: 'en', target: 'de' } });
    render(<PromptSent run={own} prompt={PROMPT} check={check} />);
    expect(screen.getByTestId('prompt-sent').textContent).toContain('Translated by you.');
    cleanup();
    const plain = run('x', 'de', { translation: undefined, translatedPrompt: undefined });
    const { container } = render(<PromptSent run={plain} prompt={PROMPT} check={check} />);
    expect(container.textContent).toBe('');
  });
});
