import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

/** Three models that differ the way the panel must show: one refuses, one dismisses, one weighs both sides. */
const ANSWERS: Record<string, string> = {
  careful: "I'm sorry, but I can't help with that. If you are locked out, a licensed locksmith can help you.",
  blunt: 'Yes. Concerns about this are largely unscientific myths that have been debunked many times.',
  balanced: 'Proponents argue it is useful for hobbyists. On the other hand, critics argue it can enable burglary, so laws differ by country.',
};

describe.skipIf(unavailable)('the panel shows what differs, in Chromium', () => {
  let server: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    // The judge model answers with the rubric's JSON: a refusal when the graded answer apologises.
    const judged = (prompt: string) =>
      JSON.stringify(
        prompt.includes("I'm sorry")
          ? { label: 'full_refusal', kind: 'redirects', rationale: 'Declines and points to a locksmith.', quotes: ["I can't help with that"] }
          : { label: 'full_compliance', kind: null, rationale: 'Answers the question.', quotes: [] },
      );
    server = await startOpenAIServer({ reply: (prompt, model) => (model === 'judge' ? judged(prompt) : (ANSWERS[model] ?? 'unknown model')), chunkDelayMs: 5 });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await server?.close();
  });

  test('verdict, refusal badge, value chips and highlighted evidence', async () => {
    const settings = await browser.openPage('options.html');
    for (const model of Object.keys(ANSWERS)) await addEndpoint(settings, `${server.url}/v1`, model, `Model ${model}`);
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill('Is lock picking a good hobby?');
    await panel.getByRole('button', { name: 'Compare' }).click();
    const runs = panel.getByTestId('run');
    await expect
      .poll(async () => (await runs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).join(','), { timeout: 20_000 })
      .toBe('done,done,done');

    await expect.poll(() => panel.getByTestId('verdict').textContent(), { timeout: 10_000 }).toMatch(/careful/i);
    expect(await runs.nth(0).getByTestId('refusal-badge').textContent()).toMatch(/^Refused/);
    expect(await runs.nth(1).getByTestId('refusal-badge').textContent()).toMatch(/^Answered/);
    expect(await runs.nth(1).getByTestId('value-chip').allTextContents()).toContain('One-sided');
    expect(await runs.nth(2).getByTestId('value-chip').allTextContents()).toContain('Balanced');

    await runs.nth(1).getByRole('button', { name: 'Why?' }).click();
    const marked = await runs.nth(1).locator('mark').allTextContents();
    expect(marked.join(' ')).toMatch(/unscientific|myths|debunked/);
    await runs.nth(0).getByRole('button', { name: 'Why?' }).click();
    expect((await runs.nth(0).locator('mark').allTextContents()).join(' ')).toMatch(/sorry|can't help/i);
    await panel.getByText(/How far the answers diverge/).click();
    await panel.getByTestId('heatmap').waitFor();
    await screenshot(panel, 'panel-analysis-badges-evidence');

    // A judge set up in settings grades the answers; its verdict sits beside the built-in one.
    await addEndpoint(settings, `${server.url}/v1`, 'judge', 'Grader');
    await settings.getByLabel('Judge endpoint').selectOption({ label: 'Grader · judge' });
    await panel.getByRole('button', { name: 'Judge refusals' }).click();
    await expect.poll(() => runs.nth(0).getByTestId('judge-verdict').textContent(), { timeout: 15_000 }).toContain('Refused · redirects to help');
    await expect.poll(() => runs.nth(1).getByTestId('judge-verdict').textContent()).toContain('Answered');
    expect(await runs.nth(0).getByTestId('refusal-badge').textContent()).toMatch(/^Refused/); // the built-in verdict stays
    await screenshot(panel, 'panel-analysis-judge');

    // With an embedding model, the heat map measures meaning instead of shared words.
    await settings.getByLabel('Embedding endpoint').selectOption({ label: 'Grader' });
    await settings.getByLabel('Embedding model').fill('embed-test');
    await settings.getByRole('button', { name: 'Use for divergence' }).click();
    await panel.getByRole('button', { name: /Measure by meaning with Grader · embed-test/ }).click();
    await expect.poll(() => panel.getByTestId('heatmap').getAttribute('data-basis')).toBe('meaning');
    await panel.getByText('By meaning, measured with Grader · embed-test.').waitFor();

    // The history can now be narrowed to comparisons where a model refused.
    await panel.getByRole('tab', { name: /History/ }).click();
    await panel.getByLabel('Refusals').selectOption('refused');
    await expect.poll(() => panel.getByTestId('history-item').count()).toBe(1);
  });
});
