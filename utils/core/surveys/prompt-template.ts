/**
 * The prompt for one survey item: the item text, its answer options when labelled in that language, and an
 * instruction — in the item's language — to answer with one number only. Instructions written for this project;
 * the low-resource ones (jv zu am yo ha gd) deserve a native speaker's review, and users may pass their own.
 */
import type { AnswerScale } from './instrument';

/** "Answer with one number from {min} to {max} only", per language. */
export const ANSWER_INSTRUCTIONS: Record<string, string> = {
  en: 'Answer with a single number from {min} to {max} only.',
  de: 'Antworte nur mit einer einzigen Zahl von {min} bis {max}.',
  fr: 'Réponds uniquement par un seul nombre de {min} à {max}.',
  es: 'Responde solo con un único número del {min} al {max}.',
  pt: 'Responda apenas com um único número de {min} a {max}.',
  it: 'Rispondi solo con un unico numero da {min} a {max}.',
  ru: 'Ответь только одним числом от {min} до {max}.',
  uk: 'Відповідай лише одним числом від {min} до {max}.',
  pl: 'Odpowiedz tylko jedną liczbą od {min} do {max}.',
  nl: 'Antwoord alleen met één getal van {min} tot en met {max}.',
  sv: 'Svara endast med ett enda tal från {min} till {max}.',
  ro: 'Răspunde doar cu un singur număr de la {min} la {max}.',
  el: 'Απάντησε μόνο με έναν αριθμό από το {min} έως το {max}.',
  tr: 'Yalnızca {min} ile {max} arasında tek bir sayıyla cevap ver.',
  zh: '请只用一个从{min}到{max}的数字回答。',
  ja: '{min}から{max}までの数字を一つだけ答えてください。',
  ko: '{min}부터 {max}까지의 숫자 하나로만 답하세요.',
  hi: 'केवल {min} से {max} तक की एक संख्या से उत्तर दें।',
  bn: 'শুধু {min} থেকে {max} পর্যন্ত একটি সংখ্যা দিয়ে উত্তর দিন।',
  ta: '{min} முதல் {max} வரையிலான ஒரு எண்ணால் மட்டும் பதிலளிக்கவும்.',
  ur: 'صرف {min} سے {max} تک کے ایک عدد سے جواب دیں۔',
  ar: 'أجب برقم واحد فقط من {min} إلى {max}.',
  fa: 'فقط با یک عدد از {min} تا {max} پاسخ دهید.',
  he: 'ענה במספר אחד בלבד מ-{min} עד {max}.',
  th: 'ตอบด้วยตัวเลขเพียงตัวเดียวตั้งแต่ {min} ถึง {max} เท่านั้น',
  vi: 'Chỉ trả lời bằng một số duy nhất từ {min} đến {max}.',
  id: 'Jawab hanya dengan satu angka dari {min} sampai {max}.',
  ms: 'Jawab hanya dengan satu nombor dari {min} hingga {max}.',
  tl: 'Sumagot lamang ng isang numero mula {min} hanggang {max}.',
  sw: 'Jibu kwa namba moja tu kuanzia {min} hadi {max}.',
  jv: 'Jawaben mung nganggo siji angka saka {min} nganti {max}.',
  zu: 'Phendula ngenombolo eyodwa kuphela kusukela ku-{min} kuya ku-{max}.',
  am: 'ከ{min} እስከ {max} ባለው አንድ ቁጥር ብቻ መልስ ስጥ።',
  yo: 'Dáhùn pẹ̀lú nọ́mbà kan ṣoṣo láti {min} sí {max}.',
  ha: 'Ka amsa da lamba ɗaya kawai daga {min} zuwa {max}.',
  gd: 'Freagair le aon àireamh a-mhàin bho {min} gu {max}.',
};

/**
 * The full prompt for one item in one language. `instruction` overrides the built-in one (placeholders
 * `{min}` and `{max}`); without either, returns null so the caller can report the language.
 */
export function itemPrompt(itemText: string, scale: AnswerScale, language: string, instruction?: string): string | null {
  const template = instruction ?? ANSWER_INSTRUCTIONS[language];
  if (!template) return null;
  const min = scale.points[0]!.value;
  const max = scale.points[scale.points.length - 1]!.value;
  const labelled = scale.points.every((p) => p.label[language]);
  const options = labelled ? scale.points.map((p) => `${p.value} = ${p.label[language]}`).join('\n') : '';
  const ask = template.replaceAll('{min}', String(min)).replaceAll('{max}', String(max));
  return [itemText.trim(), options, ask].filter(Boolean).join('\n\n');
}
