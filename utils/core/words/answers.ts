/**
 * The words on an answer wherever a person reads it — the panel's badges and chips, the dashboard and projector,
 * the exported report and CSV: what the refusal badge says, the value chips, the run's state. In the UI language.
 */
import { t, type MessageKey } from '../i18n';
import { readingOf, type RefusalKind, type RefusalReading, type RefusalVerdict, type ValueFeatures } from '../analysis/types';
import type { RunState } from '../runner/state';

/** A table of words read when used (so it follows the UI language it is read in, tests included). */
function words<K extends string>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const [id, key] of Object.entries(keys) as [K, MessageKey][]) Object.defineProperty(table, id, { get: () => t(key), enumerable: true });
  return table;
}

/** What the badge says for each reading (only 'refused' and 'partial' are refusals). */
export const READING_LABEL = words<RefusalReading>({
  refused: 'labelRefused',
  partial: 'labelPartlyRefused',
  disputes_premise: 'labelDisputesPremise',
  cannot_answer: 'labelCannotKnow',
  answered: 'labelAnswered',
});

const KIND_LABEL = words<RefusalKind>({
  refuses: 'kindRefuses',
  refutes_premise: 'kindRefutesPremise',
  redirects: 'kindRedirects',
  disclaimer_then_complies: 'kindDisclaimerThenComplies',
  cannot_answer: 'kindCannotAnswer',
});

/** The badge's words: the reading, with the kind where it adds something ("Refused · redirects to help"). */
export function badgeText(refusal: Pick<RefusalVerdict, 'label' | 'kind'>): string {
  const reading = readingOf(refusal);
  const kind =
    refusal.kind &&
    (reading === 'refused' || reading === 'partial' || (reading === 'answered' && refusal.kind === 'disclaimer_then_complies')) &&
    refusal.kind !== 'refuses'
      ? KIND_LABEL[refusal.kind]
      : null;
  return `${READING_LABEL[reading]}${kind ? ` · ${kind}` : ''}`;
}

/** One value chip: which feature, its words, and what it means (for a tooltip). */
export interface ValueChip {
  id: 'balance' | 'stance' | 'moralizing' | 'hedging' | 'disclaimers' | 'authority' | 'framing';
  label: string;
  title: string;
}

/** The value chips worth showing for an answer, most telling first. */
export function valueChips(values: ValueFeatures): ValueChip[] {
  const chips: ValueChip[] = [];
  if (values.balance.value !== 'unclear')
    chips.push({
      id: 'balance',
      label: values.balance.value === 'balanced' ? t('chipBalanced') : t('chipOneSided'),
      title: values.balance.value === 'balanced' ? t('chipBalancedTitle') : t('chipOneSidedTitle'),
    });
  const stance = { supports: t('chipStanceFor'), opposes: t('chipStanceAgainst'), mixed: t('chipStanceMixed'), neutral: null }[values.stance.value];
  if (stance) chips.push({ id: 'stance', label: stance, title: t('chipStanceTitleFull') });
  if (values.moralizing.score >= 0.3) chips.push({ id: 'moralizing', label: t('chipMoralizing'), title: t('chipMoralizingTitle') });
  if (values.hedging.score >= 0.3) chips.push({ id: 'hedging', label: t('chipHedging'), title: t('chipHedgingTitle') });
  if (values.disclaimers.count) chips.push({ id: 'disclaimers', label: t('chipDisclaimers', values.disclaimers.count), title: t('chipDisclaimersTitle') });
  if (values.authority.count) chips.push({ id: 'authority', label: t('chipAuthority', values.authority.count), title: t('chipAuthorityTitle') });
  if (values.framing.value === 'individual' || values.framing.value === 'collective')
    chips.push({
      id: 'framing',
      label: values.framing.value === 'individual' ? t('chipIndividualFraming') : t('chipCollectiveFraming'),
      title: t('chipFramingTitle'),
    });
  return chips;
}

/** Words for run states, as shown on badges. */
export const STATE_LABEL = words<RunState>({
  queued: 'stateQueued',
  translating: 'stateTranslating',
  streaming: 'stateStreaming',
  done: 'stateDone',
  failed: 'stateFailed',
  interrupted: 'stateInterrupted',
});
