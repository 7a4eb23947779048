/** Where a comparison's prompt came from, in the UI language: history rows, headers, the exported report. */
import { t } from '../i18n';
import type { Comparison, ComparisonSource } from '../runner/types';

/** The host of a URL, or the text as it is when it is not one. */
const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Where a prompt came from: "ChatGPT (chatgpt.com)", "Typed in Parallax", "Selected on Example Domain". */
export function sourceLabel(source: ComparisonSource): string {
  if (source.kind === 'panel') return t('typedInParallax');
  if (source.kind === 'page') return source.title || source.url ? t('selectedOn', source.title || hostOf(source.url)) : t('selectedOnAPage');
  // A site the user added has no name of its own: its host says it.
  return source.site === 'generic' ? hostOf(source.url) : `${source.siteName} (${hostOf(source.url)})`;
}

/**
 * Where a comparison came from: a Studies run names its study ("From the study “Refusals by language”"; "From
 * a study" when the study is no longer stored), anything else its source.
 */
export function originLabel(comparison: Pick<Comparison, 'source' | 'batchId'>, studyName?: string): string {
  if (comparison.batchId) return studyName ? t('fromStudy', studyName) : t('fromAStudy');
  return sourceLabel(comparison.source);
}
