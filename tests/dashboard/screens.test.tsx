// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { BatchScreen, type BatchScreenProps } from '@/entrypoints/dashboard/BatchScreen';
import { ComparisonScreen } from '@/entrypoints/dashboard/ComparisonScreen';
import type { SurveyResult } from '@/utils/core/dashboard/survey';
import { analyseComparison } from '@/utils/core/analysis/comparison';
import { item, markerClassifier, markerFeatures, run } from './fixtures';

afterEach(cleanup);

const shown = item('c1', Date.UTC(2025, 2, 1, 9), (c) => [
  run(c, 0, 'alpha', 'en', 'There are several views. Some argue homework builds habits; others say it adds stress. **Balance** matters.'),
  run(c, 1, 'alpha', 'de', 'Es tut mir leid, aber dabei kann ich nicht helfen.', {
    answerLanguage: { code: 'de', confidence: 0.95 },
    backTranslation: { language: 'en', from: 'de', text: "I'm sorry, but I can't help with that.", engine: 'model', model: 'polyglot' },
  }),
  run(c, 2, 'beta', 'ja', 'いいえ。宿題は学習の習慣を身につけるのに役立ちます。', {
    answerLanguage: { code: 'ja', confidence: 0.95 },
    backTranslation: { language: 'en', from: 'ja', text: 'No. Homework helps build study habits.', engine: 'model', model: 'polyglot' },
  }),
  run(c, 3, 'beta', 'de', '', { state: 'failed', error: 'The server answered 500.' }),
]);
shown.comparison.prompt = 'Should homework be banned?';
shown.comparison.language = 'en';
const analysis = analyseComparison(shown.comparison, shown.runs);

describe('ComparisonScreen (projector)', () => {
  test('the prompt, the verdict on top, then every answer named model · language with the panel’s badges', async () => {
    render(<ComparisonScreen recent={[shown.comparison]} shown={shown} analysis={analysis} onPick={() => {}} />);
    expect(screen.getByTestId('dashboard-prompt').textContent).toBe('Should homework be banned?');
    expect(screen.getByTestId('dashboard-verdict').textContent).toBe(analysis.verdict);
    expect(analysis.verdict).toContain('declined in German');
    const answers = screen.getAllByTestId('answer');
    expect(answers.map((a) => a.getAttribute('aria-label'))).toEqual(['alpha · English', 'alpha · German', 'beta · Japanese', 'beta · German']);
    expect(answers.map((a) => a.querySelector('[data-testid=answer-name]')?.textContent)).toEqual([
      'alpha · English',
      'alpha · German',
      'beta · Japanese',
      'beta · German',
    ]);
    expect(answers.map((a) => a.querySelector('[data-testid=refusal-badge]')?.textContent ?? null)).toEqual(['Answered', 'Refused', 'Answered', null]);
    expect(
      within(answers[0]!)
        .getAllByTestId('value-chip')
        .map((c) => c.textContent),
    ).toContain('Balanced');
    expect(
      within(answers[2]!)
        .getAllByTestId('value-chip')
        .map((c) => c.textContent),
    ).toContain('Stance: against');
    expect(within(answers[3]!).getByText('Failed')).toBeTruthy();
    expect(within(answers[3]!).getByText('The server answered 500.')).toBeTruthy();
    // Markdown of the answer is rendered (lazily), not shown as raw asterisks.
    await waitFor(() => expect(answers[0]!.querySelector('.answer-text strong')?.textContent).toBe('Balance'));
  });

  test('German and Japanese answers: the original and its translation back into the reader’s language, both labelled', async () => {
    render(<ComparisonScreen recent={[shown.comparison]} shown={shown} analysis={analysis} onPick={() => {}} />);
    const [, german, japanese] = screen.getAllByTestId('answer');
    expect([...german!.querySelectorAll('.answer-label')].map((l) => l.textContent)).toEqual(['Original · German', 'Translated back into English by polyglot']);
    expect([...japanese!.querySelectorAll('.answer-label')].map((l) => l.textContent)).toEqual([
      'Original · Japanese',
      'Translated back into English by polyglot',
    ]);
    await waitFor(() => expect(within(japanese!).getByTestId('answer-back-text').textContent).toBe('No. Homework helps build study habits.'));
    expect(within(japanese!).getByTestId('answer-text').getAttribute('lang')).toBe('ja');
    expect(within(japanese!).getByTestId('answer-text').textContent).toBe('いいえ。宿題は学習の習慣を身につけるのに役立ちます。');
    expect(within(japanese!).getByTestId('answer-back-text').getAttribute('lang')).toBe('en');
    expect(screen.getAllByTestId('answer')[0]!.querySelector('.answer-label')).toBeNull(); // English needs no translation
  });

  test('while the analysis loads the badges say so, and no verdict is guessed', () => {
    render(<ComparisonScreen recent={[shown.comparison]} shown={shown} analysis={undefined} onPick={() => {}} />);
    const badges = screen.getAllByTestId('refusal-badge').map((b) => b.textContent);
    expect(badges).toEqual(['Refusal: analysis pending', 'Refusal: analysis pending', 'Refusal: analysis pending']);
    expect(screen.queryByTestId('dashboard-verdict')).toBeNull();
  });

  test('the picker lists recent comparisons and reports the choice; a missing one is said so', () => {
    const other = item('c2', Date.UTC(2025, 2, 2), () => [], {}).comparison;
    const onPick = vi.fn();
    const { rerender } = render(<ComparisonScreen recent={[other, shown.comparison]} shown={shown} analysis={null} onPick={onPick} />);
    const picker = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Comparison' });
    expect(picker.value).toBe('c1');
    expect(picker.options.length).toBe(2);
    fireEvent.change(picker, { target: { value: 'c2' } });
    expect(onPick).toHaveBeenCalledWith('c2');
    rerender(<ComparisonScreen recent={[other]} shown={null} analysis={null} onPick={onPick} />);
    expect(screen.getByRole('heading', { name: 'Comparison not found' })).toBeTruthy();
  });
});

