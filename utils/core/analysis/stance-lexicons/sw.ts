import type { StanceLexicon } from './types';

/** Swahili stance lexicon. Negation is mostly a verb prefix ("havipaswi"). */
export const sw: StanceLexicon = {
  language: 'sw',
  agree: ['(?:mimi )?(?:ninakubaliana|nakubaliana|ninakubali|nakubali|ningekubaliana|ningekubali)(?! kwa sehemu)'],
  disagree: ['(?:mimi )?(?:sikubaliani|sikubali|siungi mkono)', 'ninapinga (?:kauli|hoja|wazo)'],
  agreeOpen: ['(?:jibu langu:? )?(?:nakubali|ninakubali|nakubaliana|ninakubaliana)(?=\\s*[.!,:;—*]|$)'],
  disagreeOpen: ['(?:jibu langu:? )?(?:sikubali|sikubaliani|ninapinga)'],
  both: ['(?:ninakubaliana|nakubali) kwa sehemu'],
  noPosition: ['sina maoni (?:binafsi|yangu)|siwezi kutoa maoni (?:binafsi|yangu)|sichukui upande|sikubaliani wala sipingi'],
  believe: ['(?:ninaamini|naamini|nadhani|ninadhani|ninafikiri|nafikiri|kwa maoni yangu|kwa mtazamo wangu)(?: kwamba| kuwa)?'],
  disbelieve: ['(?:sidhani|siamini|sifikiri)(?: kwamba| kuwa)?', 'si (?:sahihi|haki) kusema'],
  negation: ['si|sio|siyo|hapana|hakuna|bila|badala ya|ha(?:vi|zi|i|u|wa|ku|ya|li)(?:pasw|wez|ta|na|kub|kuw|jul)\\p{L}*'],
  reported: ['wengine|baadhi ya(?: watu)?|wafuasi|wakosoaji|wapinzani|waungaji mkono|walimu', 'ikiwa|kama|iwapo', 'kwa mujibu wa', 'hoja', 'huku', 'mjadala'],
  modal: ['\\p{L}*paswa|lazima|ni muhimu'],
  favourable: ['haki|sahihi|nzuri|bora|salama|manufaa|halali|ruhusiwa|kimaadili'],
  unfavourable: ['mbaya|hatari|madhara|makosa|kosa|marufuku|kufutwa|kufungwa|haramu'],
  clauseBreaks: ['kwa sababu|kwa kuwa|lakini|ingawa|huku|wakati'],
  stopwords: ['na', 'ya', 'wa', 'za', 'la', 'kwa', 'ni', 'je', 'katika', 'hii', 'huu', 'hiyo', 'kuwa', 'kama', 'au', 'pia', 'sana', 'hilo', 'unakubaliana', 'kauli', 'inapaswa', 'vinapaswa', 'zinapaswa', 'unapaswa', 'miaka'],
};
