import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startServer, type TestServer } from '../servers/http';
import { e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

/**
 * On-device mode: only on-device engines are set up (a WebLLM model from a host the user chose, and Chrome's
 * built-in model). Neither can generate on this machine, so the runs fail, honestly. Every request any target
 * makes during a whole comparison is recorded twice over: through the DevTools protocol on every target (pages,
 * the offscreen runner host, the service worker) and by a proxy every non-loopback request must go through.
 * None may leave the machine, and none may go anywhere but the chosen model host.
 */

const unavailable = e2eUnavailable();

interface Seen {
  url: string;
  target: string;
}

/** Records every request of every target of the browser, over a second DevTools connection. */
async function recordAllTargets(profileDir: string) {
  const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const { webSocketDebuggerUrl } = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const ws = new WebSocket(webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  const send = <T = unknown>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve) => {
      waiting.set(++next, resolve as (r: unknown) => void);
      ws.send(JSON.stringify({ id: next, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  /** Session → the target's type and current URL (a page starts as about:blank, then navigates). */
  const sessions = new Map<string, string>();
  const sessionOf = new Map<string, string>();
  const requests: { url: string; session: string }[] = [];
  const targets = new Set<string>();
  const attached = new Set<string>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; method?: string; params?: Record<string, unknown>; sessionId?: string };
    if (msg.id !== undefined) return void waiting.get(msg.id)?.(msg.result ?? {});
    if (msg.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo } = msg.params as { sessionId: string; targetInfo: { type: string; url: string; targetId: string } };
      sessions.set(sessionId, `${targetInfo.type} ${targetInfo.url}`);
      sessionOf.set(targetInfo.targetId, sessionId);
      targets.add(`${targetInfo.type} ${targetInfo.url}`);
      void send('Network.enable', {}, sessionId);
      void send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);
      void send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    }
    if (msg.method === 'Target.targetCreated' || msg.method === 'Target.targetInfoChanged') {
      const info = (msg.params as { targetInfo: { targetId: string; type: string; url: string } }).targetInfo;
      const session = sessionOf.get(info.targetId);
      if (session) sessions.set(session, `${info.type} ${info.url}`);
      targets.add(`${info.type} ${info.url}`);
      if (!attached.has(info.targetId) && info.type !== 'browser') {
        attached.add(info.targetId);
        void send('Target.attachToTarget', { targetId: info.targetId, flatten: true });
      }
    }
    if (msg.method === 'Network.requestWillBeSent') {
      requests.push({ url: (msg.params as { request: { url: string } }).request.url, session: msg.sessionId ?? '' });
    }
  });
  await send('Target.setDiscoverTargets', { discover: true });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
  /** Runs an expression in the (first) target whose type and URL contain `where`. */
  const evaluate = (where: string, expression: string) => {
    const session = [...sessions].find(([, label]) => label.includes(where))?.[0];
    if (!session) throw new Error(`no target ${where} among ${[...sessions.values()].join(', ')}`);
    return send('Runtime.evaluate', { expression, awaitPromise: true }, session);
  };
  return {
    /** Every request so far, with the target that made it. */
    get seen(): Seen[] {
      return requests.map((r) => ({ url: r.url, target: sessions.get(r.session) ?? 'unknown' }));
    },
    targets,
    evaluate,
    close: () => ws.close(),
  };
}

/** A proxy every request that is not to this machine goes through: it records and refuses them all. */
async function refusingProxy(): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

const MODEL_ID = 'Chosen-Model-q4f32_1-MLC';
/** Chromium's own background requests (account check, component updates, network time), made without any extension. */
const BROWSER_OWN = /^(CONNECT )?(https?:\/\/)?(accounts\.google\.com|update\.googleapis\.com|clients[12]\.google\.com)[:/]/;

