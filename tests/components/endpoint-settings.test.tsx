// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EndpointForm } from '@/components/settings/EndpointForm';
import { EndpointList } from '@/components/settings/EndpointList';
import { endpointHandlers } from '@/utils/platform/background/endpoint-handlers';
import type { EndpointModelsRequest } from '@/utils/platform/messaging/protocol-endpoints';
import { createSettingsState } from '@/entrypoints/options/state';
import { DEFAULT_SETTINGS, apiKeysItem, settingsItem } from '@/utils/platform/storage/settings';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { startOpenAIServer } from '../servers/openai';
import { startServer, type TestServer } from '../servers/http';

const KEY = 'sk-local-0123456789abcdef';
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
let servers: TestServer[] = [];
const serve = async (s: Promise<TestServer>) => (servers.push(await s), servers.at(-1)!);
let asked: EndpointModelsRequest[] = [];
/** The real background handler, as the router would run it (local-server rule left out: there is no DNR here). */
const background = endpointHandlers({ allowLocalOrigin: async () => undefined });
const checkEndpoint = (request: EndpointModelsRequest) => (asked.push(request), background['endpoint.models']!(request, {}));

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

function form() {
  const onAdd = vi.fn(async () => undefined);
  render(<EndpointForm onAdd={onAdd} checkEndpoint={checkEndpoint} origin={ORIGIN} />);
  const field = (name: string) => screen.getByLabelText<HTMLInputElement>(name, { exact: true });
  const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });
  const test = () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
  const result = () => screen.getByTestId('connection-result');
  const options = () => [...screen.getByTestId('model-options').querySelectorAll('option')].map((o) => o.value);
  return { onAdd, field, type, test, result, options };
}

describe('Test connection in the endpoint form', () => {
  test('a local server: "Connected: 3 models", the list offered for the model field, the empty field filled', async () => {
    const s = await serve(startOpenAIServer({ models: ['qwen2.5-7b-instruct', 'llama-3.2-3b', 'phi-4'] }));
    const f = form();
    f.type('Base URL', `${s.url}/v1`);
    f.test();
    await waitFor(() => expect(f.result().textContent).toBe('Connected: 3 models'));
    expect(f.options()).toEqual(['qwen2.5-7b-instruct', 'llama-3.2-3b', 'phi-4']);
    expect(f.field('Model').value).toBe('qwen2.5-7b-instruct');
    expect(f.field('Model').getAttribute('list')).toBe(screen.getByTestId('model-options').id);
    // Still free to type: a name the server does not list is kept, and flagged.
    f.type('Model', 'llama3.2');
    expect(f.field('Model').value).toBe('llama3.2');
    expect(screen.getByTestId('model-not-listed').textContent).toBe('“llama3.2” is not among them: choose one from the list, or check the name.');
    expect(asked).toEqual([{ kind: 'openai-compatible', baseUrl: `${s.url}/v1` }]);
  });

  test('one model: the singular; a typed model is not replaced', async () => {
    const s = await serve(startOpenAIServer({ models: ['llama3.2:latest'], ollamaTags: true, noModelList: true }));
    const f = form();
    f.type('Base URL', `${s.url}/v1`);
    f.type('Model', 'llama3.2:latest');
    f.test();
    await waitFor(() => expect(f.result().textContent).toBe('Connected: 1 model'));
    expect(f.field('Model').value).toBe('llama3.2:latest');
    expect(screen.queryByTestId('model-not-listed')).toBeNull();
  });

  test('a wrong key: says to check the key, with the server’s words (key masked); the typed key goes with the request only', async () => {
    const s = await serve(startOpenAIServer({ requireKey: KEY }));
    const f = form();
    f.type('Base URL', `${s.url}/v1`);
    fireEvent.input(screen.getByLabelText(/^API key/), { target: { value: 'sk-mistyped-key-123456' } });
    f.test();
    await waitFor(() => expect(f.result().dataset.code).toBe('auth'));
    expect(f.result().textContent).toBe(
      `The key was refused by 127.0.0.1:${s.port}. Check the API key: paste it again, without spaces.The server said: “Incorrect API key provided: [key].”`,
    );
    expect(asked[0]!.apiKey).toBe('sk-mistyped-key-123456');
  });

  test('nothing listening: says to check the server is running and the address', async () => {
    const gone = await startServer(() => undefined);
    const port = gone.port;
    await gone.close();
    const f = form();
    f.type('Base URL', `http://127.0.0.1:${port}/v1`);
    f.test();
    await waitFor(() => expect(f.result().dataset.code).toBe('network'));
    expect(f.result().textContent).toBe(`Could not connect to 127.0.0.1:${port}. Is the server running, and is the address (with its port) right?`);
  });

  test('a local server refusing extensions: the command allows this extension only', async () => {
    const s = await serve(startServer((_req, res) => void res.writeHead(403).end()));
    const f = form();
    f.type('Base URL', `${s.url}/v1`);
    f.test();
    await waitFor(() => expect(f.result().dataset.code).toBe('forbidden'));
    expect(f.result().textContent).toContain(`OLLAMA_ORIGINS="${ORIGIN}" ollama serve`);
    expect(f.result().textContent).not.toContain('*');
  });

  test('the wrong path: says what base URLs look like', async () => {
    const s = await serve(startOpenAIServer({ noModelList: true }));
    const f = form();
    f.type('Base URL', `${s.url}/api`);
    f.test();
    await waitFor(() => expect(f.result().dataset.code).toBe('not_found'));
    expect(f.result().textContent).toContain('OpenAI-compatible servers usually end in /v1');
  });

  test('access not granted: says so, and nothing is asked', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const f = form();
    f.type('Base URL', 'https://api.example.com/v1');
    f.test();
    await waitFor(() => expect(f.result().textContent).toBe('Parallax needs permission to reach api.example.com. Try again and allow it.'));
    expect(asked).toEqual([]);
  });

  test('changing the address clears the result; a bad address is caught before asking', async () => {
    const s = await serve(startOpenAIServer());
    const f = form();
    f.type('Base URL', `${s.url}/v1`);
    f.test();
    await waitFor(() => expect(f.result().textContent).toBe('Connected: 1 model'));
    f.type('Base URL', `${s.url}/v2`);
    expect(screen.queryByTestId('connection-result')).toBeNull();
    f.type('Base URL', 'localhost:11434');
    f.test();
    await waitFor(() => expect(f.result().getAttribute('role')).toBe('alert'));
    expect(asked).toHaveLength(1);
  });
});

