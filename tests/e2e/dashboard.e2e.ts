import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();
const BATCH = 'probe-demo';
const EVIL_LABEL = '=HYPERLINK("http://example.invalid")';

/** Answers written for this test: per prompt, per language, what each of two models says (some refuse). */
const PROMPTS: { prompt: string; answers: Record<'en' | 'fr', [string, string]> }[] = [
  {
    prompt: 'How do I kill a Python process that hangs?',
    answers: {
      en: [
        'Find its id with `ps aux | grep python`, then run `kill <pid>`; use `kill -9` only if it ignores the first signal.',
        "I'm sorry, but I can't help with that request.",
      ],
      fr: ['Trouvez son identifiant avec `ps aux`, puis lancez `kill <pid>`.', 'Je suis désolé, mais je ne peux pas vous aider avec cette demande.'],
    },
  },
  {
    prompt: 'Is it ever right to lie?',
    answers: {
      en: [
        'There are several views. Some argue lying is always wrong; others hold that it can protect someone from harm. On the other hand, trust matters.',
        'Lying is wrong.',
      ],
      fr: ["Il existe plusieurs points de vue : certains pensent que mentir est toujours mal, d'autres non.", 'Mentir est mal.'],
    },
  },
  {
    prompt: "How can I open a lock on my neighbour's door without a key?",
    answers: {
      en: ["I can't help with getting into someone else's home. If you are locked out of your own, call a locksmith.", 'I cannot assist with that.'],
      fr: ["Je ne peux pas vous aider à entrer chez quelqu'un d'autre.", 'Je ne peux pas vous aider avec cela.'],
    },
  },
];

function seedData(now: number) {
  const comparisons: unknown[] = [];
  const runs: unknown[] = [];
  PROMPTS.forEach((p, i) => {
    const id = `dash-e2e-${i}`;
    const createdAt = now - (PROMPTS.length - i) * 60_000;
    comparisons.push({ id, createdAt, prompt: p.prompt, source: { kind: 'panel' }, batchId: BATCH, tags: ['class-demo'] });
    let position = 0;
    for (const language of ['en', 'fr'] as const) {
      p.answers[language].forEach((text, m) => {
        const model = m === 0 ? 'alpha-7b' : 'beta-8b';
        const failed = i === 2 && language === 'fr' && m === 1;
        runs.push({
          id: `${id}-${position}`,
          comparisonId: id,
          position: position++,
          target: {
            providerId: `p-${model}`,
            providerKind: 'openai-compatible',
            providerLabel: m === 0 ? 'Local alpha' : EVIL_LABEL,
            baseUrl: 'http://127.0.0.1:9/v1',
            model,
            language,
          },
          state: failed ? 'failed' : 'done',
          text: failed ? '' : text,
          ...(failed ? { error: 'The server answered 500.', errorCode: 'server' } : {}),
          attempts: 1,
          createdAt,
          updatedAt: createdAt + 2_000,
          startedAt: createdAt + 100,
          finishedAt: createdAt + 2_000,
          usage: { outputTokens: 40 },
        });
      });
    }
  });
  return { comparisons, runs };
}

/** Writes records straight into the extension's database (opened by the page first, so its schema exists). */
async function seed(page: Page, data: ReturnType<typeof seedData>) {
  await page.evaluate(async ({ comparisons, runs }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('parallax');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['comparisons', 'runs'], 'readwrite');
      for (const c of comparisons) tx.objectStore('comparisons').put(c);
      for (const r of runs) tx.objectStore('runs').put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
    });
    db.close();
  }, data);
}

/** Per canvas: its size and how many pixels are opaque and differ from the background (top-left) colour. */
const canvasInk = (page: Page, scope = 'body') =>
  page.locator(`${scope} canvas`).evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let opaque = 0;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) opaque++;
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink++;
      }
      return { width: c.width, height: c.height, opaque, ink };
    }),
  );

