import { useState } from 'preact/hooks';
import type { Comparison } from '@/utils/core/runner/types';
import { languageLabel } from '@/utils/core/runner/names';
import { detectLanguage } from '@/utils/core/translate/detect';
import { listOf, t, uiLanguage } from '@/utils/core/i18n';
import { MAX_CAPTURED_PROMPT_CHARS } from '@/utils/core/sites/capture-limits';
import { plural } from '../shared/format';
import { TranslatorProblem, missingReasons, type TranslatorChoice } from './TranslatorProblem';

export interface HeldRunsBarProps {
  comparison: Comparison;
  /** Endpoints that could translate instead of Chrome's translator. */
  translatorModels: TranslatorChoice[];
  /** Asks the held runs (or drops them with `dismiss`). */
  onExtend: (dismiss?: boolean) => Promise<void>;
  onUseModel: (providerId: string) => Promise<void>;
}

/** "3 endpoints × 4 languages × 5 times" of held axes. */
function axesSummary(axes: NonNullable<Comparison['held']>['axes'], endpoints: number | null): string {
  return [
    endpoints !== null ? plural(endpoints, 'endpointsOne', 'endpointsMany') : '',
    axes.languages.length ? plural(axes.languages.length, 'languagesOne', 'languagesMany') : '',
    axes.personas.length ? plural(axes.personas.length, 'personasOne', 'personasMany') : '',
    axes.repetitions > 1 ? t('timesEach', axes.repetitions) : '',
  ]
    .filter(Boolean)
    .join(' × ');
}

/**
 * Runs a picked-up prompt did not start by itself, with the way to ask them: a confirmation for a large run or a
 * very long prompt, or the translator problem (download Chrome's packs, or translate with a model) for languages not reached.
 */
export function HeldRunsBar({ comparison, translatorModels, onExtend, onUseModel }: HeldRunsBarProps) {
  const [busy, setBusy] = useState(false);
  const held = comparison.held;
  if (!held) return null;
  const act = (dismiss?: boolean) => {
    setBusy(true);
    return onExtend(dismiss).finally(() => setBusy(false));
  };
  const dismiss = (
    <button type="button" class="link small" disabled={busy} onClick={() => void act(true)}>
      {t('heldDismiss')}
    </button>
  );
  if (held.reason === 'confirm') {
    return (
      <div class="held-bar" role="alert" data-testid="held-runs">
        <p>
          {held.chars
            ? t(
                'heldLongPrompt',
                held.chars.toLocaleString(uiLanguage()),
                MAX_CAPTURED_PROMPT_CHARS.toLocaleString(uiLanguage()),
                held.runs,
                axesSummary(held.axes, held.axes.providerIds?.length ?? null),
              )
            : t('heldConfirm', held.runs, axesSummary(held.axes, held.axes.providerIds?.length ?? null))}
        </p>
        <div class="held-actions">
          <button type="button" class="button small" disabled={busy} onClick={() => void act()}>
            {t('heldAskThem')}
          </button>
          {dismiss}
        </div>
      </div>
    );
  }
  const missing = held.missing ?? held.axes.languages.map((language) => ({ language, availability: 'no-translator' as const }));
  const languages = listOf(missing.map((m) => languageLabel(m.language)));
  const none = missing.every((m) => m.availability === 'no-translator');
  return (
    <TranslatorProblem
      message={none ? t('heldTranslatorNone', languages) : t('heldTranslatorChrome', languages, missingReasons(missing))}
      missing={missing}
      source={comparison.language ?? detectLanguage(comparison.prompt).code ?? 'en'}
      models={translatorModels}
      onReady={() => act()}
      onUseModel={onUseModel}
    >
      {dismiss}
    </TranslatorProblem>
  );
}
