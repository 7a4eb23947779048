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
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Run probe set' }).disabled).toBe(true);
  });

  test('prices turn the estimate into money; a failed start says why', async () => {
    const onStart = vi.fn(async () => Promise.reject(new Error('Parallax did not answer. Reload the extension and try again.')));
    const remote = [{ ...providers[0]!, baseUrl: 'https://api.example.com/v1' }];
    render(
      <RunSetup
        providers={remote}
        languages={['en']}
        plan={(c) => planProbeBatch({ set: pair, targets: targetsFor(remote.filter((p) => c.providerIds.includes(p.id))), languages: c.languages, now: 0 })}
        onStart={onStart}
        startLabel="Run"
        onOpenSettings={vi.fn()}
      />,
    );
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
    render(
      <BatchView
        batch={batch}
        runs={runs}
        onControl={onControl}
        onRead={vi.fn()}
        dashboardUrl="chrome-extension://x/dashboard.html#batch=b1"
        onClose={vi.fn()}
      />,
    );
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
    render(<BatchView batch={batch} runs={runs} onControl={vi.fn()} onRead={vi.fn()} dashboardUrl="#" onClose={vi.fn()} />);
    expect(screen.getByTestId('batch-status').textContent).toBe('Paused');
    expect(screen.getByTestId('batch-progress-text').textContent).toContain('1 waiting to resume');
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
  });

  test('a survey batch shows each index with mean, interval, n and refusals, as scoring the same answers gives', () => {
    const { batch, runs } = surveyBatch();
    render(<BatchView batch={batch} runs={runs} onControl={vi.fn()} onRead={vi.fn()} dashboardUrl="#" onClose={vi.fn()} />);
    const answers: Record<string, number[]> = {};
    for (let n = 1; n <= 24; n++) answers[`m${String(n).padStart(2, '0')}`] = [(n % 5) + 1];
    const expected = scoreInstrument(questionnaire, answers, { PDI: 50 });
    for (const [index, value] of Object.entries(expected)) {
      const row = document.querySelector(`tr[data-index="${index}"]`)!;
      expect(Number(row.querySelector('[data-testid=index-mean]')!.textContent)).toBeCloseTo(value, 1);
    }
    const pdi = document.querySelector('tr[data-index="PDI"]')!.textContent;
    expect(pdi).toMatch(/—1 ?1$/); // one repetition counted (no interval), one refusal
    expect(screen.getByText('Local alpha-7b · alpha-7b · en — read: 47 · refusals: 1 · waiting for your reading: 0 · failed: 0')).toBeTruthy();
    expect(screen.getByText(/not comparable with published country scores/)).toBeTruthy();
    const table = surveyDataTable(surveyResults(batch.data, runs));
    expect(table.columns).toEqual(['Model and language', 'Index', 'Mean', '95 % low', '95 % high', 'n', 'Refusals', 'Read by a person']);
    expect(table.rows.find((r) => r[1] === 'IDV')).toEqual(['Local alpha-7b · alpha-7b · en', 'IDV', expected.IDV, expected.IDV, expected.IDV, 2, 0, 0]);
  });
});

