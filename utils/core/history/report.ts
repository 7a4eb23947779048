/**
 * The HTML report a teacher hands out: per comparison the verdict, every answer named as in the panel with its
 * refusal badge and value chips, the words that decided them marked in the text, and back-translations beside
 * the originals. One self-contained file: inline CSS (screen, dark and print), no script, no external resource,
 * a CSP that forbids both, and every piece of text escaped — model text is never markup.
 */
import { t, tn, uiLanguage } from '../i18n';
import type { ExportedAnswer, ExportedComparison } from '../runner/exported';
import { languageName } from '../translate/languages';
import { STATE_LABEL } from '../words/answers';
import { readExported, readableDate, type MarkedPiece, type ReadAnswer, type ReadComparison } from './reading';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1d22;--muted:#5d6370;--line:#d9dce3;--card:#f4f5f8;--accent:#3b5bdb;--mark:#ffec99;--mark-line:#e8a200;--bad:#c92a2a;--warn:#a65300;--ok:#2b8a3e;--info:#3b5bdb}
@media (prefers-color-scheme:dark){:root{--bg:#16181d;--fg:#e6e8ee;--muted:#a0a6b4;--line:#353a46;--card:#1f232a;--accent:#7b93ff;--mark:#5a4a00;--mark-line:#ffd43b;--bad:#ff8787;--warn:#ffa94d;--ok:#69db7c;--info:#91a7ff}}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP","Noto Sans Arabic",sans-serif;max-width:84rem;margin:0 auto;padding:1.5rem 1rem 3rem;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem;margin:0 0 .2rem}
h2{font-size:1.25rem;line-height:1.35;margin:0;white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
h3{font-size:1.02rem;margin:0;overflow-wrap:anywhere}
p{margin:0}
.m{color:var(--muted);font-size:.9rem;margin:.25rem 0}
.legend{font-size:.9rem;margin:.6rem 0 0;max-width:48rem}
section{margin:2rem 0 0;padding-top:1.25rem;border-top:2px solid var(--line)}
.v{margin:.8rem 0 1rem;padding:.6rem .9rem;border-inline-start:4px solid var(--accent);background:var(--card);border-radius:6px}
.vl{font-size:.78rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.vt{font-size:1.08rem;margin-top:.15rem}
.strip{margin-top:.35rem}
.g{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,36rem),1fr));gap:.8rem;align-items:start}
.a{border:1px solid var(--line);border-radius:8px;padding:.7rem .9rem;min-width:0}
.a.failed,.a.interrupted{border-color:var(--bad)}
.b{display:flex;flex-wrap:wrap;gap:.3rem;margin:.45rem 0 .5rem}
.badge,.chip{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 .6rem;font-size:.82rem;line-height:1.65}
.badge{font-weight:700}
.r-refused{color:var(--bad);border-color:var(--bad)}
.r-partial{color:var(--warn);border-color:var(--warn)}
.r-answered{color:var(--ok);border-color:var(--ok)}
.r-disputes_premise,.r-cannot_answer{color:var(--info);border-color:var(--info)}
.s{font-weight:700;color:var(--bad);font-size:.9rem;margin:.3rem 0}
.n,.sent{font-size:.88rem;color:var(--muted);margin:.3rem 0}
.sent span[dir]{color:var(--fg)}
.pair{display:grid;gap:.7rem}
.pair.two{grid-template-columns:repeat(auto-fit,minmax(min(100%,17rem),1fr))}
.l{font-size:.78rem;font-weight:700;color:var(--muted);margin-bottom:.15rem}
.t{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
.two .o+.o{border-inline-start:3px solid var(--line);padding-inline-start:.7rem}
.none{color:var(--muted);font-style:italic}
mark{background:var(--mark);color:inherit;border-bottom:2px solid var(--mark-line);padding:0 .05em;border-radius:2px}
.e{color:var(--bad);margin-top:.4rem;overflow-wrap:anywhere}
@page{margin:14mm 12mm}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--line:#aaa;--card:#f2f2f2;--accent:#333;--mark:#ffec99;--mark-line:#b07d00;--bad:#b00020;--warn:#8a4500;--ok:#1d6b2f;--info:#2c46b8;color-scheme:light}
body{max-width:none;padding:0;font-size:10.5pt;line-height:1.45}
.top{margin-bottom:.5rem}
section{break-before:page;border-top:0;margin:0;padding:0}
.top+section{break-before:auto;margin-top:1rem;padding-top:.8rem;border-top:1.5pt solid var(--line)}
h2,.v,.a h3,.b{break-after:avoid;break-inside:avoid}
.g{display:block}
.a{break-inside:avoid;margin:0 0 .5rem;padding:.45rem .6rem;border-radius:4px}
.pair.two{grid-template-columns:1fr 1fr}
.v,mark,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;

/** Text with its evidence marked: <mark> named by what it decided; the text itself is escaped. */
function marked(pieces: MarkedPiece[]): string {
  return pieces.map((p) => (p.marks.length ? `<mark title="${escapeHtml(p.marks.join('\n'))}">${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}

/** An attribute naming the language of some text, when it is known. */
const lang = (code: string | null | undefined) => (code ? ` lang="${escapeHtml(code)}"` : '');

/** Who translated the answer back, in words. */
function translator(back: NonNullable<ExportedAnswer['backTranslation']>): string {
  return back.model ?? (back.engine === 'chrome' ? t('chromeTranslator') : back.engine);
}

function answerCard(read: ReadAnswer): string {
  const { answer: a } = read;
  const sure = read.analysis
    ? read.analysis.refusal.basis === 'back_translation'
      ? t('percentSureBack', Math.round(read.analysis.refusal.confidence * 100))
      : t('percentSure', Math.round(read.analysis.refusal.confidence * 100))
    : '';
  const badges =
    read.badge && read.reading
      ? `<p class="b"><span class="badge r-${read.reading}" title="${escapeHtml(sure)}">${escapeHtml(read.badge)}</span>${read.chips.map((c) => `<span class="chip" title="${escapeHtml(c.title)}">${escapeHtml(c.label)}</span>`).join('')}</p>`
      : '';
  const state = a.state === 'done' ? '' : `<p class="s">${escapeHtml(STATE_LABEL[a.state])}</p>`;
  const other = read.otherLanguage ? `<p class="n">${escapeHtml(read.otherLanguage)}</p>` : '';
  const sent =
    a.translatedPrompt && read.asked
      ? `<p class="sent">${escapeHtml(t('promptSentIn', languageName(read.asked, uiLanguage())))}: <span dir="auto"${lang(read.asked)}>${escapeHtml(a.translatedPrompt)}</span></p>`
      : '';
  const answerLanguage = a.answerLanguage?.code ?? read.asked;
  // No text: say so when it finished empty or is still to come; a failed answer has its reason below instead.
  const none = a.state === 'done' ? t('emptyAnswer') : a.state === 'failed' || a.state === 'interrupted' ? '' : t('noAnswerYet');
  const text = a.text
    ? `<div class="t" dir="auto"${lang(answerLanguage)}>${marked(read.original)}</div>`
    : none
      ? `<p class="none">${escapeHtml(none)}</p>`
      : '';
  const back = a.backTranslation;
  let body = text;
  if (back?.text) {
    const from = back.from ? languageName(back.from, uiLanguage()) : answerLanguage ? languageName(answerLanguage, uiLanguage()) : '';
    body = `<div class="pair two"><div class="o"><p class="l">${escapeHtml(from ? t('originalLabel', from) : t('originalLabelPlain'))}</p>${text}</div><div class="o"><p class="l">${escapeHtml(t('backTranslatedBy', languageName(back.language, uiLanguage()), translator(back)))}</p><div class="t" dir="auto"${lang(back.language)}>${marked(read.back)}</div></div></div>`;
  } else if (back?.error) {
    body = `${text}<p class="n">${escapeHtml(t('notTranslatedBack', back.error))}</p>`;
  }
  const error = a.error ? `<p class="e">${escapeHtml(a.error)}</p>` : '';
  return `<article class="a ${escapeHtml(a.state)}"><h3 dir="auto">${escapeHtml(read.name)}</h3>${badges}${state}${other}${sent}${body}${error}</article>`;
}

function strip(read: ReadComparison): string {
  if (read.byLanguage.length < 2) return '';
  const parts = read.byLanguage.map(
    (l) => `${t('stripTitle', l.name, l.refused, l.partial, l.complied)}${l.disputed ? `, ${t('stripDisputed', l.disputed)}` : ''}`,
  );
  return `<p class="m strip">${escapeHtml(parts.join(' · '))}</p>`;
}

function section(c: ExportedComparison): string {
  const read = readExported(c);
  const meta = [`<time datetime="${escapeHtml(c.createdAt)}">${escapeHtml(readableDate(c.createdAt))}</time>`, escapeHtml(read.origin)];
  if (c.tags?.length) meta.push(escapeHtml(t('reportTags', c.tags.join(', '))));
  const note = c.note ? `<p class="m" dir="auto">${escapeHtml(t('reportNote', c.note))}</p>` : '';
  const verdict = `<div class="v"><p class="vl">${escapeHtml(t('whatDiffers'))}</p><p class="vt" dir="auto">${escapeHtml(read.verdict)}</p>${strip(read)}</div>`;
  return `<section><h2 dir="auto"${lang(c.language)}>${escapeHtml(c.prompt)}</h2><p class="m">${meta.join(' · ')}</p>${note}${verdict}<div class="g">${read.answers.map(answerCard).join('')}</div></section>`;
}

/**
 * A self-contained HTML report, in the UI language: inline CSS, no script, no external resource. Every piece of
 * text is escaped, and a CSP forbids scripts even if something slipped through.
 */
export function toHtmlReport(comparisons: ExportedComparison[], title = t('reportTitle'), now = new Date()): string {
  const summary = tn(comparisons.length, 'reportSummaryOne', 'reportSummaryMany', readableDate(now));
  const head = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style>`;
  const top = `<header class="top"><h1>${escapeHtml(title)}</h1><p class="m">${escapeHtml(summary)}</p><p class="m legend">${escapeHtml(t('reportLegend'))}</p></header>`;
  return `<!doctype html><html lang="${escapeHtml(uiLanguage())}"><head>${head}</head><body>${top}${comparisons.map(section).join('')}</body></html>`;
}
