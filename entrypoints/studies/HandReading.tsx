import { useState } from 'preact/hooks';
import { needsReading, type SurveyAnswer } from '@/utils/core/batches/survey-answers';
import { handValues, type HandChoice } from '@/utils/core/surveys/hand-reading';
import { languageLabel } from '@/utils/core/runner/names';
import { listOf, t, uiLanguage } from '@/utils/core/i18n';

export interface HandReadingProps {
  answers: SurveyAnswer[];
  /** Stores a person's reading (null takes it back); rejects with a message for the user. */
  onRead: (runId: string, reading: HandChoice | null) => Promise<void>;
}

const number = (v: number) => v.toLocaleString(uiLanguage());
/** "2 and 4" as the reader writes it, in the UI's language. */
const list = (values: string) => listOf(values.split(/, | and /).map((v) => number(Number(v))));

/** The reader's reason, in the page's language. */
export function readerReason(invalid: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^names two options that are not neighbours: (.+)$/.exec(invalid))) return t('studiesReasonFarApart', list(m[1]!));
  if ((m = /^names more than two options: (.+)$/.exec(invalid))) return t('studiesReasonMany', list(m[1]!));
  if ((m = /^ambiguous: mentions (.+)$/.exec(invalid))) return t('studiesReasonAmbiguous', list(m[1]!));
  if ((m = /^(\S+) is outside the (\S+) scale$/.exec(invalid))) return t('studiesReasonOutside', number(Number(m[1])), m[2]!);
  if ((m = /^no answer on the (\S+) scale found$/.exec(invalid))) return t('studiesReasonNone', m[1]!);
  if (invalid === 'empty answer') return t('studiesReasonEmpty');
  return invalid;
}

const where = (a: SurveyAnswer) => t('studiesAnswerWhere', a.itemId, a.model, languageLabel(a.language), a.repetition);
const labelOf = (a: SurveyAnswer, value: number) => {
  const point = a.scale.points.find((p) => p.value === value);
  return point?.label[a.language] ?? point?.label.en ?? '';
};

/** One answer to read: the item, its scale, the answer, the reader's reason, and a button per value. */
function ToRead({ answer, onRead }: { answer: SurveyAnswer; onRead: HandReadingProps['onRead'] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pick = async (choice: HandChoice) => {
    setBusy(true);
    setError(null);
    try {
      await onRead(answer.runId, choice);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const labelled = answer.scale.points.every((p) => labelOf(answer, p.value));
  const scale = labelled
    ? answer.scale.points.map((p) => `${p.value} = ${labelOf(answer, p.value)}`).join(' · ')
    : `${answer.scale.points[0]!.value}–${answer.scale.points[answer.scale.points.length - 1]!.value}`;
  return (
    <li class="to-read" data-testid="to-read" data-item={answer.itemId}>
      <p class="to-read-where">{where(answer)}</p>
      {answer.item && (
        <p dir="auto" class="to-read-item">
          {answer.item}
        </p>
      )}
      <p class="muted" dir="auto">
        {t('studiesScale', scale)}
      </p>
      <blockquote dir="auto" class="answer-text">
        {answer.text}
      </blockquote>
      {'invalid' in answer.reader && <p class="muted">{t('studiesReaderSaid', readerReason(answer.reader.invalid))}</p>}
      <div class="choice-buttons" role="group" aria-label={t('studiesYourReading', where(answer))}>
        {handValues(answer.scale).map((v) => {
          const name = Number.isInteger(v)
            ? labelOf(answer, v)
              ? `${number(v)} — ${labelOf(answer, v)}`
              : number(v)
            : t('studiesHalfPoint', number(v), number(v - 0.5), number(v + 0.5));
          return (
            <button
              key={v}
              class={`button small ${Number.isInteger(v) ? '' : 'secondary half'}`}
              disabled={busy}
              aria-label={name}
              title={name}
              onClick={() => void pick({ value: v })}
            >
              {number(v)}
            </button>
          );
        })}
        <button class="button small secondary" disabled={busy} onClick={() => void pick({ refused: true })}>
          {t('studiesRefusedButton')}
        </button>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** "Needs your reading": answers the reader could not read; below, the ones a person read, each undoable. */
export function HandReading({ answers, onRead }: HandReadingProps) {
  const toRead = needsReading(answers);
  const read = answers.filter((a) => a.by === 'person');
  const [error, setError] = useState<string | null>(null);
  const undo = async (runId: string) => {
    setError(null);
    try {
      await onRead(runId, null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  if (!toRead.length && !read.length) return null;
  return (
    <section class="hand-reading" aria-labelledby="to-read-title" data-testid="needs-reading">
      <h3 id="to-read-title">{t('studiesNeedsReadingTitle', toRead.length)}</h3>
      {toRead.length > 0 ? (
        <>
          <p class="muted">{t('studiesNeedsReadingIntro')}</p>
          <ol class="to-read-list">
            {toRead.map((a) => (
              <ToRead key={a.runId} answer={a} onRead={onRead} />
            ))}
          </ol>
        </>
      ) : (
        <p class="muted" role="status">
          {t('studiesAllRead')}
        </p>
      )}
      {read.length > 0 && (
        <details class="read-by-you" data-testid="read-by-you" open={toRead.length === 0}>
          <summary>{t('studiesReadByYouTitle', read.length)}</summary>
          <ul>
            {read.map((a) => (
              <li key={a.runId} data-item={a.itemId}>
                {where(a)}: <strong>{'value' in a.result ? number(a.result.value) : t('studiesRefusedValue')}</strong>{' '}
                <button class="link" onClick={() => void undo(a.runId)} aria-label={t('studiesUndoReading', where(a))}>
                  {t('undo')}
                </button>
              </li>
            ))}
          </ul>
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
        </details>
      )}
    </section>
  );
}
