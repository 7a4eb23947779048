// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PromptBox } from '@/components/sidepanel/PromptBox';
import type { TranslationPreviewRequest } from '@/utils/platform/messaging/protocol-compose';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/platform/storage/settings';
import type { TranslationMode } from '@/utils/core/translate/translator';

const sent = vi.hoisted(() => ({ calls: [] as TranslationPreviewRequest[], fail: new Set<string>() }));
vi.mock('@/utils/platform/messaging/client', () => ({
  send: async (_type: string, p: TranslationPreviewRequest) => {
    sent.calls.push(p);
    if (sent.fail.has(p.target)) throw new Error('The server is down.');
    const table: Record<string, string> = { de: 'Ist Tee gesund?', ar: 'هل الشاي صحي؟', ja: 'お茶は健康的ですか？' };
    const translation = p.translation ?? table[p.target] ?? `[${p.target}] ${p.text}`;
    const drifted = p.target === 'ja' && !p.translation;
    return {
      translation,
      engine: p.translation ? null : { id: 'model:x', label: 'mt-1 on 127.0.0.1', onDevice: false, model: 'mt-1' },
      roundTrip: drifted ? 'Tea.' : p.text,
      drift: drifted ? { drifted: true, score: 0.2, reason: 'Only 20 % of the prompt’s words came back.' } : { drifted: false, score: 1 },
    };
  },
}));

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  sent.calls = [];
  sent.fail.clear();
});

async function setup(engine: TranslationMode = { kind: 'model', providerId: 'p' }) {
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    providers: [{ id: 'p', kind: 'openai-compatible', label: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'mt-1' }],
    translation: { engine, savedSets: [], readingLanguage: 'en' },
  });
  const onSubmit = vi.fn(async () => undefined);
  render(<PromptBox onSubmit={onSubmit} />);
  await waitFor(() => expect(screen.getByTestId('language-composer')).toBeTruthy());
  const prompt = screen.getByLabelText('Prompt to compare');
  const pick = (...codes: string[]) => {
    const search = screen.getByRole('combobox', { name: 'Search languages' });
    for (const code of codes) {
      fireEvent.input(search, { target: { value: code } });
      fireEvent.keyDown(search, { key: 'Enter' });
    }
    fireEvent.input(search, { target: { value: '' } });
  };
  const item = (code: string) => screen.getAllByTestId('review-item').find((el) => el.dataset.code === code)!;
  const box = (code: string) => within(item(code)).getByRole<HTMLTextAreaElement>('textbox');
  return { onSubmit, prompt, pick, item, box };
}

