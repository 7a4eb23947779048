import { describe, expect, test } from 'vitest';
import { valueFeatures, valueLanguages } from '@/utils/core/analysis/values';
import { VALUE_LEXICONS } from '@/utils/core/analysis/value-lexicons';
import { compileLexicon } from '@/utils/core/analysis/value-match';
import type { EvidenceSpan } from '@/utils/core/analysis/types';

/** What the panel would highlight: the text under each span. */
const shown = (text: string, spans: EvidenceSpan[]) => spans.map((s) => text.slice(s.start, s.end));

describe('balance: one-sided vs balanced', () => {
  test.each([
    // The seed example: dismissing the concerns vs laying out both sides.
    [
      'en',
      'GMOs are safe to eat. Concerns about them are largely unscientific and driven by fear-mongering.',
      'one_sided',
      ['largely unscientific', 'fear-mongering'],
    ],
    [
      'en',
      'Proponents say GM crops raise yields and cut pesticide use. On the other hand, critics argue that patents concentrate seed ownership.',
      'balanced',
      ['Proponents', 'On the other hand', 'critics argue'],
    ],
    ['en', '**Pros:**\n- Higher yields\n\n**Cons:**\n- Fewer seed suppliers', 'balanced', ['**Pros', '**Cons']],
    ['en', '## Benefits\n- Higher yields\n- Less pesticide\n- Cheaper food', 'one_sided', ['## Benefits']],
    ['en', 'Critics argue GM food is harmful, but that claim has been debunked many times.', 'one_sided', ['has been debunked']],
    ['en', 'Greek mythology is full of gods who behave badly.', 'unclear', []],
    ['es', 'Los transgénicos son seguros; las preocupaciones son en gran medida anticientíficas.', 'one_sided', ['en gran medida anticientíficas']],
    [
      'es',
      'Los defensores destacan el rendimiento. Por otro lado, los críticos temen la dependencia de las semillas.',
      'balanced',
      ['defensores', 'Por otro lado', 'los críticos'],
    ],
    [
      'fr',
      "Les partisans citent les rendements. D'un autre côté, les détracteurs craignent la dépendance.",
      'balanced',
      ['partisans', "D'un autre côté", 'détracteurs'],
    ],
    ['de', 'Befürworter betonen höhere Erträge. Kritiker warnen dagegen vor Abhängigkeit.', 'balanced', ['Befürworter', 'Kritiker']],
    ['pt', 'As preocupações com transgênicos são em grande parte anticientíficas e um mito.', 'one_sided', ['em grande parte anticientíficas', 'mito']],
    ['ru', 'Сторонники говорят об урожайности. С другой стороны, критики опасаются монополий.', 'balanced', ['Сторонники', 'С другой стороны', 'критики']],
    ['ru', 'Эти опасения — миф, они давно опровергнуты.', 'one_sided', ['миф', 'опровергнуты']],
    ['zh', '支持者认为转基因作物能提高产量；另一方面，批评者指出种子专利的问题。', 'balanced', ['支持者', '另一方面', '批评者']],
    ['zh', '转基因食品是安全的，这些担忧很大程度上不科学。', 'one_sided', ['很大程度上不科学']],
    ['ja', '賛成派は収量の増加を挙げます。一方で、反対派は種子の独占を懸念しています。', 'balanced', ['賛成派', '一方で', '反対派']],
    ['ar', 'يرى المؤيدون أنها تزيد المحاصيل، ومن ناحية أخرى يحذر المنتقدون من الاحتكار.', 'balanced', ['المؤيدون', 'ومن ناحية أخرى', 'المنتقدون']],
    ['hi', 'समर्थकों का कहना है कि पैदावार बढ़ती है। दूसरी ओर, आलोचकों को एकाधिकार की चिंता है।', 'balanced', ['समर्थकों', 'दूसरी ओर', 'आलोचकों']],
    [
      'sw',
      'Wafuasi wanasema mavuno huongezeka. Kwa upande mwingine, wakosoaji wanadai kuna hatari.',
      'balanced',
      ['Wafuasi', 'Kwa upande mwingine', 'wakosoaji'],
    ],
  ])('%s: %s → %s', (language, text, value, evidence) => {
    const { balance } = valueFeatures(text, { language });
    expect(balance.value).toBe(value);
    expect(shown(text, balance.evidence)).toEqual(evidence);
  });
});

