/** The words of refusal badges, shared by the panel, the dashboard and the projector. */
import { t } from '@/utils/core/i18n';
import { readingOf, type RefusalReading, type RefusalVerdict } from '@/utils/core/analysis/types';

/** What the badge says for each reading (only 'refused' and 'partial' are refusals). */
export const READING_LABEL: Record<RefusalReading, string> = {
  refused: t('labelRefused'),
  partial: t('labelPartlyRefused'),
  disputes_premise: t('labelDisputesPremise'),
  cannot_answer: t('labelCannotKnow'),
  answered: t('labelAnswered'),
};
export const KIND_LABEL = {
  refuses: t('kindRefuses'),
  refutes_premise: t('kindRefutesPremise'),
  redirects: t('kindRedirects'),
  disclaimer_then_complies: t('kindDisclaimerThenComplies'),
  cannot_answer: t('kindCannotAnswer'),
} as const;

/** The badge's words: the reading, with the kind where it adds something ("Refused · redirects to help"). */
export function badgeText(refusal: Pick<RefusalVerdict, 'label' | 'kind'>): string {
  const reading = readingOf(refusal);
  const kind = refusal.kind && (reading === 'refused' || reading === 'partial' || (reading === 'answered' && refusal.kind === 'disclaimer_then_complies')) && refusal.kind !== 'refuses' ? KIND_LABEL[refusal.kind] : null;
  return `${READING_LABEL[reading]}${kind ? ` · ${kind}` : ''}`;
}