describe('composing a comparison in several languages', () => {
  test('review: each translation editable in its direction, drift flagged; only edited ones are sent as typed', async () => {
    const { onSubmit, prompt, pick, item, box } = await setup();
    fireEvent.input(prompt, { target: { value: 'Is tea healthy?' } });
    pick('de', 'ar', 'ja');
    expect(screen.getByTestId('translation-engine').textContent).toContain('Translated by mt-1 on Local.');
    fireEvent.click(screen.getByRole('button', { name: 'Review translations' }));
    await waitFor(() => expect(box('ja').value).toBe('お茶は健康的ですか？'));
    expect(box('de').value).toBe('Ist Tee gesund?');
    expect(box('ar').getAttribute('dir')).toBe('rtl');
    expect(box('ar').getAttribute('lang')).toBe('ar');
    expect(box('de').getAttribute('dir')).toBe('ltr');
    expect(within(item('de')).getByText('By mt-1 on 127.0.0.1')).toBeTruthy();
    expect(within(item('ja')).getByTestId('review-drift').textContent).toContain('Only 20 % of the prompt’s words came back.');
    expect(within(item('de')).queryByTestId('review-drift')).toBeNull();
    expect(sent.calls.map((c) => [c.source, c.target, c.roundTrip])).toEqual([
      ['en', 'de', true],
      ['en', 'ar', true],
      ['en', 'ja', true],
    ]);

    fireEvent.input(box('ja'), { target: { value: 'お茶は体に良いですか？' } });
    expect(within(item('ja')).getByText('Your version: sent as you wrote it')).toBeTruthy();
    fireEvent.click(within(item('ja')).getByRole('button', { name: 'Check my version' }));
    await waitFor(() => expect(within(item('ja')).getByTestId('review-round-trip')).toBeTruthy());
    expect(sent.calls.at(-1)).toEqual({ text: 'Is tea healthy?', source: 'en', target: 'ja', translation: 'お茶は体に良いですか？', roundTrip: true });

    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('Is tea healthy?', {
      languages: ['de', 'ar', 'ja'],
      sourceLanguage: 'en',
      translations: { ja: 'お茶は体に良いですか？' },
    });
    await waitFor(() => expect(screen.queryByTestId('translation-review')).toBeNull());
  });

  test('skipping the review: languages go without translations, the runner translates', async () => {
    const { onSubmit, prompt, pick } = await setup();
    fireEvent.input(prompt, { target: { value: 'Is tea healthy?' } });
    pick('sw');
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('Is tea healthy?', { languages: ['sw'], sourceLanguage: 'en' }));
    expect(sent.calls).toEqual([]);
  });

  test('Compare folds the language picker away; the languages stay chosen for the next prompt', async () => {
    const { onSubmit, prompt, pick } = await setup();
    const details = screen.getByTestId<HTMLDetailsElement>('language-details');
    details.open = true;
    fireEvent.input(prompt, { target: { value: 'Is tea healthy?' } });
    pick('de', 'ar');
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    await waitFor(() => expect(details.open).toBe(false));
    expect(screen.getByTestId('chosen-languages').textContent).toBe('Deutsch, العربية');
  });

  test('a failed translation says why and lets the user type it; a prompt changed after review sends none', async () => {
    sent.fail.add('ar');
    const { onSubmit, prompt, pick, item, box } = await setup();
    fireEvent.input(prompt, { target: { value: 'Is tea healthy?' } });
    pick('de', 'ar');
    fireEvent.click(screen.getByRole('button', { name: 'Review translations' }));
    await waitFor(() => expect(within(item('ar')).getByRole('alert').textContent).toBe('The server is down. You can type the Arabic prompt yourself above.'));
    fireEvent.input(box('ar'), { target: { value: 'هل الشاي مفيد؟' } });
    fireEvent.input(prompt, { target: { value: 'Is green tea healthy?' } });
    expect(screen.getByText(/The prompt changed since these were made/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('Is green tea healthy?', { languages: ['de', 'ar'], sourceLanguage: 'en' }));
  });

  test('engine "none": the review asks for each translation, and what the user types is sent', async () => {
    const { onSubmit, prompt, pick, item, box } = await setup({ kind: 'none' });
    fireEvent.input(prompt, { target: { value: 'Is tea healthy?' } });
    pick('de');
    expect(screen.getByTestId('translation-engine').textContent).toContain('No translation engine');
    fireEvent.click(screen.getByRole('button', { name: 'Review translations' }));
    expect(item('de').dataset.status).toBe('manual');
    expect(sent.calls).toEqual([]);
    fireEvent.input(box('de'), { target: { value: 'Ist Tee gesund?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith('Is tea healthy?', { languages: ['de'], sourceLanguage: 'en', translations: { de: 'Ist Tee gesund?' } }),
    );
  });

  test('the prompt language: detected from the text, else the reading language, or chosen by the user', async () => {
    const { onSubmit, prompt, pick } = await setup();
    fireEvent.input(prompt, { target: { value: 'Ist Kaffee am Morgen gesund oder eher schädlich für den Magen?' } });
    pick('de', 'fr');
    expect(screen.getByLabelText<HTMLSelectElement>('Language the prompt is written in').selectedOptions[0]!.textContent).toBe('Detected: German');
    expect(screen.getByRole('button', { name: 'Review translations' })).toBeTruthy(); // French still needs one
    fireEvent.change(screen.getByLabelText('Language the prompt is written in'), { target: { value: 'nl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.any(String), { languages: ['de', 'fr'], sourceLanguage: 'nl' }));
  });

  test('on-device mode with a remote translating endpoint: the composer says it will not translate', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      onDeviceOnly: true,
      providers: [{ id: 'p', kind: 'openai-compatible', label: 'Cloud', baseUrl: 'https://api.example/v1', model: 'm' }],
      translation: { engine: { kind: 'model', providerId: 'p' }, savedSets: [] },
    });
    render(<PromptBox onSubmit={vi.fn()} />);
    const search = screen.getByRole('combobox', { name: 'Search languages' });
    fireEvent.input(search, { target: { value: 'de' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/On-device mode is on, and Cloud is not on this device/));
  });
});
