/**
 * Which catalogue languages an untagged answer may be in, from its script. Latin-script answers get no
 * candidates (English patterns always apply); scripts shared by several languages give them all.
 */

const SCRIPTS: Array<[RegExp, string[]]> = [
  [/[\u3040-\u30FF]/, ['ja']],
  [/[\uAC00-\uD7AF\u1100-\u11FF]/, ['ko']],
  [/[\u4E00-\u9FFF]/, ['zh', 'ja']],
  [/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/, ['ar', 'fa', 'ur']],
  [/[\u0590-\u05FF]/, ['he']],
  [/[\u0400-\u04FF]/, ['ru', 'uk']],
  // Devanagari without the danda (U+0964/5), which Bengali text uses too.
  [/[\u0900-\u0963\u0966-\u097F]/, ['hi']],
  [/[\u0980-\u09FF]/, ['bn']],
  [/[\u0B80-\u0BFF]/, ['ta']],
  [/[\u0E00-\u0E7F]/, ['th']],
  [/[\u1200-\u139F]/, ['am']],
  [/[\u0370-\u03FF]/, ['el']],
];

/** Candidate languages of an untagged text, judged from its first 400 characters. */
export function scriptLanguages(text: string): string[] {
  const head = text.length > 400 ? text.slice(0, 400) : text;
  for (const [script, langs] of SCRIPTS) if (script.test(head)) return langs;
  return [];
}
