// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ChromeBuiltinSettings } from '@/components/settings/ChromeBuiltinSettings';
import { LocalServersNote } from '@/components/settings/LocalServersNote';
import type { LanguageModelApi, LanguageModelCreateOptions } from '@/utils/core/on-device/chrome-builtin-engine';
import type { ProviderConfig } from '@/utils/core/providers/types';

afterEach(cleanup);

/** A LanguageModel double whose download advances only when the test says so. */
function fakeApi(initial: string) {
  let state = initial;
  let monitor: EventTarget | undefined;
  let finish: (() => void) | undefined;
  const created: LanguageModelCreateOptions[] = [];
  const api: LanguageModelApi = {
    availability: async () => state,
    create: (options = {}) => {
      created.push(options);
      monitor = new EventTarget();
      options.monitor?.(monitor);
      state = 'downloading';
      return new Promise((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        finish = () => {
          state = 'available';
          resolve({ promptStreaming: () => new ReadableStream(), destroy: () => undefined });
        };
      });
    },
  };
  const progress = (loaded: number) => monitor!.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded, total: 1 }));
  return { api, created, progress, finish: () => finish!() };
}

const status = () => screen.getByTestId('chrome-builtin-status');

describe('Chrome built-in model settings', () => {
  test('downloads only on a click, shows progress, then offers to add the model', async () => {
    const chrome = fakeApi('downloadable');
    const onAdd = vi.fn<(config: ProviderConfig) => Promise<undefined>>(async () => undefined);
    render(<ChromeBuiltinSettings providers={[]} onAdd={onAdd} api={chrome.api} />);
    await waitFor(() => expect(status().textContent).toContain('Not downloaded'));
    expect(chrome.created).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(screen.getByTestId('chrome-builtin-progress')).toBeTruthy());
    chrome.progress(0.4);
    await waitFor(() => expect(screen.getByTestId('chrome-builtin-progress').textContent).toContain('40 %'));
    chrome.finish();
    await waitFor(() => expect(status().textContent).toContain('Ready'));
    expect(screen.queryByTestId('chrome-builtin-progress')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Add to my models' }));
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ kind: 'chrome-builtin', model: 'gemini-nano', maxConcurrent: 1 }));
  });

  test('stop waiting: no error shown, the button comes back', async () => {
    const chrome = fakeApi('downloadable');
    render(<ChromeBuiltinSettings providers={[]} onAdd={async () => undefined} api={chrome.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop waiting' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show download progress' })).toBeTruthy());
    expect(screen.queryByTestId('chrome-builtin-error')).toBeNull();
  });

  test.each([
    ['unavailable', 'Unavailable on this device', '22 GB'],
    ['available', 'Ready', 'ready'],
  ])('%s: says so, no download button', async (state, label, says) => {
    render(<ChromeBuiltinSettings providers={[]} onAdd={async () => undefined} api={fakeApi(state).api} />);
    await waitFor(() => expect(status().textContent).toContain(label));
    expect(status().textContent).toContain(says);
    expect(screen.queryByRole('button', { name: 'Download' })).toBeNull();
  });

  test('without the API (Firefox, older Chrome): explains what is needed', async () => {
    render(<ChromeBuiltinSettings providers={[]} onAdd={async () => undefined} api={undefined} />);
    await waitFor(() => expect(status().getAttribute('data-availability')).toBe('unsupported'));
    expect(status().textContent).toContain('Chrome 138');
  });

  test('already added: the button says so and is disabled', async () => {
    const existing: ProviderConfig = { id: 'x', kind: 'chrome-builtin', label: 'Nano', baseUrl: '', model: 'gemini-nano' };
    render(<ChromeBuiltinSettings providers={[existing]} onAdd={async () => undefined} api={fakeApi('available').api} />);
    const button = await screen.findByRole('button', { name: 'In my models' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('local servers note', () => {
  test('Firefox: shows the OLLAMA_ORIGINS command; Chrome (rules strip the header): shows nothing', () => {
    const origin = 'moz-extension://0f4c2d8e-5b7a-4c11-9e2f-6a1d3b9c7e55';
    const { container, rerender } = render(<LocalServersNote needsServerSetting={true} extensionOrigin={origin} />);
    // This copy of Parallax only: never every extension (moz-extension://*).
    expect(container.textContent).toContain(`OLLAMA_ORIGINS="${origin}" ollama serve`);
    expect(container.textContent).toContain(`launchctl setenv OLLAMA_ORIGINS "${origin}"`);
    expect(container.textContent).not.toContain('*');
    rerender(<LocalServersNote needsServerSetting={false} extensionOrigin={origin} />);
    expect(container.textContent).toBe('');
  });
});
