import { storage } from 'wxt/utils/storage';
import type { ContextTurn } from '../messaging/protocol-capture';
import type { PersonaSpec } from '../messaging/protocol-compose';
import type { Comparison, Run } from '../../core/runner/types';
import type { ComposeAxes } from './templates';

/** A prompt handed to the prompt box to review before it runs (shortcut on a chat, re-run from history). */
export interface ComposeDraft {
  text: string;
  /** The conversation before the prompt, offered as context (sent only when the user chooses to). */
  context?: ContextTurn[];
  /** How many of the last context turns to send (absent: the prompt alone). */
  contextSent?: number;
  /** The comparison this draft asks again. */
  rerunOf?: string;
  /** Axes to start from instead of the remembered ones (a re-run's own). */
  axes?: ComposeAxes;
  sourceLanguage?: string;
  translations?: Record<string, string>;
  /** Where the prompt came from, said above the prompt box ("From the chat on chatgpt.com"). */
  from?: string;
}

/** What the background asks the side panel to do when it opens it (context menu, keyboard shortcut). */
export type PanelRequest =
  { kind: 'open'; comparisonId: string; at: number } | { kind: 'compose'; draft: ComposeDraft; at: number } | { kind: 'notice'; message: string; at: number };

/** A request is for the panel the user is opening now; an old one left behind is not acted on. */
const PANEL_REQUEST_TTL_MS = 60_000;

/** The last request, in storage.session: extension contexts only, gone when the browser closes. */
export const panelRequestItem = storage.defineItem<PanelRequest | null>('session:panelRequest', { fallback: null });

/**
 * Calls `handle` with the request pending when the panel opens and with each new one while it is open; each
 * request is handled once (then cleared). Returns a function that stops watching.
 */
export function watchPanelRequests(handle: (request: PanelRequest) => void, now: () => number = Date.now): () => void {
  let last = 0;
  const take = (request: PanelRequest | null) => {
    if (!request || request.at <= last || now() - request.at > PANEL_REQUEST_TTL_MS) return;
    last = request.at;
    handle(request);
    void panelRequestItem.removeValue();
  };
  void panelRequestItem.getValue().then(take);
  return panelRequestItem.watch(take);
}

/** A re-run of a stored comparison, prefilled with everything it asked: targets, languages, personas, repetitions, context. */
export function rerunDraft(comparison: Comparison, runs: readonly Run[]): ComposeDraft {
  const asked = runs.filter((r) => r.target.providerKind !== 'site');
  const personas = new Map<string, PersonaSpec>();
  for (const r of asked) {
    const p = r.target.persona;
    if (p && r.target.params?.systemPrompt && !personas.has(p.id)) personas.set(p.id, { id: p.id, label: p.label, systemPrompt: r.target.params.systemPrompt });
  }
  const temperature = asked.find((r) => r.target.params?.temperature !== undefined)?.target.params?.temperature;
  const axes: ComposeAxes = {
    providerIds: [...new Set(asked.map((r) => r.target.providerId))],
    languages: [...new Set(asked.flatMap((r) => (r.target.language ? [r.target.language] : [])))],
    personas: [...personas.values()],
    repetitions: Math.max(1, ...asked.map((r) => r.repetition ?? 1)),
    ...(temperature !== undefined ? { temperature } : {}),
  };
  return {
    text: comparison.prompt,
    axes,
    rerunOf: comparison.id,
    ...(comparison.context?.length ? { context: comparison.context, ...(comparison.contextSent ? { contextSent: comparison.contextSent } : {}) } : {}),
    ...(comparison.language ? { sourceLanguage: comparison.language } : {}),
    ...(comparison.translations ? { translations: comparison.translations } : {}),
    from: 'Re-running an earlier comparison',
  };
}
