import { browser } from 'wxt/browser';
import type { ComposeSpec } from '../messaging/protocol-compose';
import type { ProviderConfig } from '../../core/providers/types';
import { estimatePlan } from '../../core/runner/estimate';
import { LAST_PROMPT_REQUEST, type LastPrompt } from '../capture/last-prompt';
import { panelRequestItem, type PanelRequest } from '../storage/panel-requests';
import { CONFIRM_ABOVE_RUNS, composerPrefsItem, startingAxes, type ComposerPrefs } from '../storage/templates';
import { settingsItem } from '../storage/settings';

/** The context-menu item on selected text. */
export const MENU_ID = 'parallax-compare-selection';
/** The keyboard command (manifest `commands`) that opens the panel on the chat's last prompt. */
export const LAST_PROMPT_COMMAND = 'compare-last-prompt';

/** The tab an entry point was used in (the parts the handlers read). */
interface EntryTab {
  id?: number;
  windowId?: number;
  url?: string;
  title?: string;
}

/** What the entry points work with; the background passes browser-backed ones, tests their own. */
export interface EntryPointDeps {
  /** Starts a comparison (the core 'comparison.start' handler) and resolves with its id. */
  start(spec: ComposeSpec): Promise<string>;
  providers(): Promise<ProviderConfig[]>;
  prefs(): Promise<ComposerPrefs>;
  /** Tells the side panel what to show once it is open. */
  request(request: PanelRequest): Promise<void>;
  /** Opens the side panel; must be called before any await so it runs inside the user's gesture. */
  openPanel(tab: EntryTab | undefined): Promise<void>;
  /** Asks the tab's content script for the chat's last prompt; rejects when no content script is there. */
  askTab(tabId: number): Promise<LastPrompt | null>;
  now(): number;
}

/** The handlers behind the context menu and the keyboard shortcut (the listeners call exactly these). */
export interface EntryPointHandlers {
  onMenuClick(info: { menuItemId: string | number; selectionText?: string }, tab?: EntryTab): Promise<void>;
  onCommand(command: string, tab?: EntryTab): Promise<void>;
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
};

/**
 * "Compare answers to this" on selected text opens the panel and starts a comparison with the last-used (or
 * default template's) targets; a run larger than the prompt box would start without asking opens in the prompt
 * box instead. The shortcut opens the panel on the chat's last prompt, with the conversation before it offered as
 * context, or says there is no captured chat on the tab.
 */
export function entryPointHandlers(deps: EntryPointDeps): EntryPointHandlers {
  const say = (message: string) => deps.request({ kind: 'notice', message, at: deps.now() });
  const compose = (draft: Extract<PanelRequest, { kind: 'compose' }>['draft']) => deps.request({ kind: 'compose', draft, at: deps.now() });

  return {
    async onMenuClick(info, tab) {
      if (info.menuItemId !== MENU_ID) return;
      const opening = deps.openPanel(tab).catch(() => undefined);
      const text = (info.selectionText ?? '').trim();
      const from = hostOf(tab?.url) ? `Selected on ${hostOf(tab?.url)}` : 'Selected text';
      try {
        if (!text) {
          await say('Select some text first, then choose “Compare answers to this”.');
          return;
        }
        const [providers, prefs] = await Promise.all([deps.providers(), deps.prefs()]);
        const axes = startingAxes(prefs, providers);
        const spec: ComposeSpec = {
          text,
          ...(axes.providerIds ? { providerIds: axes.providerIds } : {}),
          ...(axes.languages.length ? { languages: axes.languages } : {}),
          ...(axes.personas.length ? { personas: axes.personas } : {}),
          ...(axes.repetitions > 1 ? { repetitions: axes.repetitions } : {}),
          ...(axes.temperature !== undefined ? { temperature: axes.temperature } : {}),
          ...(tab?.url && /^https?:\/\//.test(tab.url) ? { page: { url: tab.url, ...(tab.title ? { title: tab.title.slice(0, 500) } : {}) } } : {}),
        };
        if (!providers.length || estimatePlan(spec, providers).runs > CONFIRM_ABOVE_RUNS) {
          await compose({ text, axes, from });
          return;
        }
        const comparisonId = await deps.start(spec);
        await deps.request({ kind: 'open', comparisonId, at: deps.now() });
      } catch (err) {
        await say(`Could not start the comparison: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await opening;
      }
    },

    async onCommand(command, tab) {
      if (command !== LAST_PROMPT_COMMAND) return;
      const opening = deps.openPanel(tab).catch(() => undefined);
      try {
        let last: LastPrompt | null = null;
        try {
          last = tab?.id === undefined ? null : await deps.askTab(tab.id);
        } catch {
          // No content script in this tab: capture is not enabled on this site, or the page predates it.
        }
        if (!last) {
          const where = hostOf(tab?.url);
          await say(`No captured chat on this tab${where ? ` (${where})` : ''}. Turn capture on for the site in Settings, or type a prompt below.`);
          return;
        }
        await compose({ text: last.text, ...(last.context.length ? { context: last.context } : {}), from: `The last prompt on ${last.site}` });
      } finally {
        await opening;
      }
    },
  };
}

/** Opens the side panel (Chrome) or the sidebar (Firefox) for the tab's window. */
function openPanel(tab: EntryTab | undefined): Promise<void> {
  const firefox = browser as unknown as { sidebarAction?: { open(): Promise<void> } };
  if (browser.sidePanel) {
    const target = tab?.id !== undefined ? { tabId: tab.id } : tab?.windowId !== undefined ? { windowId: tab.windowId } : null;
    return target ? browser.sidePanel.open(target) : Promise.resolve();
  }
  return firefox.sidebarAction?.open() ?? Promise.resolve();
}

/** Builds made with `wxt build --mode e2e` (tests only) expose test hooks; a production build has none. */
const TEST_HOOKS = import.meta.env.MODE === 'e2e';

/**
 * Registers the context menu and the keyboard shortcut, wired to {@link entryPointHandlers}. In the e2e build only,
 * the handlers are also put on the service worker's global scope, so tests can drive the native menu Playwright
 * cannot click; the production bundle does not contain the hook (tests/e2e/production-bundle.e2e.ts).
 */
export function registerEntryPoints(start: (spec: ComposeSpec) => Promise<string>): EntryPointHandlers {
  const handlers = entryPointHandlers({
    start,
    providers: async () => (await settingsItem.getValue()).providers,
    prefs: () => composerPrefsItem.getValue(),
    request: (request) => panelRequestItem.setValue(request),
    openPanel,
    askTab: (tabId) => browser.tabs.sendMessage<{ type: typeof LAST_PROMPT_REQUEST }, LastPrompt | null>(tabId, { type: LAST_PROMPT_REQUEST }),
    now: Date.now,
  });
  const menus = browser.contextMenus;
  if (menus) {
    const create = () => menus.removeAll().then(() => menus.create({ id: MENU_ID, title: 'Compare answers to this', contexts: ['selection'] }));
    const recreate = () => void create().catch((err: unknown) => console.error('[parallax] context menu failed', err));
    // Chrome keeps menus across restarts; Firefox's are gone with the background page, so both events create them.
    browser.runtime.onInstalled.addListener(recreate);
    browser.runtime.onStartup.addListener(recreate);
    menus.onClicked.addListener((info, tab) => void handlers.onMenuClick(info, tab));
  }
  browser.commands?.onCommand.addListener((command, tab) => void handlers.onCommand(command, tab));
  if (TEST_HOOKS) (globalThis as { parallaxEntryPoints?: EntryPointHandlers }).parallaxEntryPoints = handlers;
  return handlers;
}
