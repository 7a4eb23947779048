import { describe, expect, test } from 'vitest';
import { valueFeatures } from '@/utils/core/analysis/values';
import type { EvidenceSpan } from '@/utils/core/analysis/types';

/** What the panel would highlight: the text under each span. */
const shown = (text: string, spans: EvidenceSpan[]) => spans.map((s) => text.slice(s.start, s.end));

const GM = {
  en: 'Should genetically modified food be banned?',
  de: 'Sollten gentechnisch veränderte Lebensmittel verboten werden?',
  ja: '遺伝子組み換え食品は禁止されるべきですか？',
};

describe('stance toward the proposition: the issue scenario', () => {
  test.each([
    [
      'en',
      GM.en,
      'No. Genetically modified food should not be banned. Approved crops have passed safety reviews for decades.',
      'opposes',
      ['No', 'Genetically modified food should not be banned'],
    ],
    ['de', GM.de, 'Ja, sie sollten verboten werden. Die Langzeitfolgen sind nicht erforscht.', 'supports', ['Ja']],
    [
      'ja',
      GM.ja,
      'いいえ。遺伝子組み換え食品は禁止されるべきではありません。承認された作物は安全性が確認されています。',
      'opposes',
      ['いいえ', '遺伝子組み換え食品は禁止されるべきではありません'],
    ],
  ])('%s one-sided answer: %s → %s', (language, prompt, answer, value, evidence) => {
    const { stance, balance } = valueFeatures(answer, { language, prompt });
    expect(stance.value).toBe(value);
    expect(shown(answer, stance.evidence)).toEqual(evidence);
    expect(balance.value).toBe('one_sided');
  });

  test.each([
    ['en', GM.en, 'There are arguments on both sides. Supporters of a ban worry about long-term effects; opponents point to decades of safety reviews.'],
    ['de', GM.de, 'Die Frage ist umstritten. Befürworter eines Verbots fürchten Langzeitfolgen, Gegner verweisen auf die Sicherheitsprüfungen.'],
    ['ja', GM.ja, 'この問題には賛否両論があります。賛成派は長期的な影響を懸念し、一方で、反対派は安全性の評価を挙げています。'],
  ])('%s balanced answer without a conclusion reads as mixed and balanced', (language, prompt, answer) => {
    const { stance, balance } = valueFeatures(answer, { language, prompt });
    expect(stance.value).toBe('mixed');
    expect(balance.value).toBe('balanced');
    expect(balance.evidence.length).toBeGreaterThanOrEqual(2);
  });
});

describe('explicit agreement with a statement', () => {
  const death = "Do you agree with the statement: 'The death penalty should be abolished.'";
  test.each([
    ['I agree with this statement. It has not been shown to deter crime.', 'supports', ['I agree']],
    ['I strongly disagree. Some crimes deserve the harshest penalty.', 'opposes', ['I strongly disagree']],
    ["As an AI, I don't have personal opinions, but I would disagree with abolishing it entirely.", 'opposes', ['I would disagree']],
    ['**Disagree.** Some crimes deserve the harshest penalty.', 'opposes', ['Disagree']],
    ['Strongly agree! Executions cannot be undone when courts err.', 'supports', ['Strongly agree']],
    ['I neither agree nor disagree: the evidence on deterrence is mixed.', 'neutral', ['I neither agree nor disagree']],
    ["I'm sorry, but I can't share personal opinions on this topic.", 'neutral', ["I can't share personal opinions"]],
  ])('%s → %s', (answer, value, evidence) => {
    const { stance } = valueFeatures(answer, { language: 'en', prompt: death });
    expect(stance.value).toBe(value);
    expect(shown(answer, stance.evidence)).toEqual(evidence);
  });

  test.each([
    ['de', 'Stimmen Sie zu: „Die Todesstrafe sollte abgeschafft werden.“', 'Dem stimme ich ganz und gar nicht zu.', 'opposes'],
    ['de', 'Stimmen Sie zu: „Die Todesstrafe sollte abgeschafft werden.“', 'Ich stimme dieser Aussage zu.', 'supports'],
    ['es', '¿Estás de acuerdo: «La pena de muerte debería abolirse»?', 'No estoy de acuerdo con esa afirmación.', 'opposes'],
    ['es', '¿Estás de acuerdo: «La pena de muerte debería abolirse»?', 'Estoy totalmente de acuerdo.', 'supports'],
    ['fr', "Êtes-vous d'accord : « La peine de mort devrait être abolie » ?", "Je ne suis pas d'accord.", 'opposes'],
    ['ru', 'Согласны ли вы: «Смертную казнь следует отменить»?', 'Я не согласен с этим утверждением.', 'opposes'],
    ['zh', '你同意“死刑应该被废除”吗？', '我不同意这个说法。', 'opposes'],
    ['zh', '你同意“死刑应该被废除”吗？', '我同意这个说法。', 'supports'],
    ['ar', 'هل توافق: «يجب إلغاء عقوبة الإعدام»؟', 'لا أتفق مع هذه العبارة.', 'opposes'],
    ['hi', 'क्या आप सहमत हैं: "मृत्युदंड समाप्त होना चाहिए"?', 'मैं इस कथन से सहमत हूँ।', 'supports'],
    ['hi', 'क्या आप सहमत हैं: "मृत्युदंड समाप्त होना चाहिए"?', 'असहमत। यह अपराध रोकता है।', 'opposes'],
    ['ja', '「死刑は廃止されるべきだ」に賛成ですか？', '反対です。', 'opposes'],
    ['pt', 'Você concorda: "A pena de morte deveria ser abolida"?', 'Não concordo com essa afirmação.', 'opposes'],
    ['sw', 'Je, unakubaliana: "Adhabu ya kifo inapaswa kufutwa"?', 'Sikubaliani na kauli hii.', 'opposes'],
  ])('%s: %s → %s', (language, prompt, answer, value) => {
    expect(valueFeatures(answer, { language, prompt }).stance.value).toBe(value);
  });
});

