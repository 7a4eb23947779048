import { useState } from 'preact/hooks';
import type { PersonaSpec } from '@/utils/platform/messaging/protocol-compose';
import { COUNTRY_PERSONAS } from '@/utils/core/runner/personas';
import { formatCost, formatSeconds, type PlanEstimate } from '@/utils/core/runner/estimate';
import { MAX_REPETITIONS } from '@/utils/platform/storage/templates';
import { listOf, t } from '@/utils/core/i18n';
import { Interpolated } from '../shared/Interpolated';
import { Destination } from '../shared/Destination';
import type { EndpointAddress } from '@/utils/core/providers/destination';
import { plural } from '../shared/format';
import type { AxesModel } from './axes-model';

/** "6 runs · 8 calls · about 30 s · free" */
function estimateLine(e: PlanEstimate): string {
  return [
    plural(e.runs, 'runsOne', 'runsMany'),
    e.calls !== e.runs ? plural(e.calls, 'callsOne', 'callsMany') : '',
    formatSeconds(e.seconds),
    formatCost(e.costUsd),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Writing a persona of one's own: a name and a system prompt. */
function PersonaForm({ onAdd }: { onAdd: (label: string, prompt: string) => Promise<void> }) {
  const [label, setLabel] = useState('');
  const [prompt, setPrompt] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="persona-form">
      <label>
        {t('name')}
        <input value={label} onInput={(e) => setLabel(e.currentTarget.value)} placeholder={t('personaNamePlaceholder')} />
      </label>
      <label>
        {t('systemPrompt')}
        <textarea dir="auto" rows={2} value={prompt} onInput={(e) => setPrompt(e.currentTarget.value)} placeholder={t('personaPromptPlaceholder')} />
      </label>
      {error && (
        <p class="run-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        class="button secondary small"
        disabled={!prompt.trim()}
        onClick={() =>
          void onAdd(label, prompt).then(
            () => {
              setLabel('');
              setPrompt('');
              setError(null);
            },
            (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
          )
        }
      >
        {t('addPersona')}
      </button>
    </div>
  );
}

/** Saved templates: apply one, save the current axes, choose the default, delete. */
function Templates({ model }: { model: AxesModel }) {
  const { templates, defaultTemplateId } = model.prefs.value;
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const current = templates.find((tpl) => tpl.id === chosen);
  return (
    <fieldset>
      <legend>{t('template')}</legend>
      {templates.length === 0 && <span class="muted">{t('noneSavedYet')}</span>}
      {templates.length > 0 && (
        <select
          aria-label={t('savedTemplates')}
          value={chosen}
          onChange={(e) => {
            setChosen(e.currentTarget.value);
            if (e.currentTarget.value) model.applyTemplate(e.currentTarget.value);
          }}
        >
          <option value="">{t('applyTemplate')}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
              {tpl.id === defaultTemplateId ? t('defaultSuffix') : ''}
            </option>
          ))}
        </select>
      )}
      {current && (
        <>
          <button type="button" class="link small" onClick={() => void model.setDefaultTemplate(current.id === defaultTemplateId ? null : current.id)}>
            {current.id === defaultTemplateId ? t('stopUsingAsDefault') : t('useAsDefault')}
          </button>
          <button type="button" class="link small" onClick={() => void model.deleteTemplate(current.id).then(() => setChosen(''))}>
            {t('delete')}
          </button>
        </>
      )}
      <input
        aria-label={t('templateName')}
        placeholder={t('templateNamePlaceholder')}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
        style={{ flex: 1, minWidth: '10rem' }}
      />
      <button type="button" class="button secondary small" disabled={!name.trim()} onClick={() => void model.saveTemplate(name).then(() => setName(''))}>
        {t('saveTemplate')}
      </button>
    </fieldset>
  );
}

/**
 * The prompt box's axes beyond the prompt: which endpoints, personas (built-in countries and the user's own
 * system prompts), how many times at what temperature, whether a captured prompt goes with its conversation,
 * templates, and the estimate of calls, time and cost; a run over 20 answers waits for the user's go-ahead.
 */
export function AxesPicker({ model, text, translator }: { model: AxesModel; text: string; translator?: EndpointAddress | null }) {
  const [writing, setWriting] = useState(false);
  const providers = model.providers.value;
  const axes = model.axes.value;
  const draft = model.draft.value;
  const chosen = axes.providerIds ?? providers.map((p) => p.id);
  const estimate = model.estimate(text || ' ');
  const personas = [...COUNTRY_PERSONAS, ...model.prefs.value.customPersonas];
  const selectedPersona = (id: string) => axes.personas.some((p) => p.id === id);
  const togglePersona = (p: PersonaSpec) =>
    model.setAxes({ personas: selectedPersona(p.id) ? axes.personas.filter((q) => q.id !== p.id) : [...axes.personas, p] });
  const toggleProvider = (id: string) =>
    model.setAxes({
      providerIds: chosen.includes(id) ? chosen.filter((x) => x !== id) : providers.filter((p) => p.id === id || chosen.includes(p.id)).map((p) => p.id),
    });
  const turns = draft?.context?.length ?? 0;
  // Where the prompt goes: every endpoint asked, and the one translating it when it is translated by a model.
  const asked = [...providers.filter((p) => chosen.includes(p.id)), ...(translator && axes.languages.length ? [translator] : [])];
  const summary = [
    plural(chosen.filter((id) => providers.some((p) => p.id === id)).length, 'endpointsOne', 'endpointsMany'),
    axes.languages.length ? plural(axes.languages.length, 'languagesOne', 'languagesMany') : '',
    axes.personas.length ? plural(axes.personas.length, 'personasOne', 'personasMany') : '',
    axes.repetitions > 1 ? t('timesEach', axes.repetitions) : '',
  ]
    .filter(Boolean)
    .join(' × ');

  return (
    <div class="axes-picker">
      {draft?.from && (
        <p class="compose-from muted" role="status">
          {draft.from}.{' '}
          <button type="button" class="link small" onClick={model.clearDraft}>
            {t('startOver')}
          </button>
        </p>
      )}
      {turns > 0 && (
        <fieldset class="axes" data-testid="context-mode">
          <legend>{t('conversation')}</legend>
          <label class="toggle">
            <input type="radio" name="context-mode" checked={model.contextSent.value === 0} onChange={() => (model.contextSent.value = 0)} />
            {t('promptAlone')}
          </label>
          <label class="toggle">
            <input type="radio" name="context-mode" checked={model.contextSent.value > 0} onChange={() => (model.contextSent.value = Math.min(turns, 2))} />
            {t('withTheLast')}
          </label>
          <select
            aria-label={t('previousTurnsToSend')}
            value={String(model.contextSent.value || Math.min(turns, 2))}
            onChange={(e) => (model.contextSent.value = Number(e.currentTarget.value))}
          >
            {Array.from({ length: turns }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {plural(n, 'turnsOne', 'turnsMany')}
              </option>
            ))}
          </select>
          <span class="muted">{plural(turns, 'ofEarlierTurnsOne', 'ofEarlierTurnsMany')}</span>
        </fieldset>
      )}
      <details class="axes">
        <summary>
          <strong>{t('ask')}</strong> <span data-testid="axes-summary">{summary}</span>
          <span class="muted" data-testid="estimate">
            {estimateLine(estimate)}
          </span>
          <Destination endpoints={asked} testId="axes-destination" />
        </summary>

        <fieldset>
          <legend>{t('endpoints')}</legend>
          {providers.length === 0 && <span class="muted">{t('noEndpointYet')}</span>}
          {providers.map((p) => (
            <label key={p.id} class="toggle">
              <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggleProvider(p.id)} />
              {p.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('personas')}</legend>
          {personas.map((p) => (
            <label key={p.id} class="toggle" title={p.systemPrompt}>
              <input type="checkbox" checked={selectedPersona(p.id)} onChange={() => togglePersona(p)} />
              {p.label}
              {p.id.startsWith('custom-') && (
                <button type="button" class="link small" aria-label={t('deletePersona', p.label)} onClick={() => void model.removePersona(p.id)}>
                  ×
                </button>
              )}
            </label>
          ))}
          <button type="button" class="link small" aria-expanded={writing} onClick={() => setWriting(!writing)}>
            {writing ? t('close') : t('writeYourOwn')}
          </button>
          {writing && (
            <PersonaForm
              onAdd={async (label, prompt) => {
                togglePersona(await model.addPersona(label, prompt));
                setWriting(false);
              }}
            />
          )}
        </fieldset>
        <fieldset>
          <legend>{t('sampling')}</legend>
          <label class="toggle">
            <Interpolated
              id="askEachTimes"
              parts={[
                <input
                  key="times"
                  type="number"
                  min={1}
                  max={MAX_REPETITIONS}
                  value={axes.repetitions}
                  aria-label={t('timesToAsk')}
                  onInput={(e) => model.setAxes({ repetitions: Number(e.currentTarget.value) || 1 })}
                />,
              ]}
            />
          </label>
          <label class="toggle">
            {t('temperature')}
            <input
              type="number"
              min={0}
              max={2}
              step={0.1}
              placeholder={t('defaultPlaceholder')}
              value={axes.temperature ?? ''}
              aria-label={t('temperature')}
              onInput={(e) => model.setAxes({ temperature: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })}
            />
          </label>
        </fieldset>
        <Templates model={model} />
        {estimate.unpriced.length > 0 && <p class="muted axes-estimate">{t('noKnownPrice', estimate.unpriced.join(', '))}</p>}
      </details>
      {model.captureSites.value.length > 0 && (
        <p class="muted small-note" data-testid="capture-axes-note">
          {t('capturedAskedSameWay', listOf(model.captureSites.value))}
        </p>
      )}
      {model.problem.value && (
        <p class="run-error" role="alert">
          {model.problem.value}
        </p>
      )}
      {model.confirming.value !== null && (
        <div class="axes-confirm" role="alertdialog" aria-label={t('confirmLargeRun')}>
          <span>{t('confirmAsksFor', model.confirming.value, estimateLine(estimate))}</span>
          <button type="submit" class="button small" onClick={model.confirm}>
            {t('startRuns', model.confirming.value)}
          </button>
          <button type="button" class="link small" onClick={model.cancelConfirm}>
            {t('change')}
          </button>
        </div>
      )}
    </div>
  );
}