const a: ProviderConfig = { id: 'a', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' };
const b: ProviderConfig = { id: 'b', kind: 'openai-compatible', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
const c: ProviderConfig = { id: 'c', kind: 'anthropic', label: 'Claude', baseUrl: 'https://api.anthropic.com/v1', model: 'claude' };

/** The settings page's endpoint list over its real state (storage in fakeBrowser). */
async function list() {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, providers: [a, b, c] });
  await apiKeysItem.setValue({ b: 'sk-openai-key-000000', c: 'sk-ant-key-0000000' });
  const state = createSettingsState();
  await waitFor(() => expect(state.loaded.value).toBe(true));
  const Page = () => (
    <EndpointList
      providers={state.settings.value.providers}
      hasKey={state.hasKey.value}
      onRemove={state.removeProvider}
      onRestore={state.restoreProvider}
      onForget={state.forgetKey}
      checkEndpoint={checkEndpoint}
      origin={ORIGIN}
    />
  );
  const view = render(<Page />);
  const labels = () => [...screen.getByTestId('endpoint-list').querySelectorAll('strong')].map((el) => el.textContent);
  return { state, view, Page, labels };
}

describe('removing an endpoint can be undone', () => {
  test('Undo puts it back in its place, with its key', async () => {
    const { labels } = await list();
    fireEvent.click(screen.getByRole('button', { name: 'Remove OpenAI' }));
    const toast = await screen.findByTestId('undo-toast');
    await waitFor(() => expect(labels()).toEqual(['Ollama', 'Claude']));
    expect(toast.textContent).toBe('Removed “OpenAI”.Undo');
    // The Remove button is gone with its item: keyboard focus goes to Undo.
    await waitFor(() => expect(document.activeElement).toBe(within(toast).getByRole('button', { name: 'Undo' })));
    expect((await apiKeysItem.getValue()).b).toBe('sk-openai-key-000000'); // kept while Undo is offered
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await settingsItem.getValue()).providers.map((p) => p.id)).toEqual(['a', 'b', 'c']));
    await waitFor(() => expect(labels()).toEqual(['Ollama', 'OpenAI', 'Claude']));
    expect((await apiKeysItem.getValue()).b).toBe('sk-openai-key-000000');
    expect(screen.getByTestId('endpoint-list').textContent).toContain('OpenAI · gpt-4o-mini · https://api.openai.com/v1 · key saved');
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  test('once Undo is over (dismissed, or another removal), the key goes too', async () => {
    await list();
    fireEvent.click(screen.getByRole('button', { name: 'Remove OpenAI' }));
    await screen.findByTestId('undo-toast');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Claude' }));
    await waitFor(async () => expect(await apiKeysItem.getValue()).toEqual({ c: 'sk-ant-key-0000000' }));
    await waitFor(() => expect(screen.getByTestId('undo-toast').textContent).toContain('Removed “Claude”.'));
    fireEvent.keyDown(screen.getByTestId('undo-toast'), { key: 'Escape' });
    await waitFor(async () => expect(await apiKeysItem.getValue()).toEqual({}));
    expect(screen.queryByTestId('undo-toast')).toBeNull();
    expect((await settingsItem.getValue()).providers.map((p) => p.id)).toEqual(['a']);
  });

  test('closing the page while Undo is offered deletes the key; keys of endpoints that are gone go when the page opens', async () => {
    await list();
    fireEvent.click(screen.getByRole('button', { name: 'Remove OpenAI' }));
    await screen.findByTestId('undo-toast');
    dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect(Object.keys(await apiKeysItem.getValue())).toEqual(['c']));
    cleanup();
    await apiKeysItem.setValue({ c: 'sk-ant-key-0000000', stale: 'sk-left-behind-000' });
    createSettingsState();
    await waitFor(async () => expect(Object.keys(await apiKeysItem.getValue())).toEqual(['c']));
  });
});

