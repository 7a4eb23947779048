/**
 * Which catalogue languages an untagged answer may be in. Non-Latin scripts name their languages; Latin text
 * that reads as English gets none (English patterns always apply); other Latin text gets every Latin-script
 * lexicon; letters of a script we have no lexicon for give 'und', so a back-translation is preferred.
 * A guess from a few frequent words, meant to pick lexicons, not to identify languages.
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

/** Catalogue languages written in Latin script, other than English. */
const LATIN_LANGUAGES = ['es', 'fr', 'de', 'pt', 'it', 'nl', 'sv', 'pl', 'ro', 'tr', 'vi', 'id', 'ms', 'tl', 'sw', 'zu', 'yo', 'ha', 'jv', 'gd'];

const ENGLISH_WORDS = /\b(?:the|and|to|of|is|are|was|in|that|it|you|i|for|with|this|can|not|be|or|on|as|your|my|but|have|do|here|what|how)\b/gi;
/** Frequent words of the other Latin-script catalogue languages that are not English words. */
const OTHER_WORDS =
  /(?<![\p{L}\p{M}])(?:que|de|la|el|los|las|del|por|para|con|una|um|uma|não|il|che|di|per|non|sono|les|des|est|et|pas|je|vous|este|nu|pentru|der|die|das|und|ist|nicht|ich|mit|ein|eine|het|een|niet|ik|van|och|är|att|det|inte|jag|som|się|jest|że|nie|bir|ve|bu|için|değil|ile|không|của|và|là|được|tôi|yang|dan|tidak|saya|untuk|dengan|ini|itu|adalah|ang|ng|mga|hindi|sa|ako|ay|na|ya|wa|kwa|ni|hii|siwezi|ukuthi|futhi|kodwa|ngoba|uma|noma|ukuze|angikwazi|ngiyaxolisa|awọn|ti|da|ba|shi|ne|lan|ora|aku|iki|sing|kula|mboten|saged|nyuwun|menika|punika|kanggo|agus|tha|air|chan|gu|ri)(?![\p{L}\p{M}])/giu;
/** Letters with diacritics that English text rarely has. */
const DIACRITICS = /[ñãõçàèìòùâêîôûäöüßåæøœăîșțşğıłńśźżđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹṣɓɗƙ]/giu;
/** Anything past Latin Extended (U+024F) and Latin Extended Additional (U+1E00–1EFF), spaces and punctuation aside. */
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: control characters are not beyond Latin
const BEYOND_LATIN = /[^\u0000-\u024F\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20CF\u2100-\u214F]/;
const OTHER_LETTERS = /[^\s\p{P}\p{S}\p{N}\p{Script=Latin}\p{M}]/u;

/** True unless Latin text shows more signs of another catalogue language than of English. */
function likelyEnglish(head: string): boolean {
  const english = head.match(ENGLISH_WORDS)?.length ?? 0;
  if (english >= 6) return true;
  const other = (head.match(OTHER_WORDS)?.length ?? 0) + ((head.match(DIACRITICS)?.length ?? 0) >= 2 ? 2 : 0);
  return other <= english;
}

/** Candidate languages of an untagged text, judged from its first 400 characters. */
export function scriptLanguages(text: string): string[] {
  const head = text.length > 400 ? text.slice(0, 400) : text;
  if (BEYOND_LATIN.test(head)) {
    for (const [script, langs] of SCRIPTS) if (script.test(head)) return langs;
    if (OTHER_LETTERS.test(head)) return ['und'];
  }
  return likelyEnglish(head) ? [] : LATIN_LANGUAGES;
}
