import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { FIREFOX_BUILD, ROOT, builtManifest, firefoxSkipReason } from './harness';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const skip = firefoxSkipReason();

describe.skipIf(skip)('the Firefox build as addons.mozilla.org checks it', () => {
  test('web-ext lint finds nothing: no error, warning or notice', async () => {
    // --output json prints the report on stdout; the exit code is non-zero on errors, so read the report either way.
    const run = promisify(execFile)(
      join(ROOT, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'],
      { cwd: ROOT, maxBuffer: 16 << 20 },
    );
    const { stdout } = await run.catch((err: unknown) => ({ stdout: (err as { stdout?: string }).stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    const findings = [...report.errors, ...report.warnings, ...report.notices].map(
      (m) => `${m.code} ${m.file ?? ''}${m.line ? `:${String(m.line)}:${String(m.column)}` : ''} ${m.message}`,
    );
    expect(findings).toEqual([]);
  });

  test('the manifest keeps the sidebar closed at install and declares the data Parallax collects: none', () => {
    const manifest = builtManifest();
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
