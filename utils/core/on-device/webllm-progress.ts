/** WebLLM's progress report (InitProgressReport). */
export interface InitProgressLike {
  progress: number;
  timeElapsed: number;
  text: string;
}

/** Progress as the UI shows it. */
export interface LoadProgress {
  /** 0–1 */
  fraction: number;
  /** Megabytes fetched so far, when WebLLM says (downloads only). */
  fetchedMB: number | null;
  /** Seconds left, estimated from the rate so far; null until it can be estimated. */
  etaSeconds: number | null;
  phase: 'downloading' | 'loading';
  /** WebLLM's own line, for details. */
  text: string;
}

/**
 * Reads WebLLM's progress text ("Fetching param cache[3/20]: 120MB fetched. 30% completed, 10 secs elapsed.",
 * "Loading model from cache[5/20]: …") into numbers a progress bar can show.
 */
export function parseProgress(report: InitProgressLike): LoadProgress {
  const fraction = Math.min(1, Math.max(0, Number.isFinite(report.progress) ? report.progress : 0));
  const fetched = /([\d.]+)\s*MB fetched/i.exec(report.text);
  const phase = /fetch|download/i.test(report.text) ? 'downloading' : 'loading';
  const etaSeconds = fraction > 0.01 && fraction < 1 && report.timeElapsed > 0 ? Math.round((report.timeElapsed / fraction) * (1 - fraction)) : null;
  return { fraction, fetchedMB: fetched ? Number(fetched[1]) : null, etaSeconds, phase, text: report.text };
}