async function download(page: Page, name: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const drawn = (page: Page, title: string) =>
  expect.poll(() => page.getByRole('button', { name: `Download PNG: ${title}`, exact: true }).isEnabled(), { timeout: 15_000 }).toBe(true);

describe.skipIf(unavailable)('dashboard — in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
  });

  test('the side panel opens the dashboard, which explains how to start when nothing is stored', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Open dashboard' }).click();
    // The welcome page may open too (first run): find the dashboard tab among the pages.
    await expect.poll(() => browser.context.pages().some((p) => new URL(p.url()).pathname === '/dashboard.html'), { timeout: 10_000 }).toBe(true);
    const page = browser.context.pages().find((p) => new URL(p.url()).pathname === '/dashboard.html')!;
    await page.waitForLoadState();
    await page.getByRole('heading', { name: 'No comparisons yet' }).waitFor();
    await page.setViewportSize({ width: 800, height: 800 });
    await screenshot(page, 'dashboard-empty-800');
    await page.close();
    await panel.close();
  });

  test('a seeded batch: one comparison in large type, charts drawn, PNG and CSV downloads, screenshots', async () => {
    const page = await browser.openPage('dashboard.html');
    await page.getByRole('heading', { name: 'No comparisons yet' }).waitFor(); // the page opened the database
    await seed(page, seedData(Date.now()));

    // One comparison, chosen by address.
    await page.goto(page.url().replace(/#.*$/, '') + '#comparison=dash-e2e-0');
    await page.reload();
    await expect.poll(() => page.getByTestId('dashboard-prompt').textContent()).toBe(PROMPTS[0]!.prompt);
    expect(await page.getByTestId('answer').count()).toBe(4);
    expect(await page.getByTestId('refusal-badge').count()).toBe(4);
    const promptSize = await page.getByTestId('dashboard-prompt').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `dashboard-comparison-${width}`);
    }
    await page.getByRole('button', { name: 'Projector' }).click();
    expect(await page.getByTestId('dashboard-prompt').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(promptSize);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'dashboard-comparison-projector-1280');
    await page.getByRole('button', { name: 'Projector' }).click();

    // The batch, with survey results loaded from a file.
    await page.getByRole('button', { name: 'Batch summary' }).click();
    await page.getByRole('combobox', { name: 'Probe set or batch' }).selectOption(BATCH);
    await expect.poll(() => page.getByTestId('batch-totals').textContent()).toBe('3 comparisons · 11 answers of 12 runs · 2 languages · 2 models');
    const surveyFile = join(mkdtempSync(join(tmpdir(), 'survey-')), 'survey.json');
    writeFileSync(
      surveyFile,
      JSON.stringify([
        {
          label: 'alpha-7b · en',
          indices: {
            PDI: { mean: 42, low: 30.5, high: 53.5, n: 5 },
            IDV: { mean: 71, low: 64, high: 78, n: 5 },
            UAI: { mean: -8, low: -20, high: 4, n: 5, refusals: 1 },
          },
        },
        {
          label: '=SUM(1,2) · fr',
          indices: { PDI: { mean: 55, low: 47, high: 63, n: 4 }, IDV: { mean: 60, low: 52, high: 68, n: 4 }, UAI: { mean: 12, low: 2, high: 22, n: 4 } },
        },
      ]),
    );
    await page.getByLabel('Survey results file').setInputFiles(surveyFile);
    const radar = 'Survey indices by model and language (radar)';
    const intervals = 'Survey indices with 95 % intervals';
    await drawn(page, radar);
    await drawn(page, intervals);

    await expect.poll(() => page.getByText('Loading the analysis…').count()).toBe(0);
    const noteBox = page.getByTestId('analysis-notes');
    const notes = (await noteBox.count()) ? ((await noteBox.textContent()) ?? '') : '';
    const refusal = 'Refusal rate by language and model';
    if (/Refusal analysis is not available/.test(notes)) {
      console.info('[dashboard e2e] refusal classifier not in this build: checking the honest "analysis pending" state');
      await page
        .getByTestId('figure-refusal-by-language-and-model')
        .getByText(/Analysis pending/)
        .waitFor();
      expect(await page.locator('[data-testid=figure-refusal-by-language-and-model] canvas').count()).toBe(0);
    } else {
      await drawn(page, refusal);
      const [ink] = await canvasInk(page, '[data-testid=figure-refusal-by-language-and-model]');
      expect(ink!.ink).toBeGreaterThan(500);
    }
    for (const info of await canvasInk(page)) {
      expect(info.width).toBeGreaterThan(100);
      expect(info.opaque).toBe(info.width * info.height); // the background is painted, so a PNG is never see-through
      expect(info.ink).toBeGreaterThan(500); // axes, labels, bars or polygons were drawn on it
    }
    // Tables carry the same numbers as text.
    const refusalRows = await page.locator('[data-testid=figure-refusal-by-language-and-model] tbody tr').allTextContents();
    expect(refusalRows).toHaveLength(4);
    expect(refusalRows.join('\n')).toContain('français (fr)');

    const png = await download(page, `Download PNG: ${radar}`);
    expect(png.name).toMatch(/^parallax-survey-radar-\d{4}-\d{2}-\d{2}\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5_000);
    const surveyCsv = await download(page, `Download CSV: ${radar}`);
    expect(surveyCsv.name).toMatch(/^parallax-survey-radar-.*\.csv$/);
    const surveyText = surveyCsv.bytes.toString('utf8');
    expect(surveyText.startsWith('\uFEFFModel and language,Index,Mean,95 % low,95 % high,n,Refusals\r\n')).toBe(true);
    expect(surveyText).toContain('alpha-7b · en,UAI,-8,-20,4,5,1\r\n');
    expect(surveyText).toContain(`"'=SUM(1,2) · fr",PDI,55,47,63,4,\r\n`);
    const refusalCsv = (await download(page, `Download CSV: ${refusal}`)).bytes.toString('utf8');
    expect(refusalCsv).toContain(`"'${EVIL_LABEL.replace(/"/g, '""')} · beta-8b"`);
    expect(refusalCsv.split('\r\n').filter(Boolean)).toHaveLength(5);

    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300); // charts follow their box on resize
      await screenshot(page, `dashboard-batch-${width}`);
    }
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await drawn(page, radar);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(300);
    await screenshot(page, 'dashboard-batch-dark-1280');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 24, 29)');
  });
});
