import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, ROOT } from './harness';

/** Real chat-site host names served from 127.0.0.1 over HTTPS (a self-signed certificate). */
export interface SiteServer {
  port: number;
  /** Chromium flags: map the hosts to this server and accept its certificate. */
  chromiumArgs: string[];
  /** Page paths each host was asked for, in order. */
  visits: string[];
  close(): Promise<void>;
}

/** Why the HTTPS site server cannot run here, or null. */
export function siteServerUnavailable(): string | null {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'no openssl to make a test certificate';
  }
}

/**
 * Serves test pages under real chat-site host names: `pages` maps "host/path" to a fixture file under
 * tests/fixtures/e2e-sites. Chromium reaches it through --host-resolver-rules; nothing leaves the machine.
 */
export async function startSiteServer(hosts: string[], pages: Record<string, string>): Promise<SiteServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${hosts[0]}`,
      '-addext',
      `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    ],
    { stdio: 'ignore' },
  );
  const visits: string[] = [];
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = (req.url ?? '/').split('?')[0]!;
    const file = pages[`${host}${path}`] ?? (path.startsWith('/c/') || path === '/new' ? pages[`${host}/`] : undefined);
    visits.push(`${host}${path}`);
    if (!file) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(ROOT, 'tests/fixtures/e2e-sites', file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    visits,
    chromiumArgs: [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',')}`, '--ignore-certificate-errors'],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}

/**
 * A copy of the built extension whose manifest already holds access to `origins`. Headless Chromium cannot
 * show the browser's permission prompt, so the grant a user gives there is made ahead; the settings page still
 * asks for it (and gets it at once) when the user turns a site on. Returns Chromium flags that load the copy.
 */
export function extensionWithAccess(origins: string[]): { dir: string; chromiumArgs: string[]; remove(): void } {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no built extension at ${EXTENSION_DIR}`);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...origins])];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  // Chromium uses the last value of a repeated switch: these replace the harness's own extension flags.
  return { dir, chromiumArgs: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`], remove: () => rmSync(dir, { recursive: true, force: true }) };
}
