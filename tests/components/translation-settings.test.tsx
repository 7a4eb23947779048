// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useEffect, useState } from 'preact/hooks';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TranslationSettings } from '@/components/settings/TranslationSettings';
import type { LanguageDetectorApi, TranslatorApi } from '@/utils/core/on-device/chrome-translator';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '@/utils/platform/storage/settings';
import { fakeChromeDetector, fakeChromeTranslator } from '../engines/fake-chrome-translator';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const remote = { id: 'remote', kind: 'openai-compatible' as const, label: 'Cloud API', baseUrl: 'https://api.example/v1', model: 'gpt-x' };
const gpu = { id: 'gpu', kind: 'webllm' as const, label: 'On this device', baseUrl: '', model: 'Qwen2.5-1.5B' };
const ollama = { id: 'ollama', kind: 'openai-compatible' as const, label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' };

/** The section over live settings, as the options page renders it. */
function Page(props: { api?: TranslatorApi; detector?: LanguageDetectorApi; cache?: { count(): Promise<number>; clear(): Promise<void> } }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    return settingsItem.watch(setSettings);
  }, []);
  return settings ? <TranslationSettings settings={settings} {...props} /> : null;
}

async function start(settings: Partial<Settings>, props: Parameters<typeof Page>[0] = {}) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, providers: [remote, gpu], ...settings });
  render(<Page {...props} />);
  await screen.findByTestId('translation-settings');
}

const pair = (code: string) => screen.getAllByTestId('pair').find((el) => el.dataset.code === code)!;

describe('Translation settings', () => {
  test("Chrome's translator: pair states shown; a pack downloads only on its click, with progress, both ways", async () => {
    const chrome = fakeChromeTranslator({
      pairs: { 'en>de': 'available', 'de>en': 'available', 'en>sw': 'downloadable', 'sw>en': 'downloadable' },
      requireActivation: true,
    });
    const detector = fakeChromeDetector('downloadable', {});
    await start(
      { translation: { engine: { kind: 'chrome' }, readingLanguage: 'en', savedSets: [] } },
      { api: chrome.Translator, detector: detector.LanguageDetector },
    );
    await waitFor(() => expect(screen.getByTestId('chrome-translator-status').textContent).toContain('With English: 1 ready, 1 to download, 33 not available'));
    expect(pair('de').dataset).toMatchObject({ to: 'available', from: 'available' });
    expect(pair('gd').dataset).toMatchObject({ to: 'unavailable' });
    expect(within(pair('de')).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('language-detector').dataset.availability).toBe('downloadable');
    expect(chrome.log.created).toEqual([]); // looking never downloads

    chrome.activate();
    fireEvent.click(within(pair('sw')).getByRole('button', { name: 'Download Swahili' }));
    expect(chrome.log.created).toEqual(['en>sw', 'sw>en']);
    chrome.progress(0.5);
    await waitFor(() => expect(within(pair('sw')).getByRole('status').textContent).toContain('50 %'));
    chrome.finish();
    await waitFor(() => expect(pair('sw').dataset).toMatchObject({ to: 'available', from: 'available' }));
    expect(screen.getByTestId('chrome-translator-status').textContent).toContain('2 ready, 0 to download');
  });

  test('no Translator API: says which browser is needed', async () => {
    await start({}, { api: undefined });
    expect(screen.getByTestId('chrome-translator-status').textContent).toMatch(/not in this browser \(it needs desktop Chrome 138 or later\)/);
    expect(screen.getByText(/Chrome's on-device translator \(not in this browser\)/)).toBeTruthy();
  });

  test('a model translates: the first allowed endpoint, changeable, with an optional model', async () => {
    await start({});
    fireEvent.click(screen.getByLabelText(/A model you set up/));
    await waitFor(async () => expect((await settingsItem.getValue()).translation.engine).toEqual({ kind: 'model', providerId: 'remote' }));
    fireEvent.change(await screen.findByLabelText('Translating endpoint'), { target: { value: 'gpu' } });
    fireEvent.change(screen.getByLabelText('Translating model'), { target: { value: ' Llama-3.2-1B ' } });
    await waitFor(async () => expect((await settingsItem.getValue()).translation.engine).toEqual({ kind: 'model', providerId: 'gpu', model: 'Llama-3.2-1B' }));
  });

  test('on-device mode: remote endpoints cannot be chosen, and a remote engine already chosen is reported', async () => {
    await start({ providers: [remote, gpu, ollama], translation: { engine: { kind: 'model', providerId: 'remote' }, savedSets: [] } });
    fireEvent.click(screen.getByLabelText(/On-device mode/));
    await waitFor(() =>
      expect(screen.getByTestId('translation-engine-problem').textContent).toMatch(/On-device mode is on, and Cloud API is not on this device/),
    );
    const options = [...screen.getByLabelText<HTMLSelectElement>('Translating endpoint').options];
    // Ollama on 127.0.0.1 is on this computer: it stays choosable, not greyed out as leaving the device.
    expect(options.map((o) => [o.value, o.disabled, o.textContent])).toEqual([
      ['remote', true, 'Cloud API · gpt-x (leaves this device)'],
      ['gpu', false, 'On this device · Qwen2.5-1.5B'],
      ['ollama', false, 'Ollama · llama3.2'],
    ]);
    expect(screen.getByText(/your prompts and answers do not leave this computer to be translated/)).toBeTruthy();
    expect((await settingsItem.getValue()).onDeviceOnly).toBe(true);
  });

  test('reading language and saved sets are kept in settings', async () => {
    await start({ translation: { engine: { kind: 'none' }, savedSets: [{ id: 's1', label: 'Family', codes: ['tr', 'de'] }] } });
    fireEvent.change(screen.getByLabelText('Reading language'), { target: { value: 'sw' } });
    await waitFor(async () => expect((await settingsItem.getValue()).translation.readingLanguage).toBe('sw'));

    const search = screen.getByRole('combobox', { name: 'Search languages' });
    for (const q of ['ja', 'ko']) {
      fireEvent.input(search, { target: { value: q } });
      fireEvent.keyDown(search, { key: 'Enter' });
    }
    fireEvent.input(screen.getByLabelText('Name for this set of languages'), { target: { value: 'East Asia' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save set' }));
    await waitFor(() => expect(within(screen.getByTestId('saved-sets')).getByText('East Asia')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Delete the set Family' }));
    await waitFor(async () =>
      expect((await settingsItem.getValue()).translation.savedSets.map((s) => [s.label, s.codes])).toEqual([['East Asia', ['ja', 'ko']]]),
    );
  });

  test('the translation cache: its size, and clearing it', async () => {
    const clear = vi.fn(async () => undefined);
    await start({ translation: { engine: { kind: 'none' }, savedSets: [] } }, { cache: { count: async () => 12, clear } });
    await waitFor(() => expect(screen.getByTestId('translation-cache').textContent).toContain('12 translations are kept on this computer'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear them' }));
    await waitFor(() => expect(screen.getByTestId('translation-cache').textContent).toContain('0 translations'));
    expect(clear).toHaveBeenCalledOnce();
  });
});
