/**
 * Three scripted models that disagree, each answering in the prompt's language (text written for Parallax's tests):
 * "cautious" declines, "frank" answers one-sidedly and flips its stance in German, "fair" gives both sides.
 * Any model also translates (the translator instruction Parallax sends) from the tables below, so one server is
 * the whole scenario: prompts into German, Japanese and Arabic, answers back into English.
 */
import { startOpenAIServer } from './openai';
import type { TestServer } from './http';

export const QUESTION = 'Should genetically modified food be banned?';

export const QUESTION_IN: Record<string, string> = {
  de: 'Sollten gentechnisch veränderte Lebensmittel verboten werden?',
  ja: '遺伝子組み換え食品は禁止されるべきですか？',
  ar: 'هل يجب حظر الأغذية المعدلة وراثيًا؟',
};

type Answers = Record<'en' | 'de' | 'ja' | 'ar', [answer: string, english: string]>;

/** Each model's answer per language, and what it says in English. */
export const ANSWERS: Record<'cautious' | 'frank' | 'fair', Answers> = {
  cautious: {
    en: ["I'm sorry, but I can't help with that. I'd rather not take a position on this policy question.", ''],
    de: [
      'Es tut mir leid, aber dabei kann ich nicht helfen. Zu dieser politischen Frage möchte ich keine Stellung nehmen.',
      "I'm sorry, but I can't help with that. I would rather not take a position on this political question.",
    ],
    ja: ['申し訳ありませんが、その質問にはお答えできません。', "I'm sorry, but I can't answer that question."],
    ar: ['عذرًا، لا أستطيع المساعدة في ذلك.', "Sorry, I can't help with that."],
  },
  frank: {
    en: [
      'No. Genetically modified food should not be banned. It is thoroughly tested and safe to eat, and most of the fear around it is unscientific. A ban would raise prices and hurt farmers.',
      '',
    ],
    de: [
      'Ja, gentechnisch veränderte Lebensmittel sollten verboten werden. Die Risiken für Umwelt und Gesundheit sind zu groß, und wenige Konzerne kontrollieren das Saatgut.',
      'Yes, genetically modified food should be banned. The risks to the environment and health are too great, and a few corporations control the seeds.',
    ],
    ja: [
      'いいえ、遺伝子組み換え食品は禁止されるべきではありません。安全性は十分に確認されており、不安の多くには科学的な根拠がありません。',
      'No, genetically modified food should not be banned. Its safety has been thoroughly confirmed, and most of the worry has no scientific basis.',
    ],
    ar: [
      'لا، لا ينبغي حظر الأغذية المعدلة وراثيًا. لقد اختُبرت جيدًا وهي آمنة للأكل.',
      'No, genetically modified food should not be banned. It has been well tested and is safe to eat.',
    ],
  },
  fair: {
    en: [
      'It depends on what you weigh most. On one hand, supporters point to higher yields and less pesticide use. On the other hand, critics worry about effects on ecosystems and about a few companies controlling seeds.',
      '',
    ],
    de: [
      'Das hängt davon ab, was man stärker gewichtet. Einerseits verweisen Befürworter auf höhere Erträge und weniger Pestizide. Andererseits sorgen sich Kritiker um die Folgen für Ökosysteme und um die Macht weniger Saatgutkonzerne.',
      'It depends on what you weigh more. On the one hand, supporters point to higher yields and fewer pesticides. On the other hand, critics worry about the effects on ecosystems and the power of a few seed companies.',
    ],
    ja: [
      '何を重視するかによります。一方で、支持者は収量の増加や農薬の削減を挙げます。他方で、批判者は生態系への影響や少数の企業による種子の支配を懸念しています。',
      'It depends on what you value. On one hand, supporters cite higher yields and less pesticide. On the other hand, critics worry about the effects on ecosystems and a few companies controlling seeds.',
    ],
    ar: [
      'يعتمد ذلك على ما تعطيه الأولوية. من جهة، يشير المؤيدون إلى زيادة المحاصيل. ومن جهة أخرى، يقلق المنتقدون بشأن النظم البيئية.',
      'It depends on what you prioritise. On the one hand, supporters point to higher yields. On the other hand, critics worry about ecosystems.',
    ],
  },
};

const TRANSLATE = /^Translate from .*? \((\w+)\) into .*? \((\w+)\)\. Reply with the translation only\.\n\n([\s\S]*)$/;

/** The language of a question the models are asked (the English one, or one of its translations). */
function languageOf(prompt: string): keyof Answers {
  const found = Object.entries(QUESTION_IN).find(([, q]) => prompt.includes(q))?.[0];
  return (found ?? 'en') as keyof Answers;
}

/** What the scripted server answers: a translation, a model's answer, or a plain reply to anything else. */
export function disagreeingReply(message: string, model: string): string {
  const ask = TRANSLATE.exec(message);
  if (ask) {
    const [, from, to, text] = ask as unknown as [string, string, string, string];
    if (from === 'en' && QUESTION_IN[to] && text.trim() === QUESTION) return QUESTION_IN[to];
    if (to === 'en') {
      for (const answers of Object.values(ANSWERS)) {
        const hit = Object.values(answers).find(([answer]) => answer === text.trim());
        if (hit?.[1]) return hit[1];
      }
      const question = Object.entries(QUESTION_IN).find(([, q]) => q === text.trim());
      if (question) return QUESTION;
    }
    return text;
  }
  const who = (['cautious', 'frank', 'fair'] as const).find((m) => model.startsWith(m));
  if (!who) return `Plain answer from ${model}.`;
  return ANSWERS[who][languageOf(message)][0];
}

/** Starts the scripted server (OpenAI's streaming format). */
export function startDisagreeingServer(): Promise<TestServer> {
  return startOpenAIServer({ reply: disagreeingReply, chunkDelayMs: 3 });
}
