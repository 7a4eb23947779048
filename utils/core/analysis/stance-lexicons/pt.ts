import type { StanceLexicon } from './types';

/** Portuguese stance lexicon. */
export const pt: StanceLexicon = {
  language: 'pt',
  agree: [
    '(?:eu )?concordo(?<!não concordo)(?! em parte| parcialmente| que)',
    '(?:eu )?concordaria(?<!não concordaria)',
    '(?:estou|estaria)(?<!não (?:estou|estaria)) de acordo(?! com que)',
  ],
  disagree: ['(?:eu )?não (?:concordo|concordaria)', '(?:eu )?discordo|discordaria', 'não (?:estou|estaria) de acordo'],
  agreeOpen: ['(?:(?:minha )?resposta:? )?(?:totalmente |plenamente )?(?:de acordo|concordo)(?=\\s*[.!,:;—–*]|$)'],
  disagreeOpen: ['(?:(?:minha )?resposta:? )?(?:totalmente )?(?:em desacordo|discordo)'],
  both: ['concordo (?:em parte|parcialmente)'],
  noPosition: [
    'nem concordo nem discordo',
    'não tenho (?:opiniões|crenças|uma opinião|opinião|posição) (?:pessoais?|própria)',
    'não posso (?:dar|expressar|emitir|tomar) (?:opiniões pessoais|opinião pessoal|uma posição|partido|posição)',
    '(?:permaneço|manter-me) neutr[oa]',
  ],
  believe: ['(?:eu )?(?:acho|acredito|penso|considero)(?: que)?', 'na minha opinião|a meu ver|do meu ponto de vista', 'concordo que', 'em suma|em resumo|em conclusão'],
  disbelieve: [
    'não (?:acho|acredito|penso|considero)(?: que)?',
    '(?:é|seria) (?:um erro|incorreto|falso|injusto) (?:dizer|afirmar|pensar|generalizar)(?: que)?',
    '(?:é|trata-se de) um (?:estereótipo|mito|preconceito)',
  ],
  negation: ['não|nunca|jamais|nem|nenhum|nenhuma|nada|sem|em vez de|ao invés de'],
  reported: [
    '(?:alguns|muitos|outros) (?:[\\p{L}]+ )?(?:argumentam|acreditam|afirmam|defendem|temem|apoiam|usam|lembram|destacam)',
    'críticos|defensores|apoiadores|opositores|céticos|cépticos|professores',
    'se|quando|caso',
    'segundo|de acordo com',
    'argumentos?',
    'tema (?:muito )?(?:polêmico|polémico|debatido|controverso)|questão (?:muito )?(?:debatida|controversa)',
  ],
  modal: ['deveria[mn]?|devem?|tem que|têm que|precisa[mn]?|seria'],
  favourable: [
    'justificad[oa]s?|étic[oa]s?|bo[am]s?|bons|melhor(?:es)?|corret[oa]s?|just[oa]s?|aceitáve(?:l|is)|razoáve(?:l|is)|segur[oa]s?|saudáve(?:l|is)|benéfic[oa]s?|úte(?:l|is)|útil|positiv[oa]s?|necessári[oa]s?|indispensáve(?:l|is)|permitid[oa]s?|lega(?:l|is)|legaliza\\p{L}*|boa ideia|verdade|verdadeir[oa]s?|gratuit[oa]s?',
  ],
  unfavourable: [
    'injustificad[oa]s?|antiétic[oa]s?|imora(?:l|is)|ru(?:im|ins)|pior(?:es)?|incorret[oa]s?|injust[oa]s?|inaceitáve(?:l|is)|perigos[oa]s?|prejudicia(?:l|is)|nociv[oa]s?|negativ[oa]s?|(?:um )?erro|proibi\\p{L}*|aboli\\p{L}*|fechad[oa]s?|ilega(?:l|is)|fals[oa]s?',
  ],
  clauseBreaks: ['porque|pois|já que|mas|porém|embora|enquanto'],
  stopwords: [
    'o', 'a', 'os', 'as', 'um', 'uma', 'uns', 'umas', 'e', 'ou', 'de', 'do', 'da', 'dos', 'das', 'em', 'no', 'na', 'nos', 'nas', 'por', 'para', 'com',
    'é', 'são', 'ser', 'está', 'deveria', 'deveriam', 'se', 'que', 'você', 'concorda', 'afirmação', 'acha', 'opinião', 'discorda', 'anos',
  ],
};
