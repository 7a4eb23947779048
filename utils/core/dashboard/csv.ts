/**
 * CSV of a figure's table, as utils/history/formats.ts writes it: RFC 4180 quoting, CRLF, a UTF-8 BOM so
 * spreadsheets read non-Latin text, and text cells that a spreadsheet would run as a formula (= + - @, tab, CR)
 * prefixed with an apostrophe. Numbers are written as numbers (a number is never a formula).
 */
import type { Cell, DataTable } from './figures';

/** One CSV cell: numbers as they are, text quoted when needed and neutralised when it starts like a formula. */
export function csvCell(value: Cell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole table as CSV text. */
export function tableToCsv(table: DataTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "refusal-by-language-and-model" → "parallax-refusal-by-language-and-model-2025-03-01.csv" */
export function fileName(base: string, extension: 'csv' | 'png', now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `parallax-${base}-${day}.${extension}`;
}
