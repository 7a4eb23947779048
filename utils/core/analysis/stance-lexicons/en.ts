import type { StanceLexicon } from './types';

const DEGREE = '(?:(?:strongly|completely|fully|totally|entirely|wholeheartedly|largely|mostly|generally|somewhat|tend to|would|do|personally|firmly|definitely|absolutely|mainly) )*';

/** Judgements that deny what follows them: "it is not accurate to say that…", "that is a stereotype". */
const DENIAL =
  '(?:not (?:accurate|true|correct|fair|right|appropriate|valid)|inaccurate|incorrect|untrue|unfair|wrong|false|misleading|unfounded|a (?:\\w+ )?(?:misconception|myth|stereotype|generali[sz]ation|overgenerali[sz]ation|oversimplification)|an (?:\\w+ )?(?:overgenerali[sz]ation|oversimplification|exaggeration))';

/** English stance lexicon (also reads back-translations). */
export const en: StanceLexicon = {
  language: 'en',
  agree: [
    `I ${DEGREE}agree(?! (?:that|or disagree|nor|with (?:critics|those|people|some|others|the (?:critics|concerns))))`,
    `I(?:'d| would) ${DEGREE}agree`,
    "I(?:'m| am) (?:\\w+ )?in (?:full |complete |general |broad )?agreement",
    '(?:I )?(?:fully |strongly |completely )?(?:support|endorse) (?:this|the|that) (?:statement|view|claim|idea|proposal)',
    '(?:my )?(?:answer|position|stance|view) (?:is|would be):? (?:I )?(?:strongly )?agree',
    'I lean towards? agree(?:ing|ment)',
    '(?:the|this|that) statement is (?:true|correct|accurate|right)',
    "I(?:'d| would) (?:argue|say|answer|have to say) yes",
  ],
  disagree: [
    `I ${DEGREE}disagree(?! that)`,
    `I(?:'d| would) ${DEGREE}disagree(?! that)`,
    `I ${DEGREE}(?:do not|don't|cannot|can't|would not|wouldn't|could not|couldn't) ${DEGREE}agree(?! or disagree| nor| that)`,
    "I(?:'m| am) not in agreement",
    '(?:I )?(?:reject|do not support|don\'t support) (?:this|the|that) (?:statement|view|claim|idea)',
    '(?:the|this|that) statement is (?:false|incorrect|inaccurate|wrong|untrue|misleading|an oversimplification)',
    'I lean towards? disagree(?:ing|ment)',
    "I(?:'d| would) (?:argue|say|answer|have to say) no",
  ],
  agreeOpen: ['(?:(?:my )?(?:answer|verdict|position|response|rating)(?: is)?:? )?(?:i )?(?:strongly |somewhat |mostly |largely |generally |tend to )?agree(?=\\s*(?:[.!,:;—–*(]|with|$))'],
  disagreeOpen: ['(?:(?:my )?(?:answer|verdict|position|response|rating)(?: is)?:? )?(?:i )?(?:strongly |somewhat |mostly |largely |generally |tend to )?disagree(?=\\s*(?:[.!,:;—–*(]|with|$))'],
  both: ['(?:partly|partially|in part) agree (?:and|but) (?:partly |partially |in part )?disagree', 'agree (?:with )?some (?:parts?|aspects?) (?:and|but) disagree'],
  noPosition: [
    '(?:I )?neither agree nor disagree',
    "I (?:do not|don't) (?:have|hold) (?:personal |my own )?(?:opinions?|views?|beliefs?|preferences|feelings|a (?:personal |stance|position|view|opinion))",
    "I (?:can't|cannot|am not able to|'m not able to|won't|will not|do not|don't) (?:\\w+ )?(?:take|share|give|express|offer|provide) (?:a |any )?(?:sides?|personal (?:opinions?|views?|stance)|(?:a )?(?:position|stance|side)|opinions? on)",
    "I (?:do not|don't) take sides",
    "(?:it(?:'s| is) not|isn't) (?:my place|appropriate for me) to",
    'I remain neutral|I (?:must|have to|should) remain neutral',
  ],
  believe: [
    "I (?:\\w+ )?(?:think|believe|feel|would argue|would say|am convinced|'m convinced|maintain|hold|would conclude|conclude|would suggest|would recommend)(?: that)?",
    "(?:in|from) my (?:personal |honest )?(?:view|opinion|perspective|assessment)",
    "my (?:personal |honest )?(?:view|opinion|position|stance|answer|verdict|conclusion) is(?: that)?",
    'I agree that',
    "I(?:'m| am) (?:\\w+ )?in favou?r of|I (?:\\w+ )?support",
    '(?:overall|on balance|ultimately|in conclusion|in short|to sum up|all things considered),',
  ],
  disbelieve: [
    "I (?:do not|don't|cannot|can't|would not|wouldn't) (?:\\w+ )?(?:think|believe|see how|accept)(?: that)?",
    "I(?:'m| am) not (?:convinced|persuaded|sure)(?: that)?",
    'I disagree that|I do not agree that|I don\'t agree that',
    "I(?:'m| am) (?:\\w+ )?(?:not in favou?r of|against)|I (?:\\w+ )?oppose",
    `(?:it(?:'s| is)|that(?:'s| is)|this is) (?:\\w+ )?${DENIAL}(?: (?:and|or|nor) (?:\\w+ )?${DENIAL})*(?: to (?:say|assume|claim|suggest|think|believe|state|generali[sz]e|label|categori[sz]e|stereotype))?(?: that)?`,
  ],
  negation: [
    "not|[a-z]+n't|no|never|nor|neither|none|nothing|nowhere|cannot",
    'rather than|instead of|far from|without',
  ],
  reported: [
    '(?:some|many|other|most)(?: \\w+)? (?:argue|believe|say|claim|think|contend|maintain|worry|warn|point out|suggest|feel|hold)s?',
    'critics|proponents|supporters|opponents|advocates|skeptics|sceptics|detractors|defenders',
    '(?:argues?|argued|claims?|claimed|contends?|say|says|said) that',
    'whether|if|unless|suppose|supposing|assuming',
    '(?:the )?question (?:of|is)',
    'according to',
    'arguments?|reasons why (?:some|many|people|critics|others)|(?:commonly|often|frequently|typically) (?:made|cited|raised|put forward|given|argued)',
  ],
  modal: [
    'should|ought to|must|need to|needs to|has to|have to|would be|will be',
  ],
  favourable: [
    'justified|justifiable|fine|okay|ok|appropriate|humane|good|great|better|best|beneficial|benefits?|helpful|useful|positive|right|fair|ethical|moral|acceptable|reasonable|wise|safe|safer|safest|healthy|healthier|valid|true|correct|effective|important|essential|necessary|worth(?:while)?|legal|legali[sz](?:e|ed|ing|ation)|allow(?:ed|ing)?|permitted|kept|protected|encouraged|supported|free',
  ],
  unfavourable: [
    'unjustified|unjustifiable|cruel|inhumane|inappropriate|bad|worse|worst|harmful|harms?|dangerous|negative|wrong|unfair|unethical|immoral|unacceptable|unreasonable|unwise|unsafe|unhealthy|invalid|false|ineffective|unnecessary|a mistake|mistaken|misguided|illegal|banned|ban|prohibited|prohibit|forbidden|outlawed|abolished|abolish|restricted|discouraged|harm|damag(?:e|es|ing)|destroy(?:s|ing)?|inferior|worse',
  ],
  clauseBreaks: [
    'because|since|as long as|which|who|although|though|even though|while|whereas|but|however|so that|so|unless|until|when',
  ],
  stopwords: [
    'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'be', 'is', 'are', 'was', 'were', 'it', 'this', 'that', 'these',
    'those', 'do', 'does', 'did', 'should', 'would', 'could', 'can', 'will', 'must', 'you', 'your', 'we', 'our', 'they', 'their', 'more',
    'than', 'what', 'which', 'who', 'how', 'why', 'agree', 'disagree', 'statement', 'following', 'opinion', 'view', 'think', 'answer',
    'please', 'give', 'honest', 'tell', 'about', 'there', 'have', 'has', 'been', 'being', 'from', 'into', 'by', 'as', 'at', 'all', 'any',
  ],
};
