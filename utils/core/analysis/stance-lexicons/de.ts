import type { StanceLexicon } from './types';

/** Words that may sit between "stimme" and "zu": "Ich stimme dieser Aussage voll und ganz zu". */
const BETWEEN = '(?:[\\p{L}]+ ){0,5}?';

/** German stance lexicon. */
export const de: StanceLexicon = {
  language: 'de',
  agree: [
    `(?:ich )?stimme(?! ${BETWEEN}(?:nicht|keineswegs|kaum|weder)) ${BETWEEN}zu(?![\\p{L}])`,
    `stimme ich(?! ${BETWEEN}(?:nicht|keineswegs|kaum)) ${BETWEEN}zu(?![\\p{L}])`,
    '(?:ich )?würde (?:[\\p{L}]+ ){0,4}?zustimmen(?<!nicht zustimmen)',
    'ich bin (?:damit |voll und ganz )?einverstanden',
    'ich teile (?:diese|die) (?:Ansicht|Meinung|Auffassung|Einschätzung)(?! nicht)',
  ],
  disagree: [
    `(?:ich )?stimme ${BETWEEN}(?:nicht|keineswegs|überhaupt nicht|ganz und gar nicht) (?:[\\p{L}]+ ){0,2}?zu(?![\\p{L}])`,
    `stimme ich ${BETWEEN}(?:nicht|keineswegs) zu(?![\\p{L}])`,
    '(?:ich )?würde (?:[\\p{L}]+ ){0,4}?nicht zustimmen',
    'ich bin (?:damit )?nicht einverstanden',
    'ich widerspreche',
    'ich lehne (?:diese|die) (?:Aussage|Ansicht|These|Behauptung) ab',
    'ich teile (?:diese|die) (?:Ansicht|Meinung|Auffassung|Einschätzung) nicht',
  ],
  agreeOpen: ['(?:(?:meine )?Antwort:? )?(?:volle |klare )?Zustimmung|(?:ich )?stimme (?:voll und ganz |eher )?zu(?=\\s*[.!,:;—–*]|$)|dafür(?=\\s*[.!,:;—–*])'],
  disagreeOpen: ['(?:(?:meine )?Antwort:? )?(?:klare )?Ablehnung|(?:ich )?stimme (?:eher |überhaupt )?nicht zu(?=\\s*[.!,:;—–*]|$)|dagegen(?=\\s*[.!,:;—–*])'],
  both: ['(?:stimme )?(?:teilweise|teils|zum Teil) zu(?:,| und| aber) (?:teilweise |teils |zum Teil )?nicht'],
  noPosition: [
    'weder zustimmen noch (?:ablehnen|widersprechen)|stimme weder zu noch',
    '(?:habe ich|ich habe) keine (?:eigene |persönliche |eigenen |persönlichen )?(?:Meinung|Haltung|Position|Ansichten?|Überzeugungen|Meinungen)',
    '(?:kann ich|ich kann) (?:[\\p{L}]+ ){0,2}?keine (?:eigene |persönliche )?(?:Meinung|Position|Stellung|Haltung) (?:äußern|einnehmen|beziehen|abgeben)',
    'neutral bleiben',
  ],
  believe: [
    'ich (?:[\\p{L}]+ )?(?:denke|glaube|finde|meine|halte|würde sagen|bin (?:der Meinung|der Ansicht|überzeugt))(?:,? dass)?',
    'meiner (?:Meinung|Ansicht|Einschätzung|Auffassung) nach|aus meiner Sicht|meines Erachtens',
    'ich stimme zu,? dass',
    'ich bin (?:\\p{L}+ )?(?:dafür|für)',
    'alles in allem|unterm Strich|insgesamt betrachtet',
  ],
  disbelieve: [
    'ich (?:denke|glaube|finde|meine) nicht,? dass',
    'ich bin nicht (?:überzeugt|der Meinung|der Ansicht)(?:,? dass)?',
    'ich bezweifle(?:,? dass)?',
    'ich bin (?:\\p{L}+ )?(?:dagegen|gegen)',
    'es ist (?:nicht (?:richtig|zutreffend|korrekt|fair)|falsch|unfair|ungerecht|ein Irrtum|ein Mythos|ein Vorurteil|ein Klischee|eine (?:unzulässige |grobe )?Verallgemeinerung)(?:,? (?:zu (?:sagen|behaupten|glauben|verallgemeinern)|dass))?',
    'das ist (?:ein )?(?:Vorurteil|Klischee|Stereotyp|Mythos|Irrtum|eine Verallgemeinerung)',
  ],
  negation: ['nicht|kein(?:e|en|er|em|es)?|nie|niemals|keineswegs|weder|statt|anstatt|ohne'],
  reported: [
    '(?:manche|einige|viele|andere) (?:[\\p{L}]+ )?(?:argumentieren|meinen|sagen|glauben|befürchten|halten|verweisen|betonen|warnen|kritisieren|befürworten|nutzen|sehen)',
    'Kritiker(?:innen)?|Befürworter(?:innen)?|Gegner(?:innen)?|Skeptiker(?:innen)?|Verfechter(?:innen)?|Anhänger(?:innen)?|Lehrkräfte',
    'ob|wenn|falls|sofern',
    'laut|zufolge',
    'Argumente?',
    'umstritten\\p{L}*|kontrovers\\p{L}*|strittig\\p{L}*',
  ],
  modal: ['sollte(?:n|st|t)?|sollen|soll|müssen|muss|müsste(?:n)?|dürfen|darf|wäre(?:n)?'],
  favourable: [
    'gerechtfertigt|vertretbar|gut|gute[nrs]?|besser|richtig|sinnvoll|fair|gerecht|ethisch|moralisch|akzeptabel|sicher\\p{L}*|gesund|nützlich|hilfreich|positiv|notwendig|wichtig|erlaubt|legal|legalisier\\p{L}*|Legalisierung|zulässig|wahr|wirksam|effektiv|kostenlos|unverzichtbar',
  ],
  unfavourable: [
    'ungerechtfertigt|unvertretbar|schlecht|schlechte[nrs]?|schlechter|falsch|schädlich|gefährlich|unfair|ungerecht|unethisch|unmoralisch|inakzeptabel|unsicher|ungesund|negativ|unnötig|verboten|verbieten|Verbot|abgeschafft|abschaffen|Abschaffung|illegal|(?:ein )?Fehler|schadet|schaden',
  ],
  clauseBreaks: ['weil|denn|aber|jedoch|obwohl|während|wobei|sondern|sodass'],
  stopwords: [
    'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'und', 'oder', 'zu', 'zur', 'zum', 'in', 'im', 'am',
    'an', 'auf', 'für', 'mit', 'von', 'vom', 'bei', 'ist', 'sind', 'war', 'sein', 'werden', 'wird', 'wurde', 'sollte', 'sollten', 'soll', 'sollen',
    'es', 'sie', 'er', 'wir', 'ihr', 'ich', 'du', 'man', 'auch', 'noch', 'so', 'wie', 'was', 'wer', 'warum', 'welche', 'dass', 'aussage', 'zustimmen',
    'stimmen', 'stimmst', 'halten', 'meinung', 'folgenden', 'frage', 'nicht', 'oder', 'sie', 'ihnen', 'dieser', 'diese', 'dies', 'jahre',
  ],
};
