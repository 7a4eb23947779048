import type { JudgeVerdict } from '../analysis/judge';
import type { RefusalKind, RefusalLabel } from '../analysis/types';
import type { ChatMessage, ProviderKind } from '../providers/types';
import type { RunState } from './state';
import type { EngineEvent } from '../on-device/webllm-engine';
import type { HandReading } from '../surveys/hand-reading';

/** Sampling and framing parameters, recorded on every run so an answer can be reproduced. */
export interface RunParams {
  temperature?: number;
  seed?: number;
  maxTokens?: number;
  systemPrompt?: string;
}

/** What one run asks: provider × model × language. `language` null = the prompt as the user wrote it. */
export interface Target {
  providerId: string;
  providerKind: ProviderKind;
  providerLabel: string;
  /** Recorded so the run says exactly where it was sent. */
  baseUrl: string;
  model: string;
  language: string | null;
  params?: RunParams;
  /** On-device custom models: the compiled library used. */
  modelLib?: string;
  /** This endpoint's cap on parallel requests, from its settings. */
  maxConcurrent?: number;
  /** The framing asked for (a country persona or the user's system prompt); its text is `params.systemPrompt`. */
  persona?: { id: string; label: string };
}

/** Where a comparison's prompt came from. */
export type ComparisonSource =
  | { kind: 'site'; site: string; siteName: string; url: string }
  | { kind: 'panel' }
  /** Text selected on a page ("Compare answers to this"). */
  | { kind: 'page'; url: string; title?: string };

/** One prompt compared across targets. */
export interface Comparison {
  id: string;
  createdAt: number;
  prompt: string;
  source: ComparisonSource;
  /** Labels the user gave it (history filter, dashboard batches). */
  tags?: string[];
  /** The user's note. */
  note?: string;
  /** Language the prompt is written in and answers are read in (catalogue code); detected when absent. */
  language?: string;
  /** Translations of the prompt the user typed or edited, by language code: sent as they are. */
  translations?: Record<string, string>;
  /** The conversation before the prompt, as read on the chat page (last turns, oldest first). */
  context?: { role: 'user' | 'assistant'; content: string }[];
  /** The probe-set or survey batch this comparison is one unit of (see utils/batches). */
  batchId?: string;
  /** How many of the last `context` turns were sent before the prompt; absent or 0 = the prompt alone. */
  contextSent?: number;
  /** The comparison this one asks again with other targets, languages or personas. */
  rerunOf?: string;
  /** Runs not started yet, waiting for the user (see {@link HeldRuns}); cleared when they are asked or dismissed. */
  held?: HeldRuns;
}

/**
 * Runs a picked-up prompt did not start by itself: too many to start without asking ('confirm'), or languages the
 * translator cannot translate into yet ('translator') — never started only to fail. The panel offers to ask them.
 */
export interface HeldRuns {
  reason: 'confirm' | 'translator';
  /** The axes to ask them with (endpoints, languages, personas, repetitions, temperature). */
  axes: {
    providerIds?: string[];
    languages: string[];
    personas: { id: string; label: string; systemPrompt: string }[];
    repetitions: number;
    temperature?: number;
  };
  /** How many runs asking them would start. */
  runs: number;
  /** 'confirm' for a picked-up prompt longer than Parallax asks by itself: its length in characters. */
  chars?: number;
  /** 'translator': the languages not asked, and what the translator said of each. */
  missing?: { language: string; availability: 'downloadable' | 'downloading' | 'unavailable' | 'unsupported' | 'no-translator' }[];
}

/** How a run's prompt was put into its language. */
interface RunTranslation {
  /** Translator id, or 'none' when the user supplied the translation. */
  engine: string;
  /** The translating model, when a chat model translated. */
  model?: string;
  /** The instruction the translating model was given, for reproducibility. */
  prompt?: string;
  source: string;
  target: string;
}

/** An answer translated into the reader's language for the side-by-side view. */
interface BackTranslation {
  /** The reader's language. */
  language: string;
  /** The answer's language it was translated from. */
  from: string;
  /** Empty when it failed; the original answer is always kept in `Run.text`. */
  text: string;
  engine: string;
  model?: string;
  /** Why it could not be translated back (the answer itself is still done). */
  error?: string;
}

/** One target's answer and its state, persisted at every change. */
export interface Run {
  id: string;
  comparisonId: string;
  /** Column order in the panel. */
  position: number;
  target: Target;
  state: RunState;
  /** The answer so far (checkpointed while streaming, kept when interrupted or failed). */
  text: string;
  /** User-facing reason when failed or interrupted. */
  error?: string;
  /** A passing note while the run goes on, e.g. "Rate-limited; trying again in 2 s (try 2 of 3)". */
  notice?: string;
  /** Machine-readable reason (ProviderError code, 'interrupted', 'cancelled'). */
  errorCode?: string;
  attempts: number;
  createdAt: number;
  updatedAt: number;
  startedAt?: number;
  finishedAt?: number;
  usage?: { inputTokens?: number; outputTokens?: number };
  /** The prompt's language (the comparison's), recorded when the run started. */
  sourceLanguage?: string;
  /** How the prompt was translated; absent when it was sent as written. */
  translation?: RunTranslation;
  /** The prompt as sent, when it was translated. */
  translatedPrompt?: string;
  /** The language the answer came back in, as detected (code null when unsure). */
  answerLanguage?: { code: string | null; confidence: number };
  /** The answer in the reader's language, when it came back in another one and a translator is set up. */
  backTranslation?: BackTranslation;
  /** The built-in classifier's refusal label, stored when the answer finished (history filter, dashboards). */
  refusal?: RefusalLabel;
  /** Its kind, stored with it: a premise disputed or a knowledge limit is not a refusal (see readingOf). */
  refusalKind?: RefusalKind;
  /** Verdicts of the optional judge model, kept beside the built-in analysis (never replacing it). */
  judge?: JudgeVerdict[];
  /** Which of the target's repeated asks this is (1..N), when the comparison asks each target more than once. */
  repetition?: number;
  /** The exact messages sent (system prompt, context turns, prompt), recorded when the answer was asked for. */
  messages?: ChatMessage[];
  /** Survey answers the reader could not read: the value a person gave it on the Studies page (cleared by a retry). */
  surveyReading?: HandReading;
}

/** Live streaming events the runner pushes to open panels (over the runtime Port LIVE_PORT). */
export type LiveEvent =
  { type: 'delta'; runId: string; offset: number; text: string } | { type: 'state'; runId: string; state: RunState } | { type: 'engine'; event: EngineEvent };