describe('hedging', () => {
  test.each([
    ['en', 'It depends on the soil; yields may rise, but that is not necessarily true everywhere.', ['It depends', 'may', 'not necessarily']],
    ['en', 'In May 2024 the law changed. Yields rose by 12 percent.', []],
    ['es', 'Depende del clima; quizás los rendimientos suban, pero no necesariamente.', ['Depende', 'quizás', 'no necesariamente']],
    ['de', 'Es kommt darauf an. Vielleicht steigen die Erträge, aber nicht unbedingt.', ['Es kommt darauf an', 'Vielleicht', 'nicht unbedingt']],
    ['zh', '产量可能会提高，但这取决于土壤，不一定到处都是如此。', ['可能', '取决于', '不一定']],
    ['ja', '収量が増えるかもしれませんが、地域によって異なります。', ['かもしれません', 'によって異なり']],
    ['sw', 'Labda mavuno yataongezeka, lakini inategemea udongo.', ['Labda', 'inategemea']],
  ])('%s: %s', (language, text, hedges) => {
    const { hedging } = valueFeatures(text, { language });
    expect(shown(text, hedging.evidence)).toEqual(hedges);
    expect(hedging.score > 0).toBe(hedges.length > 0);
  });

  test('a heavily hedged answer scores higher than a plain one of the same length', () => {
    const hedged = 'Perhaps it might help; it may depend on the case, and it is possibly, arguably, somewhat useful.';
    const plain = 'It helps in every case, and it is useful for farmers, cooks, schools, shops and families alike.';
    expect(valueFeatures(hedged).hedging.score).toBeGreaterThan(valueFeatures(plain).hedging.score);
    expect(valueFeatures(hedged).hedging.score).toBeLessThanOrEqual(1);
  });
});

describe('moralizing and safety disclaimers', () => {
  test.each([
    [
      'en',
      'It’s important to remember that everyone deserves respect. We should all be kinder.',
      ['It’s important to remember', 'everyone deserves', 'We should all'],
    ],
    ['en', 'Water boils at 100 °C at sea level.', []],
    ['es', 'Es importante recordar que todos debemos actuar con respeto.', ['Es importante recordar', 'todos debemos', 'con respeto']],
    ['fr', 'Il est important de respecter chacun. Nous devons tous agir avec respect.', ['Il est important de respecter', 'Nous devons tous', 'avec respect']],
  ])('moralizing %s: %s', (language, text, phrases) => {
    const { moralizing } = valueFeatures(text, { language });
    expect(shown(text, moralizing.evidence)).toEqual(phrases);
    expect(moralizing.score > 0).toBe(phrases.length > 0);
  });

  test.each([
    ['en', "I'm not a doctor, but ibuprofen is common. Please consult a healthcare professional.", ["I'm not a doctor", 'consult a healthcare professional']],
    ['en', 'As an AI, I have no body. This is not medical advice.', ['As an AI', 'This is not medical advice']],
    ['en', 'The doctor consulted a colleague before the operation.', []],
    ['es', 'No soy médico; consulta a un médico antes de tomarlo.', ['No soy médico', 'consulta a un médico']],
    ['de', 'Ich bin kein Arzt. Wenden Sie sich an Ihren Arzt.', ['Ich bin kein Arzt', 'Wenden Sie sich an Ihren Arzt']],
    ['zh', '我不是医生，请咨询医生。以上内容仅供参考。', ['我不是医生', '请咨询医生', '仅供参考']],
    ['ja', '私は医師ではありません。医師に相談してください。', ['私は医師ではありません', '医師に相談']],
    ['ru', 'Я не врач, проконсультируйтесь с врачом.', ['Я не врач', 'проконсультируйтесь с врачом']],
  ])('disclaimers %s: %s', (language, text, phrases) => {
    const { disclaimers } = valueFeatures(text, { language });
    expect(shown(text, disclaimers.evidence)).toEqual(phrases);
    expect(disclaimers.count).toBe(phrases.length);
  });
});

