// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComposeContext } from '@/components/sidepanel/axes-model';
import { PromptBox } from '@/components/sidepanel/PromptBox';
import { RunColumn } from '@/components/sidepanel/RunColumn';
import { EndpointList } from '@/components/settings/EndpointList';
import { createComposeState } from '@/entrypoints/sidepanel/compose-state';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '@/utils/platform/storage/settings';
import type { ProviderConfig } from '@/utils/core/providers/types';
import type { Run } from '@/utils/core/runner/types';

const ollama: ProviderConfig = { id: 'o', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' };
const lmstudio: ProviderConfig = { id: 'l', kind: 'openai-compatible', label: 'LM Studio', baseUrl: 'http://localhost:1234/v1', model: 'qwen' };
const openai: ProviderConfig = { id: 'a', kind: 'openai-compatible', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
const claude: ProviderConfig = { id: 'c', kind: 'anthropic', label: 'Claude', baseUrl: 'https://api.anthropic.com/v1', model: 'claude' };
const gpu: ProviderConfig = { id: 'g', kind: 'webllm', label: 'On this device', baseUrl: '', model: 'Qwen2.5-1.5B' };

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

async function askSummary(
  providers: ProviderConfig[],
  over: Partial<Settings> = {},
  axes: Parameters<ReturnType<typeof createComposeState>['setAxes']>[0] = {},
) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, providers, ...over });
  const compose = createComposeState();
  await compose.loaded;
  compose.setAxes(axes);
  render(
    <ComposeContext.Provider value={compose}>
      <PromptBox onSubmit={vi.fn(async () => {})} />
    </ComposeContext.Provider>,
  );
  return () => screen.getByTestId('axes-destination').textContent;
}

describe('the Ask summary says where the prompt goes', () => {
  test('local servers and on-device models only: asked on this device', async () => {
    const summary = await askSummary([ollama, lmstudio, gpu]);
    await waitFor(() => expect(summary()).toBe('Asked on this device'));
  });

  test('remote APIs: each host named once', async () => {
    const summary = await askSummary([openai, claude, { ...openai, id: 'a2', model: 'gpt-4o' }]);
    await waitFor(() => expect(summary()).toBe('Sent to api.openai.com and api.anthropic.com'));
  });

  test('mixed: the hosts, and that the rest stays here', async () => {
    const summary = await askSummary([ollama, openai]);
    await waitFor(() => expect(summary()).toBe('Sent to api.openai.com; the rest stays on this device'));
  });

  test('a prompt translated by a remote model goes to that host too, once languages are chosen', async () => {
    const translation = { engine: { kind: 'model' as const, providerId: 'a' }, savedSets: [] };
    // Only Ollama is asked; OpenAI would translate the prompt.
    const summary = await askSummary([ollama, openai], { translation }, { providerIds: ['o'] });
    await waitFor(() => expect(summary()).toBe('Asked on this device'));
    cleanup();
    const translated = await askSummary([ollama, openai], { translation }, { providerIds: ['o'], languages: ['de'] });
    await waitFor(() => expect(translated()).toBe('Sent to api.openai.com; the rest stays on this device'));
  });

  test("Chrome's translator keeps a translated prompt on this device", async () => {
    const summary = await askSummary(
      [ollama, openai],
      { translation: { engine: { kind: 'chrome' }, savedSets: [] } },
      { providerIds: ['o'], languages: ['de', 'ar'] },
    );
    await waitFor(() => expect(summary()).toBe('Asked on this device'));
  });
});

const run = (target: Partial<Run['target']>): Run => ({
  id: 'r',
  comparisonId: 'c',
  position: 0,
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'Endpoint', baseUrl: '', model: 'm', language: null, ...target },
  state: 'done',
  text: 'An answer.',
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
});
const column = (r: Run) => {
  const noop = () => undefined;
  render(
    <RunColumn
      run={r}
      name="m"
      text={signal(r.text)}
      view={{ formatted: false, isBaseline: false, collapsed: false, pinned: false }}
      onRetry={noop}
      onCancel={noop}
      onToggleCollapse={noop}
      onTogglePin={noop}
    />,
  );
  return screen.queryByTestId('run-destination')?.textContent ?? null;
};

describe('each answer column says where its prompt went', () => {
  test.each([
    [{ baseUrl: 'http://127.0.0.1:11434/v1' }, 'Asked on this device'],
    [{ baseUrl: 'https://api.openai.com/v1' }, 'Sent to api.openai.com'],
    [{ baseUrl: 'http://192.168.1.20:11434/v1' }, 'Sent to 192.168.1.20:11434'],
    [{ providerKind: 'webllm' as const, baseUrl: '' }, 'Asked on this device'],
    // An imported run that did not record its address: no guess.
    [{ baseUrl: '' }, null],
    // The chat site's own answer was sent there by the user, not by Parallax.
    [{ providerKind: 'site' as const, providerLabel: 'ChatGPT', baseUrl: 'https://chatgpt.com/c/1' }, null],
  ])('%o → %s', (target, text) => {
    expect(column(run(target))).toBe(text);
  });
});

describe('the endpoint list tags each endpoint', () => {
  test('on this device, or the host prompts go to', () => {
    render(<EndpointList providers={[ollama, openai, gpu]} hasKey={new Set()} onRemove={async () => null} />);
    expect(screen.getAllByTestId('endpoint-destination').map((el) => el.textContent)).toEqual([
      ' · on this device',
      ' · to api.openai.com',
      ' · on this device',
    ]);
  });
});
