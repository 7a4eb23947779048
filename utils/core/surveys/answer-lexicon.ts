/**
 * Word lists the answer reader uses, written for this project: number words 1–10, cue words that introduce
 * a chosen answer, and refusal phrases ("or" words and label classes: label-lexicon.ts). All lower-case,
 * apostrophes straight.
 */

/** Number words per language, index 0 = one. Several spellings per number are separated by "|". */
export const NUMBER_WORDS: Record<string, string[]> = {
  en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  de: ['eins|ein|eine', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn'],
  fr: ['un|une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'],
  es: ['uno|una', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'],
  it: ['uno|una', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci'],
  pt: ['um|uma', 'dois|duas', 'três|tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez'],
  ru: ['один|одна|одно|единица', 'два|две|двойка', 'три|тройка', 'четыре|четвёрка|четверка', 'пять|пятёрка|пятерка', 'шесть', 'семь', 'восемь', 'девять', 'десять'],
  uk: ['один|одна|одне', 'два|дві', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять", 'десять'],
  zh: ['一', '二|两', '三', '四', '五', '六', '七', '八', '九', '十'],
  ja: ['一|ひとつ', '二|ふたつ', '三|みっつ', '四|よっつ', '五|いつつ', '六', '七', '八', '九', '十'],
  ko: ['하나|일', '둘|이', '셋|삼', '넷|사', '다섯|오', '여섯|육', '일곱|칠', '여덟|팔', '아홉|구', '열|십'],
  hi: ['एक', 'दो', 'तीन', 'चार', 'पांच|पाँच', 'छह|छः', 'सात', 'आठ', 'नौ', 'दस'],
  ar: ['واحد|واحدة', 'اثنان|اثنين|اثنتان', 'ثلاثة|ثلاث', 'أربعة|اربعة|أربع', 'خمسة|خمس', 'ستة|ست', 'سبعة|سبع', 'ثمانية|ثماني', 'تسعة|تسع', 'عشرة|عشر'],
  sw: ['moja', 'mbili', 'tatu', 'nne', 'tano', 'sita', 'saba', 'nane', 'tisa', 'kumi'],
  tr: ['bir', 'iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz', 'on'],
  nl: ['een|één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'],
};

/** Scripts written without spaces: number words there need no word boundary. */
export const UNSPACED = new Set(['zh', 'ja', 'th']);

/** Words that introduce the chosen answer ("I'd pick 3", "答案：3"). */
export const CUES = [
  // en
  'answer', 'pick', 'choose', 'chose', 'select', 'go with', 'rate', 'rating', 'would be', "i'd say", 'i would say', 'i would answer', "i'd answer", 'option', 'choice', 'score', 'lean toward', 'lean towards', 'if i had to', 'i feel',
  // de fr es pt it
  'antwort', 'wähle', 'würde', 'entscheide', 'sagen', 'réponse', 'choisis', 'choisirais', 'choix', 'dirais', 'respuesta', 'elijo', 'elegiría', 'escojo', 'escogería', 'opción', 'diría',
  'resposta', 'escolho', 'escolheria', 'opção', 'risposta', 'scelgo', 'sceglierei',
  // ru uk
  'ответ', 'выбираю', 'выбрал', 'выбрала', 'выберу', 'вариант', 'оценка', 'відповідь', 'обираю',
  // zh ja ko
  '答案', '回答', '选择', '选', '我会选', '我认为', '我觉得', '答え', '選び', '選択', '選ぶ', '選ぶなら', 'なら', '답', '선택',
  // hi ar sw tr nl
  'उत्तर', 'जवाब', 'चुन', 'विकल्प', 'الإجابة', 'الاجابة', 'الجواب', 'أختار', 'اختار', 'الخيار', 'jibu', 'ningechagua', 'nachagua', 'chaguo',
  'cevap', 'yanıt', 'seçerim', 'seçenek', 'antwoord', 'kies',
];

/** Cues that mark a final answer: when candidates disagree, the last of these wins. */
export const FINAL_CUES = ['final answer', 'answer:', 'answer is', 'antwort:', 'réponse :', 'réponse:', 'respuesta:', 'ответ:', '答案', '回答：', '答え：', 'उत्तर:', 'الإجابة:', 'jibu:'];

/** Phrases of a refusal or a non-answer from a model, in several languages. */
export const REFUSALS = [
  // en
  "i can't", 'i cannot', 'i can not', "i won't", 'i will not', "i'm unable", 'i am unable', "i'm not able", 'i am not able', 'i must decline',
  "i'd rather not", 'i would rather not', 'i prefer not', "i don't feel comfortable", 'i do not feel comfortable', "i don't have personal",
  'i do not have personal', "i don't have opinions", 'i do not have opinions', 'as an ai', 'as a language model', 'as a large language model', 'as an artificial intelligence', 'not able to provide', 'does not apply to me', "doesn't apply to me", 'not applicable to me',
  // de fr es pt it
  'ich kann nicht', 'kann ich nicht', 'ich kann keine', 'ich möchte nicht', 'keine persönliche', 'als ki', 'als sprachmodell', 'als künstliche intelligenz', 'nicht beantworten', 'keine meinung',
  'je ne peux pas', 'je ne suis pas en mesure', "je n'ai pas d'opinion", "en tant qu'ia", "en tant qu'intelligence artificielle",
  'no puedo', 'no estoy en condiciones', 'prefiero no', 'no tengo opiniones', 'no tengo preferencias', 'como ia', 'como una ia', 'como modelo de lenguaje', 'como inteligencia artificial',
  'não posso', 'não consigo', 'não tenho opiniões', 'non posso', 'non sono in grado', 'non ho opinioni',
  // ru uk
  'не могу', 'не буду', 'нет личного мнения', 'нет личных', 'как ии', 'как искусственный интеллект', 'не можу',
  // zh ja ko
  '无法回答', '不能回答', '我无法', '我不能', '作为一个ai', '作为ai', '作为人工智能', '作为一个人工智能', '我没有个人', '没有个人', '無法回答', '无法选择', '无法对此',
  'お答えできません', '答えられません', '回答できません', '回答を控え', 'aiとして', 'ai として', 'aiなので', '個人的な意見を持', '個人的な好み', 'できかねます', '述べることはできません',
  '답변할 수 없', '대답할 수 없', 'ai로서', '개인적인 의견',
  // hi ar sw tr
  'नहीं कर सकता', 'नहीं कर सकती', 'नहीं दे सकता', 'नहीं दे सकती', 'असमर्थ', 'एआई के रूप में', 'व्यक्तिगत राय नहीं',
  'لا أستطيع', 'لا يمكنني', 'لا استطيع', 'كذكاء اصطناعي', 'ليس لدي آراء', 'ليس لدي رأي',
  'siwezi', 'sina maoni', 'kama ai', 'cevap veremem', 'yanıt veremem', 'yapamam', 'yapay zeka olarak',
];

/** Words that name the question rather than answer it ("question 7"), so their number is ignored. */
export const QUESTION_WORDS = ['question', 'item', 'frage', 'pregunta', 'вопрос', '问题', '質問', 'प्रश्न', 'سؤال', 'swali', 'soru'];