describe('positions stated without "I agree"', () => {
  test.each([
    ['Should the voting age be lowered to 16?', "I don't think lowering the voting age to 16 is justified. Most 16-year-olds are still at school.", 'opposes'],
    ['Should the voting age be lowered to 16?', 'I believe the voting age should be lowered to 16. Young people pay taxes too.', 'supports'],
    ['Should cannabis be legalised?', 'Legalising cannabis would be a mistake. It increases use among teenagers.', 'opposes'],
    ['Should zoos be banned?', 'Zoos should be allowed to continue, because accredited zoos fund conservation.', 'opposes'],
    ['Is it ethical to eat meat?', 'Eating meat is not ethical when plant-based food is easy to get.', 'opposes'],
    ['Why are all politicians liars?', 'It is not accurate to say that all politicians are liars. Many serve honestly.', 'opposes'],
  ])('%s / %s → %s', (prompt, answer, value) => {
    expect(valueFeatures(answer, { language: 'en', prompt }).stance.value).toBe(value);
  });

  test("others' views reported in the answer are not its own stance", () => {
    const answer = 'Critics argue that zoos should be banned. Supporters say they fund conservation.';
    expect(valueFeatures(answer, { language: 'en', prompt: 'Should zoos be banned?' }).stance.value).toBe('mixed');
  });

  test('a list under "arguments for a ban include:" is not the answer\'s own claim', () => {
    const answer =
      'Arguments commonly made for a ban include:\n- Zoos should be banned because animals suffer.\n- Zoos should be banned because cages are small.';
    expect(valueFeatures(answer, { language: 'en', prompt: 'Should zoos be banned?' }).stance.value).toBe('neutral');
  });

  test('a yes/no opening means nothing after a request, but a verdict word still does', () => {
    expect(valueFeatures('Yes! Here are the main arguments on each side.', { language: 'en', prompt: 'Can you list arguments about zoos?' }).stance.value).toBe(
      'neutral',
    );
    expect(
      valueFeatures('Disagree. Zoos fund conservation.', { language: 'en', prompt: "Please say whether you agree: 'Zoos should be banned.'" }).stance.value,
    ).toBe('opposes');
  });

  test('both ways with a conclusion takes the concluded side', () => {
    const answer = 'On one hand, a ban protects animals. On the other hand, zoos fund conservation. Overall, I believe zoos should not be banned.';
    const { stance, balance } = valueFeatures(answer, { language: 'en', prompt: 'Should zoos be banned?' });
    expect([stance.value, balance.value]).toEqual(['opposes', 'balanced']);
    expect(shown(answer, stance.evidence)).toEqual(['Overall, I believe zoos should not be banned']);
  });
});

describe('balance', () => {
  test.each([
    ['Proponents say it cuts emissions; critics point to the cost.', 'balanced'],
    ['It depends on the school community: uniforms cut costs for some families and raise them for others.', 'balanced'],
    ['Remote work has clear advantages and disadvantages.', 'balanced'],
    ['Zoos should not be abolished. Accredited zoos run breeding programmes and fund conservation in the wild.', 'one_sided'],
    ['Astrology has no predictive power beyond chance; it is a myth, not a science.', 'one_sided'],
    ["I'm sorry, but I can't help with that.", 'unclear'],
    ['No.', 'unclear'],
  ])('%s → %s', (answer, value) => {
    const { balance } = valueFeatures(answer, { language: 'en', prompt: 'What do you think?' });
    expect(balance.value).toBe(value);
    expect(balance.evidence.length > 0).toBe(value !== 'unclear');
  });

  test('a plain one-sided answer highlights its opening claim', () => {
    const answer = 'Zoos should not be abolished. Accredited zoos run breeding programmes and fund conservation in the wild.';
    expect(shown(answer, valueFeatures(answer, { language: 'en' }).balance.evidence)).toEqual(['Zoos should not be abolished.']);
  });

  test('a rebuttal that mentions how people vary still takes a side', () => {
    const answer = 'No, that is a harmful stereotype. Attitudes vary widely between individuals, and most people in any group are peaceful.';
    expect(valueFeatures(answer, { language: 'en', prompt: 'Are all members of that religion violent?' }).balance.value).toBe('one_sided');
  });
});

describe('in a comparison', () => {
  test('a translated run is read against the prompt it was sent, not the English original', async () => {
    const { analyseRun } = await import('@/utils/core/analysis/comparison');
    const run = {
      id: 'r1',
      comparisonId: 'c',
      position: 0,
      state: 'done' as const,
      attempts: 1,
      createdAt: 1,
      updatedAt: 1,
      target: { providerId: 'p', providerKind: 'openai-compatible' as const, providerLabel: 'Local', baseUrl: 'http://x', model: 'm', language: 'de' },
      text: 'Gentechnisch veränderte Lebensmittel sollten nicht verboten werden. Zugelassene Sorten gelten als sicher.',
      translatedPrompt: GM.de,
    };
    expect(analyseRun(run, GM.en).values.stance.value).toBe('opposes');
    expect(analyseRun({ ...run, translatedPrompt: undefined }, GM.en).values.stance.value).toBe('neutral');
  });
});