describe('survey results: hand reading and the chart', () => {
  /** The survey fixture, with m02 of repetition 1 answered by naming two options far apart. */
  const unreadable = () => {
    const { batch, runs } = surveyBatch();
    const m02 = runs.find((r) => r.comparisonId === batch.data.created['en|m02|1'])!;
    m02.text = 'Either 1 or 4, it depends on the day.';
    return { batch, runs, m02 };
  };

  test('an answer the reader cannot read is listed with its item, scale and reason; a value picked is sent to be stored', async () => {
    const { batch, runs, m02 } = unreadable();
    const onRead = vi.fn(async () => undefined);
    render(<BatchView batch={batch} runs={runs} onControl={vi.fn()} onRead={onRead} dashboardUrl="#" onClose={vi.fn()} />);
    expect(screen.getByTestId('to-read-notice').textContent).toBe('1 answer needs your reading: until you read it, it is left out of the indices.');
    const card = screen.getByTestId('to-read');
    expect(card.textContent).toContain('m02 · Local alpha-7b · alpha-7b · English · repetition 1');
    expect(card.textContent).toContain('Placeholder statement number 2 for testing the survey runner?');
    expect(card.textContent).toContain('Scale: 1 = placeholder point one · 2 = placeholder point two');
    expect(card.querySelector('blockquote')!.textContent).toBe('Either 1 or 4, it depends on the day.');
    expect(card.textContent).toContain('Reader: names two options that are not neighbours (1 and 4)');
    const group = screen.getByRole('group', { name: 'Your reading of m02 · Local alpha-7b · alpha-7b · English · repetition 1' });
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5', 'Refused']);
    fireEvent.click(screen.getByRole('button', { name: '2.5 — between 2 and 3' }));
    await waitFor(() => expect(onRead).toHaveBeenCalledWith(m02.id, { value: 2.5 }));
    fireEvent.click(screen.getByRole('button', { name: 'Refused' }));
    await waitFor(() => expect(onRead).toHaveBeenLastCalledWith(m02.id, { refused: true }));
  });

  test('a reading by a person counts in the index, is marked as theirs, and can be undone', async () => {
    const { batch, runs, m02 } = unreadable();
    m02.surveyReading = { value: 4, by: 'person', at: 1 };
    const onRead = vi.fn(async () => undefined);
    render(<BatchView batch={batch} runs={runs} onControl={vi.fn()} onRead={onRead} dashboardUrl="#" onClose={vi.fn()} />);
    expect(screen.queryByTestId('to-read')).toBeNull();
    expect(screen.getByTestId('needs-reading').textContent).toContain('Every answer has a reading.');
    const pdi = document.querySelector('tr[data-index="PDI"]')!;
    expect(pdi.querySelector('[data-testid=index-by-person]')!.textContent).toBe('1');
    expect(document.querySelector('tr[data-index="IDV"] [data-testid=index-by-person]')!.textContent).toBe('');
    expect(screen.getByTestId('by-person-note').textContent).toContain('1 answer you read by hand counts in these indices');
    const read = screen.getByTestId('read-by-you');
    expect(read.textContent).toContain('m02 · Local alpha-7b · alpha-7b · English · repetition 1: 4');
    fireEvent.click(screen.getByRole('button', { name: 'Undo your reading of m02 · Local alpha-7b · alpha-7b · English · repetition 1' }));
    await waitFor(() => expect(onRead).toHaveBeenCalledWith(m02.id, null));
  });

  test("the chart has a panel per index with the run's mean, and published values as marks that can be hidden", () => {
    const { batch, runs } = surveyBatch();
    render(<BatchView batch={batch} runs={runs} onControl={vi.fn()} onRead={vi.fn()} dashboardUrl="#" onClose={vi.fn()} />);
    const chart = screen.getByTestId('index-chart');
    expect([...chart.querySelectorAll('.index-panel')].map((p) => p.getAttribute('data-index'))).toEqual(['PDI', 'IDV', 'MAS', 'UAI', 'LTO', 'IVR']);
    const uai = chart.querySelector('[data-index=UAI]')!;
    expect([...uai.querySelectorAll('.ref-mark')].map((m) => m.getAttribute('data-reference'))).toEqual([
      'gpt-4-en',
      'gpt-3.5-en',
      'gemma-7b-it',
      'llama-2-7b-chat',
    ]);
    // GPT-4's UAI −205 at C 0; gemma's 90 was published with C 50 and is drawn at this run's C 0.
    expect(uai.querySelector('[data-reference=gpt-4-en] title')!.textContent).toBe('C: -205');
    expect(uai.querySelector('[data-reference=gemma-7b-it] title')!.textContent).toBe('A: 40');
    expect(screen.getByTestId('reference-gemma-7b-it').textContent).toContain('gemma-7b-it: PDI 25 · IDV 50 · MAS 50 · UAI 90 · LTO 50 · IVR 50');
    expect(screen.getByTestId('reference-gemma-7b-it').textContent).toContain('published with C = 50; drawn at this run’s C');
    expect(screen.getByTestId('reference-gpt-4-en').textContent).toContain('Masoud et al. 2023');
    fireEvent.click(screen.getByRole('checkbox', { name: /GPT-4, English prompt/ }));
    expect(uai.querySelector('[data-reference=gpt-4-en]')).toBeNull();
    expect(uai.textContent).toContain('Local alpha-7b · alpha-7b · en — ');
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
    const incomplete = placeholderQuestionnaire()
      .split('\n')
      .filter((l) => !/^(3|17)\. /.test(l))
      .join('\n');
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
