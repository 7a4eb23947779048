/**
 * npm run inspect-page -- --url <page-url> <saved-page.html>
 * Loads a page saved from a chat site without running its scripts, picks the site adapter for the URL and
 * prints one JSON line: {"site", "composer", "sendButton", "turns": [{"role", "text"}]}. `site` is null when
 * no specific site matches the URL (the generic adapter is then used). Missing required selectors are
 * reported on stderr. Exit 0 on success, 2 on a usage error or an unreadable file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';
import { generic } from '../utils/core/sites/generic';
import { adapterForUrl } from '../utils/core/sites/registry';
import { findComposer, findSendButton, readTurns, selectorHealth } from '../utils/core/sites/turns';

const USAGE = 'usage: npm run inspect-page -- --url <page-url> <saved-page.html>';

function fail(message: string): never {
  process.stderr.write(`inspect-page: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { url: string; file: string } {
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--url') url = argv[++i];
    else if (argv[i]!.startsWith('--url=')) url = argv[i]!.slice('--url='.length);
    else files.push(argv[i]!);
  }
  if (!url || files.length !== 1) fail(USAGE);
  try {
    new URL(url);
  } catch {
    fail(`not a valid page URL: ${url}`);
  }
  return { url, file: files[0]! };
}

/** What the adapter for `url` finds on the page. */
interface PageReport {
  site: string | null;
  composer: boolean;
  sendButton: boolean;
  turns: { role: 'user' | 'assistant'; text: string }[];
}

/** Inspects saved HTML as the adapter for `url` sees it; scripts never run. */
async function inspectPage(url: string, html: string): Promise<{ report: PageReport; missing: string[] }> {
  const window = new Window({
    url,
    settings: {
      // happy-dom's defaults already, written out because scripts must never run here.
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      enableCSSFileLoading: false,
      enableIframePageLoading: false,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const adapter = adapterForUrl(url);
    const report: PageReport = {
      site: adapter.id === generic.id ? null : adapter.id,
      composer: findComposer(adapter, doc) !== null,
      sendButton: findSendButton(adapter, doc) !== null,
      turns: readTurns(adapter, doc).map(({ role, text }) => ({ role, text })),
    };
    return { report, missing: selectorHealth(adapter, doc).missing };
  } finally {
    await window.happyDOM.close();
  }
}

async function main() {
  const { url, file } = parseArgs(process.argv.slice(2));
  if (!existsSync(file)) fail(`no such file: ${file}`);
  if (!statSync(file).isFile()) fail(`not a file: ${file}`);
  const { report, missing } = await inspectPage(url, readFileSync(file, 'utf8'));
  if (missing.length > 0) process.stderr.write(`inspect-page: ${report.site ?? 'generic'}: nothing matches ${missing.join(', ')}\n`);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

void main();
