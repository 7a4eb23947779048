import { useEffect, useState } from 'preact/hooks';
import { siteHealthItem, type SiteHealthReport } from '@/utils/platform/capture/site-health';
import type { SelectorGroup } from '@/utils/core/sites/types';
import { t } from '@/utils/core/i18n';
import { Interpolated } from '../shared/Interpolated';

/** What stops working when a selector group is missing, as one whole sentence per group. */
function message(site: string, group: SelectorGroup): string {
  switch (group) {
    case 'composer':
      return t('healthComposer', site);
    case 'sendButton':
      return t('healthSendButton', site);
    case 'userTurn':
      return t('healthUserTurn', site);
    case 'assistantTurn':
      return t('healthAssistantTurn', site);
  }
}

/** Sites whose selectors failed, live from storage.session; `dismiss` hides one until it is reported again. */
function useSiteHealth(): { reports: SiteHealthReport[]; dismiss: (key: string) => void } {
  const [reports, setReports] = useState<Record<string, SiteHealthReport>>({});
  useEffect(() => {
    let changed = false; // a change seen by the watcher is newer than the first read
    void siteHealthItem.getValue().then((first) => changed || setReports(first));
    return siteHealthItem.watch((next) => {
      changed = true;
      setReports(next ?? {});
    });
  }, []);
  const dismiss = (key: string) => {
    void siteHealthItem.getValue().then((all) => {
      return siteHealthItem.setValue(Object.fromEntries(Object.entries(all).filter(([k]) => k !== key)));
    });
  };
  return { reports: Object.values(reports).sort((a, b) => b.at - a.at), dismiss };
}

export interface SiteHealthNoticeProps {
  onOpenSettings: () => void;
}

/**
 * At the top of the panel: each enabled site where capture stopped working because the site changed, what no
 * longer works there, and ways on (copy the details for a report, open settings, dismiss).
 */
export function SiteHealthNotice({ onOpenSettings }: SiteHealthNoticeProps) {
  const { reports, dismiss } = useSiteHealth();
  const [copied, setCopied] = useState<string | null>(null);
  if (!reports.length) return null;
  const copy = (report: SiteHealthReport) => {
    const details = JSON.stringify({ site: report.key, page: report.url, missing: report.missing, checked: new Date(report.at).toISOString() }, null, 2);
    void navigator.clipboard
      .writeText(details)
      .then(() => setCopied(report.key))
      .catch(() => setCopied(null));
  };
  return (
    <>
      {reports.map((report) => (
        <div key={report.key} class="notice" role="status" data-testid="site-health">
          <p>{message(report.siteName, report.missing[0] ?? 'composer')}</p>
          <p class="muted">
            <Interpolated
              id="healthChecked"
              parts={[
                <span key="url" dir="auto">
                  {report.url}
                </span>,
              ]}
            />
          </p>
          <button class="link" onClick={() => copy(report)}>
            {copied === report.key ? t('detailsCopied') : t('copyDetails')}
          </button>
          <button class="link" onClick={onOpenSettings}>
            {t('siteSettings')}
          </button>
          <button class="link" onClick={() => dismiss(report.key)} aria-label={t('dismissNoticeAbout', report.siteName)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </>
  );
}