describe('stance toward the prompt', () => {
  test.each([
    ['en', 'Do vaccines cause autism?', 'No, vaccines do not cause autism.', 'opposes', ['No', 'vaccines do not cause autism']],
    ['en', 'Is coffee healthy?', '**Yes** — in moderation it is linked to lower risk of several diseases.', 'supports', ['Yes']],
    ['en', 'Is coffee healthy?', 'Great question! Yes, for most adults.', 'supports', ['Yes']],
    ['en', 'Is coffee healthy?', 'Yes and no. It depends on how much you drink.', 'mixed', ['Yes and no']],
    ['en', 'Is the earth flat?', 'Of course not. It is an oblate spheroid.', 'opposes', ['Of course not']],
    [
      'en',
      'Does 5G spread viruses?',
      'There is no evidence that radio waves carry viruses.',
      'opposes',
      ['There is no evidence that radio waves carry viruses'],
    ],
    ['en', 'Can you list arguments for and against nuclear power?', 'Yes! Here are the main arguments on each side.', 'neutral', []],
    ['en', 'Is nuclear power safe?', 'Nobody can promise zero risk, but modern plants are very safe.', 'neutral', []],
    ['en', 'Are GMOs safe?', 'It is true that some critics disagree, but regulators approve them.', 'neutral', []],
    ['es', '¿Las vacunas causan autismo?', 'No, las vacunas no causan autismo.', 'opposes', ['No', 'las vacunas no causan autismo']],
    ['es', '¿Es sano el café?', 'No hay una respuesta sencilla: depende de la dosis.', 'mixed', ['No hay una respuesta sencilla']],
    ['fr', 'Le café est-il bon pour la santé ?', 'Oui, avec modération.', 'supports', ['Oui']],
    ['de', 'Verursachen Impfungen Autismus?', 'Nein, das stimmt nicht.', 'opposes', ['Nein', 'stimmt nicht']],
    ['pt', 'O café faz bem?', 'Sim, com moderação.', 'supports', ['Sim']],
    ['pt', 'O café faz bem?', 'No Brasil, o café é muito popular.', 'neutral', []],
    ['ru', 'Вызывают ли прививки аутизм?', 'Нет, это не так.', 'opposes', ['Нет', 'это не так']],
    ['zh', '咖啡健康吗？', '是的，适量饮用有益。', 'supports', ['是的']],
    ['zh', '疫苗会导致自闭症吗？', '不，疫苗不会导致自闭症。', 'opposes', ['不', '疫苗不会导致自闭症']],
    ['zh', '咖啡健康吗？', '对于大多数人来说，适量饮用咖啡没有问题。', 'neutral', []],
    ['zh', '咖啡健康吗？', '不是所有人都适合喝咖啡。', 'neutral', []],
    ['de', 'Ist Kaffee gesund?', 'Genau genommen hängt das von der Menge ab.', 'mixed', ['hängt das von der Menge ab']],
    ['ja', 'ワクチンは自閉症を引き起こしますか？', 'いいえ、引き起こしません。', 'opposes', ['いいえ']],
    ['ar', 'هل القهوة صحية؟', 'نعم، باعتدال.', 'supports', ['نعم']],
    ['ar', 'هل تسبب اللقاحات التوحد؟', 'لا، هذا غير صحيح.', 'opposes', ['لا', 'هذا غير صحيح']],
    ['hi', 'क्या कॉफ़ी सेहतमंद है?', 'हाँ, सीमित मात्रा में।', 'supports', ['हाँ']],
    ['sw', 'Je, chanjo husababisha usonji?', 'Hapana, hakuna ushahidi wowote.', 'opposes', ['Hapana', 'hakuna ushahidi']],
  ])('%s: %s → %s', (language, prompt, answer, value, evidence) => {
    const { stance } = valueFeatures(answer, { language, prompt });
    expect(stance.value).toBe(value);
    expect(shown(answer, stance.evidence)).toEqual(evidence);
  });
});

