import { describe, expect, test, vi } from 'vitest';
import { MENU_ID, LAST_PROMPT_COMMAND, entryPointHandlers, type EntryPointDeps } from '@/utils/platform/background/entry-points';
import type { ComposeSpec } from '@/utils/platform/messaging/protocol-compose';
import type { PanelRequest } from '@/utils/platform/storage/panel-requests';
import type { ComposerPrefs } from '@/utils/platform/storage/templates';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { COUNTRY_PERSONAS } from '@/utils/core/runner/personas';

const providers: ProviderConfig[] = [
  { id: 'a', kind: 'openai-compatible', label: 'A', baseUrl: 'http://127.0.0.1:1/v1', model: 'a' },
  { id: 'b', kind: 'openai-compatible', label: 'B', baseUrl: 'http://127.0.0.1:2/v1', model: 'b' },
];
const noPrefs: ComposerPrefs = { last: null, templates: [], defaultTemplateId: null, customPersonas: [] };

function setup(over: Partial<EntryPointDeps> = {}) {
  const calls: string[] = [];
  const started: ComposeSpec[] = [];
  const requests: PanelRequest[] = [];
  const deps: EntryPointDeps = {
    start: async (spec) => {
      calls.push('start');
      started.push(spec);
      return 'cmp-1';
    },
    providers: async () => providers,
    prefs: async () => noPrefs,
    request: async (r) => void requests.push(r),
    openPanel: vi.fn(async () => void calls.push('open')),
    askTab: async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    now: () => 1000,
    ...over,
  };
  return { handlers: entryPointHandlers(deps), deps, calls, started, requests };
}

const tab = { id: 7, windowId: 1, url: 'http://127.0.0.1:5173/article' };

describe('context menu: “Compare answers to this”', () => {
  test('opens the panel inside the click (before anything is awaited), starts the comparison, and shows it', async () => {
    const { handlers, deps, calls, started, requests } = setup();
    const done = handlers.onMenuClick({ menuItemId: MENU_ID, selectionText: '  Is nuclear power safe?  ' }, tab);
    expect(deps.openPanel).toHaveBeenCalledWith(tab); // synchronously: the user gesture is still valid
    await done;
    expect(calls).toEqual(['open', 'start']);
    // The comparison remembers the page the text was selected on.
    expect(started).toEqual([{ text: 'Is nuclear power safe?', page: { url: 'http://127.0.0.1:5173/article' } }]);
    expect(requests).toEqual([{ kind: 'open', comparisonId: 'cmp-1', at: 1000 }]);
  });

  test('uses the default template’s targets, personas and repetitions', async () => {
    const persona = COUNTRY_PERSONAS[2]!;
    const prefs: ComposerPrefs = {
      ...noPrefs,
      last: { providerIds: ['a', 'b'], languages: [], personas: [], repetitions: 1 },
      templates: [{ id: 't', name: 'Japan check', providerIds: ['b'], languages: ['ja'], personas: [persona], repetitions: 3, temperature: 0.8 }],
      defaultTemplateId: 't',
    };
    const { handlers, started } = setup({ prefs: async () => prefs });
    await handlers.onMenuClick({ menuItemId: MENU_ID, selectionText: 'x?' }, tab);
    expect(started).toEqual([
      { text: 'x?', providerIds: ['b'], languages: ['ja'], personas: [persona], repetitions: 3, temperature: 0.8, page: { url: tab.url } },
    ]);
  });

  test('a run larger than 20 is not started without asking: the prompt box opens with it', async () => {
    const prefs: ComposerPrefs = { ...noPrefs, last: { languages: ['de', 'fr', 'ja'], personas: COUNTRY_PERSONAS.slice(0, 4), repetitions: 1 } };
    const { handlers, started, requests } = setup({ prefs: async () => prefs });
    await handlers.onMenuClick({ menuItemId: MENU_ID, selectionText: 'Big question' }, tab);
    expect(started).toEqual([]);
    expect(requests[0]).toMatchObject({ kind: 'compose', draft: { text: 'Big question', from: 'Selected on 127.0.0.1:5173' } });
  });

  test('an empty selection starts nothing and says what to do', async () => {
    const { handlers, started, requests } = setup();
    await handlers.onMenuClick({ menuItemId: MENU_ID, selectionText: '   ' }, tab);
    expect(started).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.kind === 'notice' && requests[0]!.message).toMatch(/Select some text first/);
  });

  test('a failure to start is said in the panel', async () => {
    const { handlers, requests } = setup({ start: async () => Promise.reject(new Error('The prompt is empty.')) });
    await handlers.onMenuClick({ menuItemId: MENU_ID, selectionText: 'x' }, tab);
    expect(requests).toEqual([{ kind: 'notice', message: 'Could not start the comparison: The prompt is empty.', at: 1000 }]);
  });

  test('other menu items are not ours', async () => {
    const { handlers, deps, requests } = setup();
    await handlers.onMenuClick({ menuItemId: 'someone-else', selectionText: 'x' }, tab);
    expect(deps.openPanel).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });
});

describe('keyboard shortcut: the chat’s last prompt', () => {
  test('with a content script: the panel opens on the last prompt, the conversation before it offered as context', async () => {
    const context = [
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: 'Hello!' },
    ];
    const askTab = vi.fn(async () => ({ text: 'What should I do?', context, site: 'ChatGPT', url: 'https://chatgpt.com/c/1' }));
    const { handlers, deps, requests } = setup({ askTab });
    const done = handlers.onCommand(LAST_PROMPT_COMMAND, tab);
    expect(deps.openPanel).toHaveBeenCalledWith(tab);
    await done;
    expect(askTab).toHaveBeenCalledWith(7);
    expect(requests).toEqual([{ kind: 'compose', draft: { text: 'What should I do?', context, from: 'The last prompt on ChatGPT' }, at: 1000 }]);
  });

  test.each([
    ['no content script on the tab', async () => Promise.reject(new Error('Receiving end does not exist.'))],
    ['a chat with no prompt yet', async () => null],
  ])('%s: the panel opens saying there is no captured chat', async (_name, askTab) => {
    const { handlers, requests } = setup({ askTab });
    await handlers.onCommand(LAST_PROMPT_COMMAND, tab);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.kind).toBe('notice');
    expect((requests[0] as { message: string }).message).toMatch(/^No captured chat on this tab \(127\.0\.0\.1:5173\)/);
  });
});
