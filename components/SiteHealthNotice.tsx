import { useEffect, useState } from 'preact/hooks';
import { siteHealthItem, type SiteHealthReport } from '@/utils/capture/site-health';
import type { SelectorGroup } from '@/utils/sites/types';

/** What stops working when a selector group is missing, as one whole sentence per group. */
function message(site: string, group: SelectorGroup): string {
  switch (group) {
    case 'composer':
      return `Capture on ${site} needs an update: the composer was not found. Prompts there are not picked up.`;
    case 'sendButton':
      return `Capture on ${site} needs an update: the send button was not found. Prompts sent with the button may not be picked up.`;
    case 'userTurn':
      return `Capture on ${site} needs an update: your messages on the page were not found. The conversation before a prompt is not kept.`;
    case 'assistantTurn':
      return `Capture on ${site} needs an update: the site's answers were not found. Its own answer is not added to comparisons.`;
  }
}

/** Sites whose selectors failed, live from storage.session; `dismiss` hides one until it is reported again. */
export function useSiteHealth(): { reports: SiteHealthReport[]; dismiss: (key: string) => void } {
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
      const { [key]: _gone, ...rest } = all;
      return siteHealthItem.setValue(rest);
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
            Checked on <span dir="auto">{report.url}</span>. Parallax has to be updated for the site's new layout; copy the
            details into a report so it can be.
          </p>
          <button class="link" onClick={() => copy(report)}>
            {copied === report.key ? 'Details copied' : 'Copy details for a report'}
          </button>
          <button class="link" onClick={onOpenSettings}>
            Site settings
          </button>
          <button class="link" onClick={() => dismiss(report.key)} aria-label={`Dismiss the notice about ${report.siteName}`}>
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}
