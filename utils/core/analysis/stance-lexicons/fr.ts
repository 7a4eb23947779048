import type { StanceLexicon } from './types';

/** French stance lexicon. */
export const fr: StanceLexicon = {
  language: 'fr',
  agree: [
    "(?:je suis|je serais) (?:[\\p{L}]+ )?d'accord(?! pour dire| sur le fait)",
    "j'approuve (?:cette|l') (?:affirmation|idée)",
    'je partage (?:cet|ce|cette) (?:avis|point de vue|opinion|idée)',
  ],
  disagree: [
    "je ne (?:suis|serais) (?:[\\p{L}]+ )?pas (?:[\\p{L}]+ )?d'accord",
    '(?:je suis|je serais) (?:[\\p{L}]+ )?en désaccord',
    'je désapprouve',
    'je ne partage pas',
    "je rejette (?:cette|l') (?:affirmation|idée)",
  ],
  agreeOpen: ["(?:(?:ma )?réponse:? )?(?:tout à fait |plutôt )?d'accord(?=\\s*[.!,:;—–*]|$)|pour(?=\\s*[.!,:;—–*])"],
  disagreeOpen: ["(?:(?:ma )?réponse:? )?(?:plutôt |pas du tout )?(?:pas d'accord|en désaccord)|contre(?=\\s*[.!,:;—–*])"],
  both: ["(?:partiellement|en partie) d'accord"],
  noPosition: [
    "ni d'accord ni (?:pas d'accord|en désaccord)",
    "je n'ai pas d'(?:opinion|avis|convictions?|position|opinions) (?:personnelles?|propres?)",
    "je ne (?:peux|saurais) pas (?:donner|exprimer|prendre|émettre) (?:d'opinion|d'avis|position|parti)",
    '(?:je reste|rester) neutre',
  ],
  believe: [
    "je (?:pense|crois|considère|estime|trouve)(?: qu(?:e|'))?",
    'à mon avis|selon moi|de mon point de vue|il me semble que',
    'je suis (?:\\p{L}+ )?(?:favorable|pour)',
    "je suis convaincue? qu(?:e|')",
    'en conclusion|en somme|au final',
  ],
  disbelieve: [
    "je ne (?:pense|crois|considère|trouve) pas",
    'je ne suis pas (?:\\p{L}+ )?favorable|je suis (?:\\p{L}+ )?contre',
    "(?:il est|c'est) (?:faux|inexact|injuste|erroné|une erreur|un (?:mythe|stéréotype|préjugé|cliché)|une généralisation)(?: de (?:dire|penser|croire|affirmer|supposer|généraliser))?",
    "rien ne (?:prouve|montre|indique)",
  ],
  negation: ['pas|jamais|aucun|aucune|rien|ni|sans|plutôt que|au lieu de'],
  reported: [
    "(?:certains|d'autres|beaucoup|plusieurs) (?:[\\p{L}]+ )?(?:estiment|pensent|soutiennent|affirment|craignent|rappellent|défendent|soulignent|s'inquiètent|s'en servent)",
    'partisans|détracteurs|opposants|défenseurs|critiques|sceptiques|enseignants',
    "si|s'il|s'ils|lorsque|quand",
    'selon (?!moi)',
    'arguments?',
    '(?:question|sujet) (?:très )?(?:débattue?|controversée?)|fait débat',
  ],
  modal: ['devrai(?:en)?t|doi(?:ven)?t|faut|faudrait|serait'],
  favourable: [
    "justifiée?s?|éthiques?|bon(?:ne)?s?|meilleure?s?|correcte?s?|juste|justes|acceptables?|raisonnables?|sûre?s?|sains?|saines?|bénéfiques?|utiles?|positi(?:f|ve)s?|nécessaires?|indispensables?|autorisée?s?|légale?s?|légalis\\p{L}*|bonne idée|vraie?s?|efficaces?|gratuite?s?",
  ],
  unfavourable: [
    "injustifiée?s?|contraire à l'éthique|mauvaise?s?|pire|incorrecte?s?|injustes?|inacceptables?|dangereu(?:x|se)s?|nocifs?|nuisibles?|négati(?:f|ve)s?|(?:une )?erreur|interdi\\p{L}*|aboli\\p{L}*|ferm(?:er|ée?s?)|illégale?s?|fau(?:x|sse)s?",
  ],
  clauseBreaks: ['parce que|car|puisque|mais|cependant|bien que|alors que|tandis que|lorsque|quand'],
  stopwords: [
    'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'ou', 'à', 'au', 'aux', 'en', 'dans', 'pour', 'par', 'avec', 'sur', 'est', 'sont', 'être',
    'devrait', 'devraient', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je', 'que', 'qui', 'quoi', 'quel', 'quelle', 'comment', 'pourquoi',
    'ce', 'cette', 'ces', 'se', 'faut', 'plus', 'accord', 'affirmation', 'suivante', 'pensez', 'avis', 'êtes', 'dire', 'pour', 'ans',
  ],
};
