import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { estimateBatch, type Prices } from '@/utils/core/batches/plan';
import type { BatchData } from '@/utils/core/batches/types';
import { t } from '@/utils/core/i18n';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { languageName } from '@/utils/core/translate/languages';
import { Interpolated } from '@/components/shared/Interpolated';
import type { RunChoice } from './state';

/** "about 45 s", "about 3 min", "about 2 h 5 min". */
export function duration(seconds: number): string {
  if (seconds < 90) return t('studiesAboutSeconds', Math.max(1, Math.round(seconds)));
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t('studiesAboutMinutes', minutes);
  return t('studiesAboutHours', Math.floor(minutes / 60), minutes % 60);
}

/** Counts grouped as the page's language writes them (1,234 · 1.234). */
const thousands = (n: number) => n.toLocaleString(t('pageLang'));

export interface RunSetupProps {
  /** Configured endpoints (settings); empty = the page explains how to add one. */
  providers: ProviderConfig[];
  /** Languages this set or questionnaire has text in. */
  languages: string[];
  initialLanguages?: string[];
  /** The batch the choice would run, for the estimate; throws with the reason it cannot run. */
  plan: (choice: RunChoice) => BatchData;
  onStart: (choice: RunChoice) => Promise<unknown>;
  startLabel: string;
  /** Extra fields (survey options) shown above the estimate. */
  children?: ComponentChildren;
  onOpenSettings: () => void;
}

/** Choose endpoints and languages, see what the run will cost before starting it. */
export function RunSetup(props: RunSetupProps) {
  const [providerIds, setProviderIds] = useState<string[]>(() => props.providers.slice(0, 1).map((p) => p.id));
  const [languages, setLanguages] = useState<string[]>(() =>
    (props.initialLanguages ?? props.languages.slice(0, 1)).filter((l) => props.languages.includes(l)),
  );
  const [prices, setPrices] = useState<{ input: string; output: string }>({ input: '', output: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choice: RunChoice = {
    providerIds: props.providers.filter((p) => providerIds.includes(p.id)).map((p) => p.id),
    languages: props.languages.filter((l) => languages.includes(l)),
  };
  const priced: Prices | undefined =
    prices.input !== '' && prices.output !== '' && Number(prices.input) >= 0 && Number(prices.output) >= 0
      ? { input: Number(prices.input), output: Number(prices.output) }
      : undefined;
  const planned = useMemo(() => {
    try {
      return { estimate: estimateBatch(props.plan(choice), priced) };
    } catch (err) {
      return { problem: err instanceof Error ? err.message : String(err) };
    }
  }, [props.plan, choice.providerIds.join(), choice.languages.join(), priced?.input, priced?.output]);
  const toggle = (list: string[], set: (v: string[]) => void, value: string, on: boolean) => set(on ? [...list, value] : list.filter((v) => v !== value));

  if (!props.providers.length) {
    return (
      <div class="empty" role="status">
        <p>{t('studiesNoEndpoint')}</p>
        <button class="button" onClick={props.onOpenSettings}>
          {t('openSettings')}
        </button>
      </div>
    );
  }
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onStart(choice);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="run-setup" aria-label={t('studiesRunSetup')} onSubmit={(e) => (e.preventDefault(), void start())}>
      <fieldset>
        <legend>{t('studiesEndpoints')}</legend>
        {props.providers.map((p) => (
          <label key={p.id} class="toggle">
            <input type="checkbox" checked={providerIds.includes(p.id)} onChange={(e) => toggle(providerIds, setProviderIds, p.id, e.currentTarget.checked)} />
            <span dir="auto">{p.label}</span>{' '}
            <span class="muted" dir="auto">
              {p.model}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('languages')}</legend>
        <div class="choices">
          {props.languages.map((code) => (
            <label key={code} class="toggle">
              <input type="checkbox" checked={languages.includes(code)} onChange={(e) => toggle(languages, setLanguages, code, e.currentTarget.checked)} />
              {languageName(code)} <span class="muted">({code})</span>
            </label>
          ))}
        </div>
      </fieldset>
      {props.children}
      <details class="prices">
        <summary>{t('studiesPrices')}</summary>
        <div class="field-row">
          <label class="field">
            {t('studiesPriceInput')}
            <input
              type="number"
              min="0"
              step="any"
              inputMode="decimal"
              value={prices.input}
              onInput={(e) => setPrices({ ...prices, input: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            {t('studiesPriceOutput')}
            <input
              type="number"
              min="0"
              step="any"
              inputMode="decimal"
              value={prices.output}
              onInput={(e) => setPrices({ ...prices, output: e.currentTarget.value })}
            />
          </label>
        </div>
      </details>
      {'problem' in planned ? (
        <p class="form-error" role="alert" data-testid="run-problem">
          {planned.problem}
        </p>
      ) : (
        <p class="estimate" aria-live="polite" data-testid="estimate">
          <Interpolated
            id={choice.providerIds.length === 1 ? 'studiesEstimateCallsOne' : 'studiesEstimateCalls'}
            parts={[
              <strong key="calls">{t('studiesEstimateAnswers', thousands(planned.estimate.calls))}</strong>,
              thousands(planned.estimate.units),
              choice.providerIds.length,
            ]}
          />{' '}
          · {duration(planned.estimate.seconds)} ·{' '}
          {t('studiesEstimateTokens', thousands(planned.estimate.inputTokens), thousands(planned.estimate.outputTokens))}
          {' · '}
          {planned.estimate.cost !== undefined ? t('studiesEstimateCost', planned.estimate.cost.toFixed(2)) : t('studiesEstimateFree')}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button class="button" type="submit" disabled={busy || 'problem' in planned}>
          {busy ? t('studiesStarting') : props.startLabel}
        </button>
      </div>
    </form>
  );
}