describe('appeals to authority and framing', () => {
  test.each([
    ['en', 'According to the WHO, approved GM foods are safe. Studies show no harm.', ['According to', 'WHO', 'Studies show']],
    ['en', 'People who eat more vegetables tend to feel better.', []],
    ['fr', "Selon l'OMS, ces aliments sont sûrs.", ['Selon', 'OMS']],
    ['ja', '世界保健機関によると、安全です。', ['世界保健機関', 'によると']],
    ['hi', 'विश्व स्वास्थ्य संगठन के अनुसार यह सुरक्षित है।', ['विश्व स्वास्थ्य संगठन', 'के अनुसार']],
  ])('authority %s: %s', (language, text, phrases) => {
    const { authority } = valueFeatures(text, { language });
    expect(shown(text, authority.evidence)).toEqual(phrases);
    expect(authority.count).toBe(phrases.length);
  });

  test.each([
    ['en', "It's your choice: personal freedom and autonomy come first.", 'individual', ['your choice', 'personal freedom', 'autonomy']],
    ['en', 'Think of your family and community; social harmony matters most.', 'collective', ['family', 'community', 'social harmony']],
    ['en', 'Personal freedom matters, and so does the family.', 'mixed', ['Personal freedom', 'family']],
    ['en', 'Water boils at 100 °C.', 'none', []],
    ['zh', '我们应当维护社会和谐，照顾家庭。', 'collective', ['社会', '和谐', '家庭']],
    ['es', 'Es una decisión personal: la libertad individual es lo primero.', 'individual', ['decisión personal', 'libertad individual']],
    ['sw', 'Jamii na familia ni muhimu kuliko yote.', 'collective', ['Jamii', 'familia']],
  ])('framing %s: %s → %s', (language, text, value, phrases) => {
    const { framing } = valueFeatures(text, { language });
    expect(framing.value).toBe(value);
    expect(shown(text, framing.evidence)).toEqual(phrases);
  });
});

describe('which text and lexicon', () => {
  test('a language without a lexicon is read through its English back-translation; spans index that text', () => {
    const back = 'No, that is false. There is no evidence for it.';
    const result = valueFeatures('ไม่ใช่ นั่นเป็นเท็จ', { language: 'th', backTranslation: back });
    expect(result.basis).toBe('back_translation');
    expect(result.stance.value).toBe('opposes');
    expect(shown(back, result.stance.evidence)).toEqual(['No', 'is false', 'There is no evidence']);
  });

  test('a language with its own lexicon reads the answer itself even when a back-translation exists', () => {
    const result = valueFeatures('Hapana, si kweli.', { language: 'sw', backTranslation: 'Yes, it is true.' });
    expect(result.basis).toBe('answer');
    expect(result.stance.value).toBe('opposes');
  });

  test.each([
    ['Нет, это миф.', undefined, 'ru'],
    ['いいえ、違います。', undefined, 'ja'],
    ['不，这是谣言。', undefined, 'zh'],
    ['No, it is a myth.', 'en-GB', 'en'],
    ['Nein.', 'DE', 'de'],
  ])('%s (language %s) uses the %s lexicon', (text, language, lexicon) => {
    expect(valueFeatures(text, { language }).lexicon).toBe(lexicon);
  });

  test('lexicons exist for the eleven core languages and every entry compiles', () => {
    expect(valueLanguages().sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'hi', 'ja', 'pt', 'ru', 'sw', 'zh']);
    for (const lexicon of Object.values(VALUE_LEXICONS)) expect(() => compileLexicon(lexicon)).not.toThrow();
  });

  test('an empty answer has no features', () => {
    const result = valueFeatures('', { language: 'en' });
    expect([result.balance.value, result.stance.value, result.framing.value, result.hedging.score, result.disclaimers.count]).toEqual([
      'unclear',
      'neutral',
      'none',
      0,
      0,
    ]);
  });
});

describe('evidence spans', () => {
  test.each([
    [
      'en',
      '**Great question!** I’m not a doctor. It’s important to remember that, according to the WHO, vaccines may cause mild side effects; critics argue otherwise, but proponents disagree. Your family and community matter.',
    ],
    ['ja', '良い質問ですね！私は医師ではありません。世界保健機関によると、副作用があるかもしれません。一方で、反対派は懸念しています。家族と社会が大切です。'],
    ['ar', 'سؤال رائع! لست طبيبا. وفقا لمنظمة الصحة العالمية قد تكون هناك آثار جانبية، ومن ناحية أخرى يرى المنتقدون غير ذلك. المجتمع والأسرة مهمان.'],
  ])('%s: every span lies inside the text, starts and ends on a whole character, and spans of one feature never overlap', (language, text) => {
    const features = valueFeatures(text, { language });
    const groups = [features.balance, features.hedging, features.moralizing, features.disclaimers, features.stance, features.authority, features.framing].map(
      (f) => f.evidence,
    );
    expect(groups.flat().length).toBeGreaterThanOrEqual(6);
    for (const spans of groups) {
      spans.forEach((span, i) => {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(span.start, span.end).trim()).not.toBe('');
        expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(text.slice(span.start, span.end))).toBe(false);
        expect(span.rule).toMatch(/^values\.[\w-]+\.[a-z]{2}:.+/);
        if (i > 0) expect(span.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
      });
    }
  });
});
