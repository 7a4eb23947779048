import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { generateFixture, readLibraryMetadata, type WebLlmFixture } from '../../scripts/webllm-fixture';
import { ROOT } from './harness';

/** Where the real model libraries are: ../shared/webllm beside the checkout (never copied into it). */
export const SHARED_WEBLLM = process.env.PARALLAX_WEBLLM_DIR ? resolve(process.env.PARALLAX_WEBLLM_DIR) : resolve(ROOT, '../shared/webllm');

/** The real libraries found: an embedding one (required) and a chat one (optional: none built for 0.2.86 exists yet). */
export interface SharedLibraries {
  embedding: string | null;
  chat: string | null;
  /** Why the real-library tests cannot run, or null. */
  missing: string | null;
}

/**
 * Finds the libraries in ../shared/webllm by their embedded metadata. `PARALLAX_WEBLLM_LIBRARY` points the
 * embedding test at another file (e.g. a truncated copy, to see the test fail with the message a user sees).
 */
export function sharedLibraries(): SharedLibraries {
  const override = process.env.PARALLAX_WEBLLM_LIBRARY;
  if (!existsSync(SHARED_WEBLLM))
    return {
      embedding: override ?? null,
      chat: null,
      missing: override ? null : `no ${SHARED_WEBLLM} (the real WebLLM model library lives in ../shared/webllm beside the checkout)`,
    };
  const found = readdirSync(SHARED_WEBLLM)
    .filter((f) => f.endsWith('.wasm'))
    .map((f) => join(SHARED_WEBLLM, f));
  const kindOf = (file: string) => {
    try {
      return readLibraryMetadata(readFileSync(file)).model_type === 'bert' ? 'embedding' : 'chat';
    } catch {
      return null;
    }
  };
  const embedding = override ?? found.find((f) => kindOf(f) === 'embedding') ?? null;
  const chat = found.find((f) => kindOf(f) === 'chat') ?? null;
  return { embedding, chat, missing: embedding ? null : `no embedding model library (*.wasm) in ${SHARED_WEBLLM}` };
}

/** Under CI the libraries must be there: their absence fails the run instead of skipping it. */
export function requireUnderCi(missing: string | null): void {
  if (missing && process.env.CI === 'true') throw new Error(`CI=true but the real-library test cannot run: ${missing}`);
  if (missing) console.warn(`[webllm] skipped: ${missing}`);
}

/** A request the model host received. */
export interface ModelRequest {
  url: string;
  at: number;
}

/** Serves generated models and libraries from 127.0.0.1, as a model host would (with Content-Length). */
export interface ModelHost {
  url: string;
  requests: ModelRequest[];
  /** Extra routes: path → body (e.g. the test page and its bundle, a truncated library). */
  routes: Map<string, { body: Buffer | string; type: string }>;
  /** Paths under /slow/ wait this long before each weight shard. */
  slowShardMs: number;
  close(): Promise<void>;
}

/** Serves `/models/<name>/resolve/main/<file>` from each fixture, `/libs/<name>.wasm` from each library, and the routes. */
export async function startModelHost(models: Record<string, WebLlmFixture>): Promise<ModelHost> {
  const requests: ModelRequest[] = [];
  const routes = new Map<string, { body: Buffer | string; type: string }>();
  const host = { slowShardMs: 600 };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ url: path, at: Date.now() });
    res.setHeader('access-control-allow-origin', '*');
    const route = routes.get(path);
    if (route) return void res.writeHead(200, { 'content-type': route.type }).end(route.body);
    const lib = /^\/libs\/([\w-]+)\.wasm$/.exec(path);
    if (lib && models[lib[1]!]) return void res.writeHead(200, { 'content-type': 'application/wasm' }).end(models[lib[1]!]!.library);
    const file = /^\/(slow\/)?models\/([\w-]+)\/resolve\/main\/([\w.-]+)$/.exec(path);
    const fixture = file && models[file[2]!];
    if (fixture && fixture.files.has(file[3]!)) {
      const send = () => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(fixture.modelDir, 'resolve/main', file[3]!)));
      if (file[1] && file[3]!.startsWith('params_shard')) return void setTimeout(send, host.slowShardMs);
      return void send();
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return Object.assign(host, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    routes,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  });
}

/** Generates (or reuses) the weights, config and tokenizer of a library in a temp dir. */
export const fixtureOf = (library: string): WebLlmFixture => generateFixture(library);

/** Sum of what the model host serves for a model and its library: what the cache manager must show on disk. */
export function servedBytes(fixture: WebLlmFixture): number {
  return [...fixture.files.values()].reduce((a, b) => a + b, 0) + fixture.library.length;
}

/**
 * The test environment's two fixes (tests/e2e/webllm-page/test-environment.ts) as one script, to run inside the
 * built extension's offscreen runner host through DevTools — test code only, never part of the build.
 */
export async function testEnvironmentScript(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: {
      contents: "import { installTestEnvironment } from './test-environment';\ninstallTestEnvironment({ runtimeImports: true, emptySortKernel: true });",
      resolveDir: join(ROOT, 'tests/e2e/webllm-page'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}
