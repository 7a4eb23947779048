/**
 * npm run compare -- --config <file.json> "<prompt>"
 * Runs one comparison through the same runner core the extension uses, in Node, and prints it as one JSON
 * line in the export shape. Progress goes to stderr. Exit 0 when the comparison ran (failed answers are data),
 * 2 on a usage or config error.
 * Languages: `"languages": ["en","de","ja"]` asks every provider in each; with `"translate": true` and
 * `"translator": {"providerId": "<one of the providers>", "model"?: "…"}` the prompt is translated first and each
 * answer translated back; `"translations": {"de": "…"}` supplies your own; `"sourceLanguage"` overrides detection.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { providerFor } from '../utils/core/providers/registry';
import type { ProviderConfig, ProviderKind } from '../utils/core/providers/types';
import { createRunner } from '../utils/core/runner/runner';
import { memoryRunStore } from '../utils/core/runner/memory-store';
import { planComparison } from '../utils/core/runner/plan';
import { EXPORT_FORMAT, EXPORT_VERSION, toExported } from '../utils/core/runner/exported';
import { catalogueCode } from '../utils/core/translate/languages';
import { modelTranslator, type Translator } from '../utils/core/translate/translator';
import { cachedTranslator, translationCache } from '../utils/core/translate/cache';

interface ConfigProvider extends Partial<ProviderConfig> {
  apiKey?: string;
  temperature?: number;
  seed?: number;
  maxTokens?: number;
  systemPrompt?: string;
}
interface Config {
  providers: ConfigProvider[];
  /** Languages to ask in, each crossed with every provider (catalogue codes). */
  languages?: string[];
  /** Translate the prompt into each language and answers back, with `translator`. */
  translate?: boolean;
  /** The provider (by id, or "provider-N") that translates, optionally with another model. */
  translator?: { providerId?: string; model?: string };
  /** The prompt's language; detected when absent. */
  sourceLanguage?: string;
  /** Your own translations of the prompt, by language code: sent as they are. */
  translations?: Record<string, string>;
}

const KINDS: ProviderKind[] = ['openai-compatible', 'anthropic', 'gemini'];

function fail(message: string): never {
  process.stderr.write(`compare: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { configPath: string; prompt: string } {
  let configPath: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config') configPath = argv[++i];
    else rest.push(argv[i]!);
  }
  if (!configPath) fail('usage: npm run compare -- --config <file.json> "<prompt>"');
  const prompt = rest.join(' ').trim();
  if (!prompt) fail('give the prompt to compare after the config, in quotes');
  return { configPath, prompt };
}

function readConfig(path: string): Config {
  let config: Config;
  try {
    config = JSON.parse(readFileSync(path, 'utf8')) as Config;
  } catch (err) {
    fail(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(config.providers) || !config.providers.length) fail('the config needs a non-empty "providers" list');
  config.providers.forEach((p, i) => {
    if (!p.kind || !KINDS.includes(p.kind)) fail(`providers[${i}].kind must be one of ${KINDS.join(', ')} (on-device engines need a browser)`);
    if (!p.baseUrl || !p.model) fail(`providers[${i}] needs "baseUrl" and "model"`);
  });
  const codes = [...(config.languages ?? []), ...(config.sourceLanguage ? [config.sourceLanguage] : []), ...Object.keys(config.translations ?? {})];
  const unknown = codes.filter((c) => typeof c !== 'string' || !catalogueCode(c));
  if (unknown.length) fail(`unknown language code(s): ${unknown.join(', ')} (use codes such as "en", "de", "ja")`);
  if (config.translate && !config.translator?.providerId) fail('"translate": true needs "translator": {"providerId": "<id of one of the providers>"}');
  return config;
}

/** The configured translator: one of the providers (by id), its model unless another is named; cached per run. */
function translatorFrom(config: Config, providers: ProviderConfig[], keys: Map<string, string | undefined>): Translator {
  const id = config.translator!.providerId!;
  const chosen = providers.find((p) => p.id === id);
  if (!chosen) fail(`"translator".providerId "${id}" is none of the providers (${providers.map((p) => p.id).join(', ')})`);
  const translator = modelTranslator(
    providerFor(chosen.kind)!,
    { baseUrl: chosen.baseUrl, apiKey: keys.get(id) || undefined },
    config.translator!.model ?? chosen.model,
  );
  return cachedTranslator(translator, translationCache());
}

async function main() {
  const { configPath, prompt } = parseArgs(process.argv.slice(2));
  const config = readConfig(configPath);
  const providers: ProviderConfig[] = config.providers.map((p, i) => ({
    id: p.id ?? `provider-${i + 1}`,
    kind: p.kind!,
    label: p.label ?? p.id ?? `${p.model} @ ${p.baseUrl}`,
    baseUrl: p.baseUrl!,
    model: p.model!,
  }));
  const keys = new Map(config.providers.map((p, i) => [providers[i]!.id, p.apiKey]));
  const languages = config.languages?.map((c) => catalogueCode(c)!);
  const { comparison, runs } = planComparison({
    prompt,
    source: { kind: 'panel' },
    providers,
    now: Date.now(),
    newId: randomUUID,
    languages,
    language: catalogueCode(config.sourceLanguage) ?? undefined,
    translations: config.translations,
  });
  const perLanguage = languages?.length || 1;
  runs.forEach((run, i) => {
    const { temperature, seed, maxTokens, systemPrompt } = config.providers[Math.floor(i / perLanguage)]!;
    const params = Object.fromEntries(Object.entries({ temperature, seed, maxTokens, systemPrompt }).filter(([, v]) => v !== undefined));
    if (Object.keys(params).length) run.target.params = params;
  });
  const store = memoryRunStore([comparison], runs);
  const labels = new Map(
    runs.map((r, i) => [r.id, `[${i + 1}/${runs.length}] ${r.target.providerLabel} ${r.target.model}${perLanguage > 1 ? ` ${r.target.language}` : ''}`]),
  );
  const runner = createRunner({
    store,
    providerFor,
    apiKeyFor: (id) => Promise.resolve(keys.get(id) || undefined),
    translator: config.translate ? translatorFrom(config, providers, keys) : undefined,
    onEvent: (e) => {
      if (e.type === 'state') process.stderr.write(`${labels.get(e.runId)}: ${e.state}\n`);
    },
  });
  await runner.wake();
  await runner.idle();
  const exported = toExported(comparison, store.runsOf(comparison.id));
  process.stdout.write(`${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, ...exported })}\n`);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