describe.skipIf(unavailable)('on-device mode sends nothing off the machine, in Chromium', () => {
  let browser: ExtensionBrowser;
  let modelHost: TestServer;
  let proxy: Awaited<ReturnType<typeof refusingProxy>>;

  beforeAll(async () => {
    modelHost = await startServer((_req, res) => void res.writeHead(404, { 'content-type': 'text/plain' }).end('no such model'));
    proxy = await refusingProxy();
    browser = await launchWithExtension(undefined, [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--remote-debugging-port=0']);
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await modelHost?.close();
    await new Promise((resolve) => proxy?.server.close(resolve));
  });

  test('a full comparison with only on-device engines: both fail with what to do, and no request leaves 127.0.0.1', async () => {
    const settings = await browser.openPage('options.html');
    await settings.evaluate(
      async ({ modelUrl, modelId }) => {
        const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
        await chrome.storage.local.set({
          settings: {
            providers: [
              { id: 'on-device', kind: 'webllm', label: 'Chosen model', baseUrl: modelUrl, model: modelId, modelLib: `${modelUrl}lib.wasm` },
              { id: 'built-in', kind: 'chrome-builtin', label: "Chrome's built-in model (Gemini Nano)", baseUrl: '', model: 'gemini-nano', maxConcurrent: 1 },
            ],
            sites: [],
            customSitePatterns: [],
            paused: false,
            onboarded: true,
          },
          settings$: { v: 1 },
        });
      },
      { modelUrl: `${modelHost.url}/chosen-model/`, modelId: MODEL_ID },
    );
    await settings.close();

    const recorder = await recordAllTargets(browser.profileDir);
    const proxied = proxy.seen.length;
    try {
      const panel = await browser.openPage('sidepanel.html');
      await panel.getByLabel('Prompt to compare').fill('Is it better to rent or to buy a home?');
      await panel.getByRole('button', { name: 'Compare' }).click();
      const runs = panel.getByTestId('run');
      await expect.poll(() => runs.evaluateAll((els) => els.map((el) => el.getAttribute('data-state'))), { timeout: 60_000 }).toEqual(['failed', 'failed']);
      const errors = await panel.getByTestId('run-error').allTextContents();
      expect(errors[0]).toContain(`${MODEL_ID} is not downloaded yet. Download it in Settings → On-device models, then retry.`);
      expect(errors[1]).toMatch(/built-in model/);
      await screenshot(panel, 'on-device-mode-failed-honestly');

      // The rest of a comparison's life: history, the settings page (on-device section), the dashboard.
      await panel.getByRole('tab', { name: /History/ }).click();
      await expect.poll(() => panel.getByTestId('history-item').count()).toBe(1);
      const options = await browser.openPage('options.html');
      await options.locator('section[aria-labelledby=on-device]').waitFor();
      await options.waitForTimeout(2_000);
      const dashboard = await browser.openPage('dashboard.html');
      await dashboard.getByTestId('dashboard-prompt').waitFor({ timeout: 15_000 });
      await dashboard.waitForTimeout(1_000);

      const offMachine = recorder.seen.filter((r) => /^(https?|wss?):/.test(r.url) && new URL(r.url).hostname !== '127.0.0.1');
      expect(offMachine).toEqual([]);
      const elsewhere = recorder.seen.filter((r) => /^(https?|wss?):/.test(r.url) && new URL(r.url).host !== new URL(modelHost.url).host);
      expect(elsewhere).toEqual([]);
      // What reached the proxy came from the browser itself (sign-in and update checks it makes with or without any
      // extension; the per-target recording above shows no page, worker or runner of Parallax asked for them).
      expect(proxy.seen.slice(proxied).filter((u) => !BROWSER_OWN.test(u))).toEqual([]);
      // The recording watched the runner host, the worker and the pages (it saw the panel load its own files).
      const targets = [...recorder.targets].join('\n');
      for (const page of ['/offscreen.html', '/background.js', '/sidepanel.html', '/options.html', '/dashboard.html']) expect(targets).toContain(page);
      expect(recorder.seen.some((r) => r.target.includes('/sidepanel.html') && r.url.startsWith('chrome-extension://'))).toBe(true);

      // The recording would have caught a request from the runner host or the service worker: make one from each.
      for (const [where, host] of [['/offscreen.html', 'offscreen-check.example'], ['background.js', 'worker-check.example']]) {
        await recorder.evaluate(where!, `fetch('https://${host}/').catch(() => 0)`);
        await expect.poll(() => recorder.seen.some((r) => r.url.includes(host!) && r.target.includes(where!))).toBe(true);
      }
    } finally {
      recorder.close();
    }

    // The proxy does catch what would leave: a page asking a remote host goes through it (and is refused).
    const page = await browser.context.newPage();
    await page.goto('http://parallax-network-check.example/').catch(() => undefined);
    expect(proxy.seen.some((u) => u.includes('parallax-network-check.example'))).toBe(true);
  });
});
