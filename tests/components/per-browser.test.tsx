// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WelcomeGuide } from '@/components/settings/WelcomeGuide';
import { TranslationSettings } from '@/components/settings/TranslationSettings';
import { JudgeSettings } from '@/components/settings/JudgeSettings';
import { OnDeviceUnavailable } from '@/components/settings/OnDeviceSettings';
import { browserKind, onDeviceEnginesHere } from '@/utils/platform/browser-kind';
import { DEFAULT_SETTINGS, migrateSettingsV2, translationOf, type Settings } from '@/utils/platform/storage/settings';
import { translationSettingsOf } from '@/utils/core/translate/settings';

/** Makes the add-on's own address a Firefox one (moz-extension://), as browserKind() reads it. */
const inFirefox = () => vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `moz-extension://0000/${path.replace(/^\//, '')}`);

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const local = { id: 'local', kind: 'openai-compatible' as const, label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' };

describe('which browser, read from the add-on address', () => {
  test('chrome-extension:// is Chromium, with on-device engines; moz-extension:// is Firefox, without', () => {
    expect(browserKind()).toBe('chromium');
    expect(onDeviceEnginesHere()).toBe(true);
    inFirefox();
    expect(browserKind()).toBe('firefox');
    expect(onDeviceEnginesHere()).toBe(false);
  });
});

describe('translation defaults per browser', () => {
  test("without Chrome's translator the default, and a stored Chrome engine, become translation by hand; choices made stay", () => {
    const none = { chromeTranslator: false };
    expect(translationSettingsOf(undefined, none).engine).toEqual({ kind: 'none' });
    expect(translationSettingsOf({ engine: { kind: 'chrome' }, savedSets: [] }, none).engine).toEqual({ kind: 'none' });
    expect(translationSettingsOf({ engine: { kind: 'model', providerId: 'local' } }, none).engine).toEqual({ kind: 'model', providerId: 'local' });
    expect(translationSettingsOf(undefined).engine).toEqual({ kind: 'chrome' });
  });

  test('settings read in Firefox translate by hand until the user picks a model; in Chrome they use its translator', () => {
    expect(translationOf(DEFAULT_SETTINGS).engine).toEqual({ kind: 'chrome' });
    inFirefox();
    expect(translationOf(DEFAULT_SETTINGS).engine).toEqual({ kind: 'none' });
    expect(migrateSettingsV2({ providers: [local] }).translation.engine).toEqual({ kind: 'none' });
  });
});

describe('the settings page tells a Firefox user what Firefox has', () => {
  test('welcome guide: local servers and APIs, the sidebar, nothing about WebGPU or Chrome', () => {
    inFirefox();
    const gpu = vi.fn();
    Object.defineProperty(globalThis.navigator, 'gpu', { value: { requestAdapter: gpu }, configurable: true });
    render(<WelcomeGuide hasModel={false} hasSite={false} onDone={() => {}} />);
    const guide = screen.getByRole('region', { name: 'Welcome to Parallax' });
    expect(guide.textContent).toContain('Add a model: a local server (Ollama, LM Studio) or an API endpoint under Models.');
    expect(guide.textContent).toContain('Open the Parallax sidebar from the toolbar button');
    expect(guide.textContent).not.toMatch(/side panel|WebGPU|Chrome|Edge|on-device/i);
    expect(gpu).not.toHaveBeenCalled();
    delete (globalThis.navigator as { gpu?: unknown }).gpu;
  });

  test('welcome guide in Chrome still offers on-device models and names the side panel', () => {
    render(<WelcomeGuide hasModel={false} hasSite={false} onDone={() => {}} />);
    expect(screen.getByRole('link', { name: 'On-device models' })).toBeTruthy();
    expect(screen.getByText(/Open the Parallax side panel/)).toBeTruthy();
  });

  test('on-device models: says why Firefox has none and what to use instead', () => {
    render(<OnDeviceUnavailable />);
    expect(screen.getByRole('region', { name: 'On-device models' }).textContent).toMatch(
      /Parallax for Firefox has no on-device models.*run a local server such as Ollama or LM Studio/,
    );
  });

  test("translation: no Chrome's translator to choose, translation by hand checked, no error; on-device mode says what it means here", async () => {
    inFirefox();
    const settings: Settings = { ...DEFAULT_SETTINGS, providers: [local] };
    const { rerender } = render(<TranslationSettings settings={settings} api={undefined} />);
    expect(screen.queryByText(/Chrome/)).toBeNull();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /None: I type/ }).checked).toBe(true);
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    expect(document.querySelector('.form-error')).toBeNull();
    rerender(<TranslationSettings settings={{ ...settings, onDeviceOnly: true }} api={undefined} />);
    await waitFor(() => {
      expect(screen.getByText(/Only you translate, by hand: Parallax has no on-device translator or model in Firefox/)).toBeTruthy();
    });
  });

  test('judge: with no endpoint yet, asks for one without naming Chrome', () => {
    inFirefox();
    render(<JudgeSettings providers={[]} />);
    expect(screen.getByText('Add an endpoint above to use it as a judge.')).toBeTruthy();
  });
});
