import type { Signal } from '@preact/signals';
import { createContext } from 'preact';
import type { ComposeSpec, PersonaSpec } from '@/utils/platform/messaging/protocol-compose';
import type { ComposeDraft } from '@/utils/platform/storage/panel-requests';
import type { TranslationReadiness } from '@/utils/core/translate/readiness';
import type { ProviderConfig } from '@/utils/core/providers/types';
import type { PlanEstimate } from '@/utils/core/runner/estimate';
import type { ComposeAxes, ComposerPrefs } from '@/utils/platform/storage/templates';

/** Languages the translator cannot reach for the prompt about to be compared (nothing was started). */
export interface TranslationBlock {
  readiness: TranslationReadiness;
  /** The prompt's language. */
  source: string;
}

/** What the axes picker shows and changes; the side panel's compose state implements it. */
export interface AxesModel {
  providers: Signal<ProviderConfig[]>;
  /** Chat sites capture is on for: prompts sent there are asked with these same axes. */
  captureSites: Signal<string[]>;
  /** Set when Compare found languages the translator cannot reach (the prompt box shows what to do). */
  blocked: Signal<TranslationBlock | null>;
  /** The translator problem of this composition, or null when every language can be asked now. */
  checkTranslation: (text: string, spec: Omit<ComposeSpec, 'text'>) => Promise<TranslationBlock | null>;
  prefs: Signal<ComposerPrefs>;
  axes: Signal<ComposeAxes>;
  /** A prompt handed over to review (shortcut on a chat, re-run); null when the user is typing their own. */
  draft: Signal<ComposeDraft | null>;
  /** How many of the draft's context turns are sent (0: the prompt alone). */
  contextSent: Signal<number>;
  /** Runs waiting for the user's go-ahead (a large run), or null. */
  confirming: Signal<number | null>;
  /** Why the prompt box cannot start (no endpoint chosen), or null. */
  problem: Signal<string | null>;
  /** Resolves when settings and remembered axes are loaded. */
  loaded: Promise<void>;
  setAxes: (patch: Partial<ComposeAxes>) => void;
  /** The composition for this prompt, without its text. */
  specFor: (text: string) => Omit<ComposeSpec, 'text'>;
  estimate: (text: string) => PlanEstimate;
  /** True when the prompt may start now; otherwise it asks (confirmation, missing endpoint). */
  ready: (text: string) => boolean;
  confirm: () => void;
  cancelConfirm: () => void;
  /** The comparison started: remember the axes, forget the draft. */
  started: () => Promise<void>;
  prefill: (draft: ComposeDraft) => void;
  clearDraft: () => void;
  saveTemplate: (name: string) => Promise<void>;
  applyTemplate: (id: string) => void;
  deleteTemplate: (id: string) => Promise<void>;
  setDefaultTemplate: (id: string | null) => Promise<void>;
  addPersona: (label: string, systemPrompt: string) => Promise<PersonaSpec>;
  removePersona: (id: string) => Promise<void>;
}

/** The compose state of the page, when it has one (the prompt box shows the axes only then). */
export const ComposeContext = createContext<AxesModel | null>(null);