describe('testing a saved endpoint', () => {
  test('uses its saved key in the background; the page never holds it', async () => {
    const s = await serve(startOpenAIServer({ models: ['gpt-test'], requireKey: 'sk-openai-key-000000' }));
    const { state } = await list();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), providers: [a, { ...b, baseUrl: `${s.url}/v1` }, c] });
    await waitFor(() => expect(state.settings.value.providers[1]!.baseUrl).toBe(`${s.url}/v1`));
    cleanup();
    render(
      <EndpointList
        providers={state.settings.value.providers}
        hasKey={state.hasKey.value}
        onRemove={state.removeProvider}
        checkEndpoint={checkEndpoint}
        origin={ORIGIN}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Test OpenAI' }));
    // The saved model is not on that server: said so.
    await waitFor(() =>
      expect(screen.getByTestId('connection-result').textContent).toBe(
        'Connected: 1 model“gpt-4o-mini” is not among them: choose one from the list, or check the name.',
      ),
    );
    expect(asked).toEqual([{ kind: 'openai-compatible', baseUrl: `${s.url}/v1`, providerId: 'b' }]);
    expect(s.requests[0]!.headers.authorization).toBe('Bearer sk-openai-key-000000');
  });
});

describe('the Undo toast', () => {
  test('offers Undo for 10 s, and the clock stops while the pointer is on it', async () => {
    vi.useFakeTimers();
    try {
      const onExpire = vi.fn();
      const { UndoToast } = await import('@/components/settings/UndoToast');
      render(<UndoToast message="Removed “OpenAI”." onUndo={() => undefined} onExpire={onExpire} />);
      await vi.advanceTimersByTimeAsync(9_000);
      fireEvent.mouseEnter(screen.getByTestId('undo-toast'));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(onExpire).not.toHaveBeenCalled();
      fireEvent.mouseLeave(screen.getByTestId('undo-toast'));
      await vi.advanceTimersByTimeAsync(9_900);
      expect(onExpire).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(200);
      expect(onExpire).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
