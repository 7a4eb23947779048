import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Bytes the browser must load: the content script, the side panel's first JS, the largest Firefox file. */
export function benchSizes(root: string) {
  const chrome = join(root, '.output/chrome-mv3');
  const firefox = join(root, '.output/firefox-mv2');
  if (!existsSync(join(chrome, 'manifest.json')) || !existsSync(join(firefox, 'manifest.json'))) {
    throw new Error('Build first: npm run build');
  }
  const html = readFileSync(join(chrome, 'sidepanel.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const largest = walk(firefox)
    .map((f) => ({ f, size: statSync(f).size }))
    .sort((a, b) => b.size - a.size)[0]!;
  return {
    content_script_bytes: statSync(join(chrome, 'content-scripts/capture.js')).size,
    sidepanel_initial_js_bytes: initial.reduce((n, f) => n + statSync(join(chrome, f)).size, 0),
    firefox_largest_file_bytes: largest.size,
    firefox_largest_file: largest.f.slice(firefox.length + 1),
  };
}
