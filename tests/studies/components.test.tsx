// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { BatchView } from '@/entrypoints/studies/BatchView';
import { ProbeSetsTab } from '@/entrypoints/studies/ProbeSetsTab';
import { QuestionnaireImport } from '@/entrypoints/studies/QuestionnaireImport';
import { RunSetup, duration } from '@/entrypoints/studies/RunSetup';
import { SetEditor } from '@/entrypoints/studies/SetEditor';
import { surveyDataTable } from '@/entrypoints/studies/SurveyResults';
import { planProbeBatch } from '@/utils/core/batches/plan';
import { surveyResults } from '@/utils/core/batches/survey-results';
import { targetsFor } from '@/utils/core/runner/plan';
import { scoreInstrument } from '@/utils/core/surveys/score';
import { importVsmQuestionnaire } from '@/utils/core/surveys/vsm2013';
import { placeholderQuestionnaire } from '../batches/fixtures';
import { pair, probeBatch, providers, questionnaire, surveyBatch } from './fixtures';

afterEach(cleanup);

const plan = (choice: { providerIds: string[]; languages: string[] }) =>
  planProbeBatch({ set: pair, targets: targetsFor(providers.filter((p) => choice.providerIds.includes(p.id))), languages: choice.languages, now: 0 });

describe('run setup', () => {
  test('without endpoints it sends the user to the settings', () => {
    const onOpenSettings = vi.fn();
    render(<RunSetup providers={[]} languages={['en']} plan={plan} onStart={vi.fn()} startLabel="Run" onOpenSettings={onOpenSettings} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenSettings).toHaveBeenCalled();
  });

  test('the estimate follows the endpoints and languages ticked; no language means no start', async () => {
    const onStart = vi.fn(async () => undefined);
    render(<RunSetup providers={providers} languages={['en', 'ar']} plan={plan} onStart={onStart} startLabel="Run probe set" onOpenSettings={vi.fn()} />);
    expect(screen.getByTestId('estimate').textContent).toContain('2 answers (2 prompts × 1 endpoint)');
    fireEvent.click(screen.getByRole('checkbox', { name: /Beta server/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Arabic/ }));
    expect(screen.getByTestId('estimate').textContent).toContain('8 answers (4 prompts × 2 endpoints)');
    fireEvent.click(screen.getByRole('button', { name: 'Run probe set' }));
    await waitFor(() => expect(onStart).toHaveBeenCalledWith({ providerIds: ['p1', 'p2'], languages: ['en', 'ar'] }));
    fireEvent.click(screen.getByRole('checkbox', { name: /English/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Arabic/ }));
    expect(screen.getByTestId('run-problem').textContent).toBe('Choose at least one language.');
    expect((screen.getByRole('button', { name: 'Run probe set' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('prices turn the estimate into money; a failed start says why', async () => {
    const onStart = vi.fn(async () => Promise.reject(new Error('Parallax did not answer. Reload the extension and try again.')));
    const remote = [{ ...providers[0]!, baseUrl: 'https://api.example.com/v1' }];
    render(<RunSetup providers={remote} languages={['en']} plan={(c) => planProbeBatch({ set: pair, targets: targetsFor(remote.filter((p) => c.providerIds.includes(p.id))), languages: c.languages, now: 0 })} onStart={onStart} startLabel="Run" onOpenSettings={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Input, per million tokens'), { target: { value: '10' } });
    fireEvent.input(screen.getByLabelText('Output, per million tokens'), { target: { value: '30' } });
    expect(screen.getByTestId('estimate').textContent).toMatch(/about 0\.0\d in your currency/);
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Reload the extension');
  });

  test.each([
    [12, 'about 12 s'],
    [600, 'about 10 min'],
    [7500, 'about 2 h 5 min'],
  ])('%i seconds read as %s', (seconds, text) => expect(duration(seconds)).toBe(text));
});

describe('batch view', () => {
  test('progress, the refusal table by language × model, pause, and the dashboard link', async () => {
    const { batch, runs } = probeBatch();
    runs[0]!.state = 'streaming';
    const onControl = vi.fn(async () => undefined);
    render(<BatchView batch={batch} runs={runs} onControl={onControl} dashboardUrl="chrome-extension://x/dashboard.html#batch=b1" onClose={vi.fn()} />);
    expect(screen.getByTestId('batch-progress-text').textContent).toBe('3 of 4 prompts finished · 7 of 8 answers · 1 in progress');
    expect(screen.getByTestId('batch-progress').getAttribute('value')).toBe('3');
    const rows = [...screen.getByTestId('probe-results').querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows).toEqual(['English (en)0 % (0 of 1)0 % (0 of 2)0 % (0 of 3)', 'Arabic (ar)0 % (0 of 2)100 % (2 of 2)50 % (2 of 4)']);
    expect(screen.getByRole('link', { name: 'Open in dashboard' }).getAttribute('href')).toBe('chrome-extension://x/dashboard.html#batch=b1');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(onControl).toHaveBeenCalledWith('pause'));
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
  });

  test('a paused batch offers resume and says what waits', () => {
    const { batch, runs } = probeBatch();
    batch.data.status = 'paused';
    Object.assign(runs[1]!, { state: 'interrupted', errorCode: 'paused' });
    render(<BatchView batch={batch} runs={runs} onControl={vi.fn()} dashboardUrl="#" onClose={vi.fn()} />);
    expect(screen.getByTestId('batch-status').textContent).toBe('Paused');
    expect(screen.getByTestId('batch-progress-text').textContent).toContain('1 waiting to resume');
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
  });

  test('a survey batch shows each index with mean, interval, n and refusals, as scoring the same answers gives', () => {
    const { batch, runs } = surveyBatch();
    render(<BatchView batch={batch} runs={runs} onControl={vi.fn()} dashboardUrl="#" onClose={vi.fn()} />);
    const answers: Record<string, number[]> = {};
    for (let n = 1; n <= 24; n++) answers[`m${String(n).padStart(2, '0')}`] = [(n % 5) + 1];
    const expected = scoreInstrument(questionnaire, answers, { PDI: 50 });
    for (const [index, value] of Object.entries(expected)) {
      const row = document.querySelector(`tr[data-index="${index}"]`)!;
      expect(Number(row.querySelector('[data-testid=index-mean]')!.textContent)).toBeCloseTo(value, 1);
    }
    const pdi = document.querySelector('tr[data-index="PDI"]')!.textContent!;
    expect(pdi).toMatch(/—1 ?1$/); // one repetition counted (no interval), one refusal
    expect(screen.getByText(/47 answers read, 1 refusals, 0 not readable, 0 failed/)).toBeTruthy();
    expect(screen.getByText(/not comparable with published country scores/)).toBeTruthy();
    const table = surveyDataTable(surveyResults(batch.data, runs));
    expect(table.columns).toEqual(['Model and language', 'Index', 'Mean', '95 % low', '95 % high', 'n', 'Refusals']);
    expect(table.rows.find((r) => r[1] === 'IDV')).toEqual(['Local alpha-7b · alpha-7b · en', 'IDV', expected.IDV, expected.IDV, expected.IDV, 2, 0]);
  });
});

describe('probe sets tab', () => {
  const props = () => ({
    builtIn: [pair],
    userSets: [],
    providers,
    planProbes: (_: unknown, c: { providerIds: string[]; languages: string[] }) => plan(c),
    onRun: vi.fn(async () => undefined),
    onSave: vi.fn(async (raw: unknown) => raw),
    onDelete: vi.fn(async () => undefined),
    onImport: vi.fn(async () => ({ added: [], errors: ['set "x": prompts must be a non-empty list'] })),
    onOpenSettings: vi.fn(),
  });

  test('a chosen set shows its purpose and its prompts in the language picked, right to left for Arabic', () => {
    render(<ProbeSetsTab {...props()} />);
    fireEvent.click(screen.getByRole('button', { name: /Pair/ }));
    const detail = screen.getByTestId('set-detail');
    expect(detail.textContent).toContain('Two prompts for component tests.');
    fireEvent.change(screen.getByLabelText('Show prompts in'), { target: { value: 'ar' } });
    const list = detail.querySelector('ol')!;
    expect(list.getAttribute('dir')).toBe('rtl');
    expect(list.textContent).toContain('هل الكذب صائب أحيانًا؟');
    expect(screen.getByText('should help')).toBeTruthy();
  });

  test('an import that fails lists every problem', async () => {
    const p = props();
    const { container } = render(<ProbeSetsTab {...p} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['{}'], 'sets.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    expect((await screen.findByTestId('import-errors')).textContent).toContain('prompts must be a non-empty list');
  });
});

describe('set editor', () => {
  test('broken JSON and rejected sets are explained; a good set is saved and the editor closes', async () => {
    const onClose = vi.fn();
    const onSave = vi.fn(async (raw: unknown) => {
      if ((raw as { id?: string }).id === 'over-refusal') throw new Error('"over-refusal" is the id of a built-in set; give your set another id.');
      return raw;
    });
    render(<SetEditor initial={pair} onSave={onSave} onClose={onClose} />);
    const box = screen.getByLabelText('Probe set (JSON)');
    fireEvent.input(box, { target: { value: '{ not json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save set' }));
    expect((await screen.findByTestId('set-errors')).textContent).toContain('This is not valid JSON');
    fireEvent.input(box, { target: { value: JSON.stringify({ ...pair, id: 'over-refusal' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save set' }));
    await waitFor(() => expect(screen.getByTestId('set-errors').textContent).toContain('built-in set'));
    fireEvent.input(box, { target: { value: JSON.stringify(pair) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save set' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSave).toHaveBeenLastCalledWith(pair, undefined);
  });
});

describe('questionnaire import', () => {
  test('a paste missing items is refused with the item numbers; a complete one is imported', async () => {
    const onImport = vi.fn(async (text: string, language: string) => importVsmQuestionnaire(text, language));
    render(<QuestionnaireImport questionnaire={null} onImport={onImport} onClear={vi.fn()} />);
    const incomplete = placeholderQuestionnaire().split('\n').filter((l) => !/^(3|17)\. /.test(l)).join('\n');
    fireEvent.input(screen.getByLabelText('Questionnaire text'), { target: { value: incomplete } });
    fireEvent.click(screen.getByRole('button', { name: 'Import questionnaire' }));
    expect((await screen.findByTestId('questionnaire-errors')).textContent).toContain('Missing items 3, 17');
    fireEvent.input(screen.getByLabelText('Questionnaire text'), { target: { value: placeholderQuestionnaire() } });
    fireEvent.click(screen.getByRole('button', { name: 'Import questionnaire' }));
    await waitFor(() => expect(onImport).toHaveBeenLastCalledWith(placeholderQuestionnaire(), 'en', false));
    expect(screen.queryByTestId('questionnaire-errors')).toBeNull();
  });

  test('an imported questionnaire names its languages and can take another', () => {
    render(<QuestionnaireImport questionnaire={questionnaire} onImport={vi.fn()} onClear={vi.fn()} />);
    expect(screen.getByTestId('questionnaire-status').textContent).toContain('Imported in English (en).');
    expect(screen.queryByLabelText('Questionnaire text')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add another language' }));
    expect(screen.getByLabelText('Questionnaire text')).toBeTruthy();
  });
});