const DAY = 86_400_000;
const T0 = new Date(2025, 2, 10).getTime();
const batch = [
  item('p1', T0, (c) => [run(c, 0, 'alpha', 'fr', 'Non [refuse]'), run(c, 1, 'alpha', 'sw', 'Ndiyo [balanced]')], {
    batchId: 'over-refusal',
    tags: ['class-a'],
  }),
  item('p2', T0 + DAY, (c) => [run(c, 0, 'alpha', 'fr', 'Oui [hedge]'), run(c, 1, 'alpha', 'sw', 'Hapana [refuse]')], { batchId: 'over-refusal' }),
  item('x1', T0 + 2 * DAY, (c) => [run(c, 0, 'beta', 'fr', 'Oui')], { tags: ['class-a'] }),
];

function renderBatch(over: Partial<BatchScreenProps> = {}) {
  const props: BatchScreenProps = {
    items: batch,
    filter: {},
    batchId: null,
    batchNames: new Map([['over-refusal', 'Over-refusal probes']]),
    classify: markerClassifier().classify,
    features: markerFeatures,
    surveys: [],
    surveyError: null,
    lookKey: 'k',
    onFilter: vi.fn(),
    onBatch: vi.fn(),
    onLoadSurveys: vi.fn(),
    ...over,
  };
  return { ...render(<BatchScreen {...props} />), props };
}

