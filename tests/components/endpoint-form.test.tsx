// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EndpointForm } from '@/components/settings/EndpointForm';
import { createSettingsState } from '@/entrypoints/options/state';

/** The user grants every origin the form asks for. */
beforeEach(() => {
  fakeBrowser.reset();
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  permissions.request = async () => true;
  permissions.contains = async () => true;
});
afterEach(cleanup);

function fill(baseUrl: string, apiKey: string) {
  fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: baseUrl } });
  fireEvent.input(screen.getByLabelText('Model', { exact: true }), { target: { value: 'llama3.2' } });
  fireEvent.input(screen.getByLabelText(/^API key \(optional/), { target: { value: apiKey } });
}

describe('a key over plain http', () => {
  test('to another machine: a warning first, added only after "Add anyway"', async () => {
    const onAdd = vi.fn(async () => undefined);
    render(<EndpointForm onAdd={onAdd} />);
    fill('http://192.168.1.20:11434/v1', 'sk-secret');
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    await waitFor(() =>
      expect(screen.getByTestId('plain-http-warning').textContent).toBe(
        'Your API key would travel unencrypted to 192.168.1.20:11434 (http:, not https:): anyone on the network in between could read it. Use https:// if the server offers it, or choose “Add anyway”.',
      ),
    );
    expect(onAdd).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Add anyway' }));
    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('plain-http-warning')).toBeNull();
  });

  test('to this computer, over https, or without a key: no warning', async () => {
    const onAdd = vi.fn(async () => undefined);
    render(<EndpointForm onAdd={onAdd} />);
    for (const [url, key] of [
      ['http://127.0.0.1:11434/v1', 'sk-secret'],
      ['https://api.example.com/v1', 'sk-secret'],
      ['http://192.168.1.20:11434/v1', ''],
    ]) {
      fill(url!, key!);
      fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
      await waitFor(() => expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ baseUrl: url }), key));
      expect(screen.queryByTestId('plain-http-warning')).toBeNull();
    }
  });
});

test('an address the user did not grant is refused when the settings are saved, with the reason shown', async () => {
  (fakeBrowser.permissions as unknown as Record<string, unknown>).contains = async () => false;
  const state = createSettingsState();
  await expect(state.addProvider({ id: 'p', kind: 'openai-compatible', label: 'X', baseUrl: 'https://evil.example/v1', model: 'm' }, 'sk')).rejects.toThrow(
    'Parallax may not send requests to evil.example: you did not allow that address.',
  );
  expect(state.settings.value.providers).toEqual([]);
  // Loopback needs no grant.
  await state.addProvider({ id: 'q', kind: 'openai-compatible', label: 'Local', baseUrl: 'http://127.0.0.1:11434/v1', model: 'm' }, '');
  await waitFor(() => expect(state.settings.value.providers.map((p) => p.id)).toEqual(['q']));
});
