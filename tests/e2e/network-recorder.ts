import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

/**
 * Network recording for the on-device egress tests: every request of every target of a browser (pages, the
 * offscreen runner host, the service worker) over a second DevTools connection, and a proxy that records and
 * refuses whatever would leave the machine.
 */

/** A request and the target (type and URL) that made it. */
export interface Seen {
  url: string;
  target: string;
}

/** Records every request of every target of the browser, over a second DevTools connection. */
export async function recordAllTargets(profileDir: string) {
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
    const msg = JSON.parse((data as Buffer).toString()) /* text frames arrive as one Buffer (binaryType 'nodebuffer') */ as {
      id?: number;
      result?: unknown;
      method?: string;
      params?: Record<string, unknown>;
      sessionId?: string;
    };
    if (msg.id !== undefined) return waiting.get(msg.id)?.(msg.result ?? {});
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
export async function refusingProxy(): Promise<{ server: Server; port: number; seen: string[] }> {
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