const rowsOf = (testId: string) => [...screen.getByTestId(testId).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('BatchScreen', () => {
  test('totals and refusal table for everything; choosing a batch is reported', () => {
    const { props } = renderBatch();
    expect(screen.getByTestId('batch-totals').textContent).toBe('3 comparisons · 5 answers of 5 runs · 2 languages · 2 models');
    expect(rowsOf('figure-refusal-by-language-and-model')).toEqual([
      ['français (fr)', 'Lab alpha · alpha', '2', '1', '0', '50', '0', '0', '0'],
      ['français (fr)', 'Lab beta · beta', '1', '0', '0', '0', '0', '0', '0'],
      ['Kiswahili (sw)', 'Lab alpha · alpha', '2', '1', '0', '50', '0', '0', '0'],
    ]);
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Probe set or batch' });
    expect([...select.options].map((o) => o.textContent)).toEqual(['All comparisons', 'Over-refusal probes']);
    fireEvent.change(select, { target: { value: 'over-refusal' } });
    expect(props.onBatch).toHaveBeenCalledWith('over-refusal');
  });

  test('a batch and a tag narrow the charts', () => {
    renderBatch({ batchId: 'over-refusal', filter: { tag: 'class-a' } });
    expect(screen.getByTestId('batch-totals').textContent).toBe('1 comparison · 2 answers of 2 runs · 2 languages · 1 model');
    expect(rowsOf('figure-value-features-by-language').map((r) => r.slice(0, 4))).toEqual([
      ['français (fr)', '1', '1', '0'],
      ['Kiswahili (sw)', '1', '1', '100'],
    ]);
  });

  test('dates are read as whole local days', () => {
    const { props } = renderBatch();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-11' } });
    expect(props.onFilter).toHaveBeenLastCalledWith({ since: new Date(2025, 2, 11).getTime() });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-03-11' } });
    expect(props.onFilter).toHaveBeenLastCalledWith({ until: new Date(2025, 2, 11, 23, 59, 59, 999).getTime() });
  });

  test('without analysis the refusal and feature charts say "analysis pending" and draw nothing', () => {
    renderBatch({ classify: null, features: null });
    expect(document.querySelectorAll('canvas')).toHaveLength(0);
    expect(screen.getByText('Analysis pending: no answer has a refusal verdict yet.')).toBeTruthy();
    expect(screen.getByText('Analysis pending: no answer has value features yet.')).toBeTruthy();
    expect(rowsOf('figure-refusal-by-language-and-model').map((r) => r[5])).toEqual(['—', '—', '—']);
  });

  test('a filter that matches nothing says so', () => {
    renderBatch({ filter: { tag: 'class-a' }, batchId: 'no-such-batch' });
    expect(screen.getByRole('heading', { name: 'Nothing matches' })).toBeTruthy();
  });

  test('survey results: a radar and interval bars share one table with mean, interval and n', () => {
    const surveys: SurveyResult[] = [
      { label: 'alpha · fr', indices: { PDI: { mean: 40, low: 31, high: 49, n: 5 }, UAI: { mean: -12, low: -20, high: -4, n: 5 } } },
    ];
    renderBatch({ surveys });
    expect(screen.getAllByRole('table')).toHaveLength(3);
    expect(rowsOf('figure-survey-radar')).toEqual([
      ['alpha · fr', 'PDI', '40', '31', '49', '5', '—'],
      ['alpha · fr', 'UAI', '-12', '-20', '-4', '5', '—'],
    ]);
    expect(screen.getByTestId('figure-survey-intervals').textContent).toContain('The numbers are in the table above.');
  });

  test('a survey file is read and handed over; a parse error is shown', async () => {
    const { props } = renderBatch({ surveyError: 'Could not read survey results: The file has no results' });
    expect(screen.getByRole('alert').textContent).toContain('The file has no results');
    const input = screen.getByLabelText<HTMLInputElement>('Survey results file');
    const file = new File(['[{"label":"a","indices":{}}]'], 'survey.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(props.onLoadSurveys).toHaveBeenCalledWith('[{"label":"a","indices":{}}]'));
  });

  test('with nothing stored only the survey part is shown', () => {
    renderBatch({ items: [] });
    expect(screen.queryByTestId('batch-totals')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Nothing matches' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Survey results' })).toBeTruthy();
  });
});
