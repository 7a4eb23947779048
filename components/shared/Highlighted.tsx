import type { EvidenceSpan } from '@/utils/core/analysis/types';

/** Plain text with the evidence spans marked (overlaps merged); the text itself is never parsed as HTML. */
export function Highlighted({ text, spans }: { text: string; spans: EvidenceSpan[] }) {
  const sorted = spans.filter((s) => s.end > s.start && s.start < text.length).sort((a, b) => a.start - b.start);
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} title={span.rule} data-rule={span.rule}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
