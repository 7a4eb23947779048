import type { StanceLexicon } from './types';

/** Spanish stance lexicon. */
export const es: StanceLexicon = {
  language: 'es',
  agree: [
    '(?:estoy|estaría|me muestro)(?<!no (?:estoy|estaría|me muestro)) (?:[\\p{L}]+ )?de acuerdo(?! en que| con que| en parte)',
    '(?:coincido|concuerdo)(?<!no (?:coincido|concuerdo)) con (?:esta|la|esa) (?:afirmación|opinión|idea|postura)',
    'comparto(?<!no comparto) (?:esta|la|esa) (?:afirmación|opinión|idea|postura|visión)',
  ],
  disagree: [
    'no (?:estoy|estaría) (?:[\\p{L}]+ )?de acuerdo',
    '(?:estoy|estaría) (?:[\\p{L}]+ )?en desacuerdo',
    'discrepo|disiento',
    'no comparto (?:esta|la|esa) (?:afirmación|opinión|idea|postura|visión)',
    'rechazo (?:esta|la|esa) (?:afirmación|idea)',
  ],
  agreeOpen: ['(?:(?:mi )?respuesta:? )?(?:totalmente |muy |bastante )?de acuerdo(?=\\s*[.!,:;—–*]|$)|a favor(?=\\s*[.!,:;—–*])'],
  disagreeOpen: ['(?:(?:mi )?respuesta:? )?(?:totalmente |muy |bastante )?en desacuerdo|en contra(?=\\s*[.!,:;—–*])'],
  both: ['(?:estoy )?(?:parcialmente|en parte) de acuerdo(?:,? y| pero) (?:en parte )?(?:en desacuerdo|no)'],
  noPosition: [
    'ni (?:estoy )?de acuerdo ni en desacuerdo',
    'no tengo (?:opiniones|creencias|una opinión|opinión|postura) (?:personales?|propias?)',
    'no tengo una opinión propia',
    'no (?:puedo|debo) (?:dar|expresar|emitir|ofrecer|tomar|adoptar) (?:opiniones? personales?|una postura|partido|posición|una posición)',
    '(?:me mantengo|mantenerme) neutral',
  ],
  believe: [
    '(?:yo )?(?:creo|pienso|considero|opino|estimo|diría)(?: que)?',
    'en mi opinión|a mi juicio|desde mi punto de vista|a mi parecer',
    'mi (?:opinión|postura|posición) es que',
    'me parece(?<!no me parece)(?: que)?',
    'estoy (?:\\p{L}+ )?a favor(?: de)?',
    'estoy convencid[oa] de que',
    'en definitiva|en resumen|en conclusión',
  ],
  disbelieve: [
    'no (?:creo|pienso|considero|opino)(?: que)?',
    'no estoy convencid[oa](?: de que)?',
    'no me parece(?: que)?',
    'estoy (?:\\p{L}+ )?en contra(?: de)?',
    '(?:es|sería) (?:un error|incorrecto|falso|injusto|inexacto) (?:afirmar|decir|pensar|suponer|generalizar)(?: que)?',
    'no es (?:cierto|correcto|justo|exacto|verdad) que',
    '(?:es|se trata de) un (?:estereotipo|mito|prejuicio|tópico)',
  ],
  negation: ['no|nunca|jamás|ni|ningún|ninguna|ninguno|nada|sin|en lugar de|en vez de'],
  reported: [
    '(?:algunos|muchos|otros) (?:[\\p{L}]+ )?(?:argumentan|sostienen|creen|opinan|piensan|señalan|advierten|temen|defienden|afirman|apoyan|usan)',
    'críticos|defensores|partidarios|detractores|opositores|escépticos|docentes',
    'si|cuando|siempre que',
    'según',
    'argumentos?',
    '(?:tema|cuestión|asunto) (?:muy )?(?:debatid[oa]|controvertid[oa]|polémic[oa])',
  ],
  modal: ['debería[ns]?|deben?|tienen? que|hay que|habría que|sería'],
  favourable: [
    'justificad[oa]s?|éticos?|ética|buen[oa]?s?|mejor(?:es)?|correct[oa]s?|just[oa]s?|aceptables?|razonables?|segur[oa]s?|san[oa]s?|saludables?|beneficios[oa]s?|útiles?|positiv[oa]s?|necesari[oa]s?|imprescindibles?|permitid[oa]s?|legal(?:es)?|legaliza\\p{L}*|buena idea|vale la pena|válid[oa]s?|verdad|ciert[oa]|gratuit[oa]s?',
  ],
  unfavourable: [
    'injustificad[oa]s?|poco éticos?|inmoral(?:es)?|mal[oa]?s?|peor(?:es)?|incorrect[oa]s?|injust[oa]s?|inaceptables?|peligros[oa]s?|dañin[oa]s?|perjudicial(?:es)?|negativ[oa]s?|(?:un )?error|prohib\\p{L}*|aboli\\p{L}*|ilegal(?:es)?|fals[oa]s?',
  ],
  clauseBreaks: ['porque|ya que|pues|pero|aunque|mientras|sino|sin embargo'],
  stopwords: [
    'el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'y', 'o', 'de', 'del', 'al', 'a', 'en', 'con', 'por', 'para', 'es', 'son', 'ser', 'está',
    'están', 'debería', 'deberían', 'debe', 'se', 'que', 'qué', 'cómo', 'lo', 'le', 'su', 'sus', 'más', 'muy', 'este', 'esta', 'estos', 'estas', 'eso',
    'esto', 'afirmación', 'acuerdo', 'desacuerdo', 'opinas', 'opinión', 'siguiente', 'crees', 'estás', 'tu', 'tú', 'usted', 'años',
  ],
};
