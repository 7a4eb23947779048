// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComposeContext } from '@/components/sidepanel/axes-model';
import { PromptBox } from '@/components/sidepanel/PromptBox';
import { createComposeState } from '@/entrypoints/sidepanel/compose-state';
import { settingsItem } from '@/utils/platform/storage/settings';
import { composerPrefsItem } from '@/utils/platform/storage/templates';
import type { ProviderConfig } from '@/utils/core/providers/types';

const providers: ProviderConfig[] = [
  { id: 'a', kind: 'openai-compatible', label: 'Alpha', baseUrl: 'http://127.0.0.1:1/v1', model: 'alpha' },
  { id: 'b', kind: 'openai-compatible', label: 'Beta', baseUrl: 'http://127.0.0.1:2/v1', model: 'beta' },
];

beforeEach(async () => {
  fakeBrowser.reset();
  await settingsItem.setValue({ ...(await settingsItem.getValue()), providers });
});
afterEach(cleanup);

async function setup() {
  const compose = createComposeState();
  await compose.loaded;
  const onSubmit = vi.fn<(text: string, spec?: Record<string, unknown>) => Promise<void>>(async () => {});
  render(
    <ComposeContext.Provider value={compose}>
      <PromptBox onSubmit={onSubmit} />
    </ComposeContext.Provider>,
  );
  const type = (text: string) => fireEvent.input(screen.getByLabelText('Prompt to compare'), { target: { value: text } });
  const submit = () => fireEvent.submit(screen.getByLabelText('Prompt to compare').closest('form')!);
  return { compose, onSubmit, type, submit, estimate: () => screen.getByTestId('estimate').textContent };
}
const check = (name: string) => fireEvent.click(screen.getByRole('checkbox', { name }));

describe('AxesPicker in the prompt box', () => {
  test('endpoints, personas and repetitions multiply into the estimate, and go with the prompt', async () => {
    const { type, submit, onSubmit, estimate } = await setup();
    type('Should children look after their parents?');
    expect(estimate()).toBe('2 runs · about 12 s · free');
    check('Japan');
    check('Brazil');
    fireEvent.input(screen.getByLabelText('Times to ask each target'), { target: { value: '3' } });
    fireEvent.input(screen.getByLabelText('Temperature'), { target: { value: '0.9' } });
    expect(screen.getByTestId('axes-summary').textContent).toBe('2 endpoints × 2 personas × 3 times each');
    expect(estimate()).toMatch(/^12 runs · /);
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const [text, spec = {}] = onSubmit.mock.calls[0]!;
    expect(text).toBe('Should children look after their parents?');
    expect(spec).toMatchObject({ repetitions: 3, temperature: 0.9 });
    expect((spec.personas as { label: string }[]).map((p) => p.label)).toEqual(['Japan', 'Brazil']);
  });

  test('unchecking an endpoint asks only the others; none at all says what to do and starts nothing', async () => {
    const { type, submit, onSubmit, estimate } = await setup();
    type('q');
    check('Alpha');
    expect(estimate()).toMatch(/^1 run · /);
    check('Beta');
    submit();
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one endpoint to ask.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test('more than 20 runs wait for the go-ahead; “Start 24 runs” starts them', async () => {
    const { type, submit, onSubmit } = await setup();
    type('q');
    for (const name of ['Japan', 'Brazil', 'Germany', 'India']) check(name);
    fireEvent.input(screen.getByLabelText('Times to ask each target'), { target: { value: '3' } });
    submit();
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/^This asks for 24 answers \(24 runs · about \d+ s · free\)\. Start\?/);
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start 24 runs' }));
    submit(); // the button is the form's submit: clicking it submits
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  });

  test('the last-used endpoints are remembered for the next panel', async () => {
    const first = await setup();
    first.type('q');
    check('Alpha');
    first.submit();
    await waitFor(async () => expect((await composerPrefsItem.getValue()).last?.providerIds).toEqual(['b']));
    cleanup();
    await setup();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Alpha' }).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Beta' }).checked).toBe(true);
  });

  test('a template saves the choices; applying it restores them; the default template starts the next panel', async () => {
    const { compose } = await setup();
    check('Japan');
    fireEvent.input(screen.getByLabelText('Times to ask each target'), { target: { value: '4' } });
    fireEvent.input(screen.getByLabelText('Template name'), { target: { value: 'Japan ×4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(compose.prefs.value.templates).toHaveLength(1));
    check('Japan');
    fireEvent.input(screen.getByLabelText('Times to ask each target'), { target: { value: '1' } });
    const id = compose.prefs.value.templates[0]!.id;
    fireEvent.change(screen.getByLabelText('Saved templates'), { target: { value: id } });
    expect(compose.axes.value).toMatchObject({ repetitions: 4, personas: [{ label: 'Japan' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Use as default' }));
    await waitFor(async () => expect((await composerPrefsItem.getValue()).defaultTemplateId).toBe(id));
    cleanup();
    const next = await setup();
    expect(next.compose.axes.value).toMatchObject({ repetitions: 4, personas: [{ label: 'Japan' }] });
  });

  test('a persona of one’s own is added, chosen, and sent as a system prompt', async () => {
    const { compose } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Write your own…' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Farmer' } });
    fireEvent.input(screen.getByLabelText('System prompt'), { target: { value: 'You are a farmer in Kenya.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add persona' }));
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /Farmer/ }).checked).toBe(true));
    expect(compose.specFor('q').personas).toEqual([expect.objectContaining({ label: 'Farmer', systemPrompt: 'You are a farmer in Kenya.' })]);
  });
});

describe('a captured prompt with its conversation', () => {
  const context = [
    { role: 'user' as const, content: 'one' },
    { role: 'assistant' as const, content: 'two' },
    { role: 'user' as const, content: 'three' },
    { role: 'assistant' as const, content: 'four' },
  ];

  test('goes alone by default; “with the last N turns” sends those turns', async () => {
    const { compose } = await setup();
    compose.prefill({ text: 'five?', context, from: 'The last prompt on ChatGPT' });
    await screen.findByTestId('context-mode');
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Prompt to compare').value).toBe('five?'));
    expect(screen.getByRole('status').textContent).toMatch(/^The last prompt on ChatGPT/);
    expect(compose.specFor('five?').context).toBeUndefined();
    fireEvent.click(screen.getByRole('radio', { name: 'With the last' }));
    fireEvent.change(screen.getByLabelText('Previous turns to send'), { target: { value: '3' } });
    expect(compose.specFor('five?').context).toEqual(context.slice(1));
  });

  test('a re-run keeps its own axes and says which comparison it re-runs', async () => {
    const { compose, submit, onSubmit } = await setup();
    compose.prefill({
      text: 'again',
      rerunOf: 'old-1',
      axes: { providerIds: ['a'], languages: [], personas: [], repetitions: 2 },
      from: 'Re-running an earlier comparison',
    });
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Beta' }).checked).toBe(false));
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Prompt to compare').value).toBe('again'));
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]![1]).toMatchObject({ providerIds: ['a'], repetitions: 2, rerunOf: 'old-1' });
    expect(compose.draft.value).toBeNull();
  });
});
