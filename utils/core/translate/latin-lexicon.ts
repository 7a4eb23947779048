/**
 * Evidence for telling Latin-script languages apart, written for Parallax: frequent short words, letters that
 * only some languages use, and letter sequences typical of a language. Weights are hand-set: 1 is one ordinary
 * clue, higher is a letter or sequence (almost) unique to the language.
 */

/** One Latin-script language's clues. */
export interface LatinProfile {
  code: string;
  /** Frequent words (function words, greetings), space-separated, lower case. */
  words: string;
  /** Letters and their weight per occurrence. */
  letters?: Record<string, number>;
  /** Letter sequences (a space marks a word edge) and their weight per occurrence. */
  grams?: Record<string, number>;
}

/** Latin-script languages of the catalogue. Order breaks ties (Indonesian before Malay). */
export const LATIN_PROFILES: readonly LatinProfile[] = [
  {
    code: 'en',
    words:
      'the of and to in is it that for on with as was are be this have not you at by from or but an they we his her he she which will would can there their what all if do does did so no about more when who one has been were had my your our than them its also just how why these those some any only should could may might must very a i s t ll ve re me us into out then because hello thanks please yes',
    grams: { 'ing ': 0.4, ght: 0.6, ould: 0.8, ' wh': 0.5, th: 0.15, 'tion ': 0.2, 'ness ': 0.6, 'ly ': 0.3 },
  },
  {
    code: 'es',
    words:
      'el la los las de del y en que es un una por con no se su para como más pero sus le ya o este esta sí porque muy sin sobre también me hasta hay donde quien desde todo nos durante uno les ni contra otros ese eso ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho nada muchos cual poco ella estar estas algo mi mis tú te tu tus son está están hola gracias cómo cuál usted ser tiene puede',
    letters: { ñ: 2, '¿': 3, '¡': 3, á: 0.3, í: 0.4, ó: 0.4, ú: 0.3, é: 0.2 },
    grams: { 'ción ': 1, 'dad ': 0.6, 'mente ': 0.3, 'os ': 0.2, ll: 0.2, 'ado ': 0.2 },
  },
  {
    code: 'fr',
    words:
      'le la les de des du et en un une est que qui dans pour pas au aux il elle ne se sur ce cette avec par plus sont ou mais nous vous ils elles leur leurs son sa ses on y été être avoir fait comme tout tous très bien aussi sans je tu me te moi toi lui même quand où donc car mon ma mes c l d j qu n bonjour merci oui non peut faut',
    letters: { é: 0.5, è: 0.4, ê: 0.6, à: 0.3, ç: 0.5, œ: 2, û: 1, ù: 0.3, â: 0.3, î: 0.3, ô: 0.4, ë: 0.3, ï: 0.4 },
    grams: { eau: 1, 'aux ': 0.7, ' qu': 0.2, oi: 0.3, 'ent ': 0.2, 'tion ': 0.2, 'ais ': 0.4, 'eux ': 0.6 },
  },
  {
    code: 'de',
    words:
      'der die das und ist in den von zu mit sich des auf für nicht ein eine als auch es an er so dass sie ich wir ihr du wie dem im noch nach bei aus um wenn nur sind war wird werden kann hat haben oder aber vor zur zum über einen einem einer diese dieser dieses man sehr schon mehr nein ja danke bitte hallo warum immer kein keine gibt',
    letters: { ß: 2, ä: 0.6, ö: 0.4, ü: 0.6 },
    grams: { sch: 0.5, 'ung ': 0.8, ich: 0.4, cht: 0.5, tz: 0.5, 'eit ': 0.5, ' ge': 0.2, ei: 0.1, 'en ': 0.1 },
  },
  {
    code: 'nl',
    words:
      'de het een en van in is dat op te zijn voor met die niet aan er om als ook maar dan bij nog wel uit of door naar heeft hebben wordt worden kan zou zij ze hij ik je we wij u dit deze wat waar hoe waarom geen meer veel al over tot moet hallo dank bedankt alstublieft ja nee',
    letters: { ë: 0.3, ï: 0.3 },
    grams: { ij: 0.8, oe: 0.4, aa: 0.5, ee: 0.2, uu: 0.6, sch: 0.3, cht: 0.3, ' ge': 0.2, lijk: 0.8 },
  },
  {
    code: 'sv',
    words:
      'och i att det som en är av för på med till den har de inte om ett men var jag du vi han hon sig så kan man från eller vid när nu också skulle ska bara mycket efter hur varför vad detta denna alla andra finns där här blir blev utan mot sin sina nej ja tack hej',
    letters: { å: 2, ä: 0.6, ö: 0.5 },
    grams: { ck: 0.3, sj: 0.6, 'tt ': 0.3, 'ar ': 0.2, 'ing ': 0.1, kt: 0.2 },
  },
  {
    code: 'pt',
    words:
      'o a os as de do da dos das e em no na nos nas um uma que é por para com não se seu sua mais mas como foi ao à são também ou ele ela eles elas isso isto esse essa este esta muito já quando sem pelo pela sobre entre até mesmo ter tem têm eu você nós vocês meu minha há porque obrigado obrigada olá sim pode',
    letters: { ã: 2, õ: 2, ç: 0.5, ê: 0.5, ô: 0.4, á: 0.3, é: 0.2, í: 0.2, ú: 0.2, â: 0.3 },
    grams: { ção: 1.5, ões: 1.5, nh: 0.5, lh: 0.5, 'mente ': 0.2, 'ado ': 0.2 },
  },
  {
    code: 'it',
    words:
      'il lo la i gli le di del della dei delle e è un una che per in con non si sono da dal al alla nel nella ma come più anche o se questo questa quello quella ci mi ti ne lui lei noi voi loro essere stato era tutto tutti molto già quando perché cosa dove chi sempre ancora ciao grazie sì l dell nell',
    letters: { ò: 0.5, ì: 0.5, ù: 0.4, à: 0.3, è: 0.4 },
    grams: { zione: 1, gli: 0.8, cch: 0.8, zz: 0.6, 'mente ': 0.3, ggi: 0.6, tt: 0.15 },
  },
  {
    code: 'pl',
    words:
      'i w na z do nie to się że jest o jak ale co za po od tak jego jej ich był była było są być przez dla czy już tylko go mi mnie ten ta te tym tego który która które także może bardzo jednak gdy kiedy dlaczego gdzie jestem nas was oraz też tu ze we cześć dziękuję',
    letters: { ł: 2, ą: 2, ę: 2, ś: 2, ź: 2, ż: 2, ć: 2, ń: 1, ó: 0.6 },
    grams: { sz: 0.6, cz: 0.8, rz: 0.8, ie: 0.15, wy: 0.4, ow: 0.2 },
  },
  {
    code: 'ro',
    words:
      'și şi în de la a al ale cu pe nu un o că este sunt care din pentru mai ce se s au fi fost lui ei lor acest această acesta dar sau ca cum când foarte ne vă le îl sa său sale doar tot toate după prin despre bună mulțumesc mulţumesc da',
    letters: { ă: 1, ș: 2, ț: 2, ţ: 1.5, â: 0.6, î: 0.8 },
    grams: { 'ului ': 1.2, 'ii ': 0.5, 'ul ': 0.3, 'ește ': 1, 'ea ': 0.2 },
  },
  {
    code: 'tr',
    words:
      've bir bu da de için ile çok ne o ben sen biz siz onlar var yok değil gibi daha en ama ki mi mı mu mü olarak olan oldu olur kadar sonra önce her şey şu nasıl neden niçin nerede kim hangi evet hayır merhaba teşekkürler lütfen ise veya hem bunu bunun onun',
    letters: { ğ: 2.5, ş: 1.5, ı: 2.5, ç: 0.5, ö: 0.4, ü: 0.6, '\u0307': 1 },
    grams: { ler: 0.4, lar: 0.4, dır: 1, yor: 0.8, ını: 1 },
  },
  {
    code: 'vi',
    words:
      'và của là có không được cho trong một những các với này người đã để khi thì đó như cũng ra tôi bạn chúng ta họ nó rất nhiều nhưng vì nên sẽ đang từ về làm gì sao thế nào ở đây xin chào cảm ơn',
    letters: { ơ: 2.5, ư: 2.5, đ: 2.5, ă: 1, â: 0.5, ê: 0.5, ô: 0.5 },
    grams: { ng: 0.1, nh: 0.2, ngh: 0.5 },
  },
  {
    code: 'id',
    words:
      'yang dan di ke dari ini itu dengan untuk tidak ada adalah dalam akan pada juga saya kami kita mereka anda dia sudah bisa karena atau tetapi tapi jika kalau seperti lebih sangat banyak hanya oleh apa bagaimana mengapa kenapa belum harus sebagai telah masih terima kasih halo yaitu kepada uang daripada saat pikir tergantung ingin sekarang begitu',
    grams: { 'kan ': 0.5, 'nya ': 0.6, ' ber': 0.3, ' men': 0.3, ' peng': 0.4, ' mem': 0.3 },
  },
  {
    code: 'ms',
    words:
      'yang dan di ke dari ini itu dengan untuk tidak ada ialah adalah dalam akan pada juga saya kami kita mereka anda dia sudah boleh kerana atau tetapi jika kalau seperti lebih sangat banyak hanya oleh apa bagaimana mengapa belum harus sebagai telah masih terima kasih iaitu sahaja daripada kepada wang kerajaan mahu fikir bergantung sentiasa walaupun patut',
    grams: { 'kan ': 0.5, 'nya ': 0.6, ' ber': 0.3, ' men': 0.3, ' peng': 0.4, ' mem': 0.3 },
  },
  {
    code: 'sw',
    words:
      'na ya wa kwa ni za la katika hii huu hiyo kama sana lakini au pia bila kuwa ana wana nina yeye wao sisi mimi wewe ninyi hapa pale kwenye kutoka mpaka hadi tu kila nini gani vipi ndiyo hapana asante habari jambo watu mtu tena baada kabla sasa zaidi ili kwamba hivyo hata lazima je kuna yote ndani cha vya kidogo ajili kubwa nzuri huko yangu yako wangu ambao ambayo ambapo',
    grams: { mw: 0.7, ' ku': 0.3, ' tuli': 0.6, ' ali': 0.3, ' ili': 0.3, ' wali': 0.5, ' wa': 0.2, nch: 0.5, ' mt': 0.6, ' ny': 0.3, ish: 0.2, 'sha ': 0.3 },
  },
  {
    code: 'zu',
    words:
      'ukuthi futhi kodwa noma uma ngoba kakhulu lapho lokho lokhu yini kanjani ngani ngiyabonga sawubona yebo cha mina wena yena thina nina bona abantu umuntu kanye nje kuphela manje ukuze akukho kukhona wonke zonke bonke le leli lezi laba',
    grams: {
      ' uku': 1,
      hl: 0.9,
      ' ngi': 0.6,
      ' nga': 0.4,
      kho: 0.5,
      ' oku': 0.6,
      ' isi': 0.4,
      ' ezi': 0.4,
      ' aba': 0.4,
      qa: 0.8,
      qe: 0.8,
      qi: 0.8,
      qo: 0.8,
      ' ama': 0.2,
      kw: 0.2,
    },
  },
  {
    code: 'jv',
    words:
      'lan ing iku karo ora aku kowe sing uga wong iki ana kanggo saka marang dening bisa wis arep nanging menawa yen dadi kabeh apa mung banget isih ngerti kudu amarga sampeyan panjenengan kula dhewe mboten inggih punika ingkang saged badhe sampun nggih piye kepiye wae',
    grams: { dh: 0.9, ngg: 0.5, 'ake ': 0.8, 'ne ': 0.2, ' ng': 0.3, 'ipun ': 1 },
  },
  {
    code: 'yo',
    words:
      'ni ti si ati awọn àwọn kò ní láti pé jẹ́ ṣe wọn mo o a fún yìí náà kan bí sí rẹ̀ mi wà lati pe je se won fun yii naa bi ẹ sùgbọ́n ṣùgbọ́n nítorí gbogbo ohun ènìyàn eniyan èyí nǹkan tí ń kì',
    letters: { ṣ: 3, ẹ: 1.5, ọ: 1.5, ń: 1, '\u0300': 1, '\u0301': 1 },
    grams: { gb: 0.6, kp: 0.6 },
  },
  {
    code: 'ha',
    words:
      'da na ya ba a ta ne ce shi ita su mu ka ki wannan kuma amma don daga cikin zuwa game yadda suka sun yana tana za wani wata abin mutane sosai idan saboda akwai babu kowa duk ake aka wajen haka yanzu ina kai',
    letters: { ɓ: 3, ɗ: 3, ƙ: 3, ƴ: 3 },
    grams: { ts: 0.3, ' sh': 0.3, nn: 0.2, aw: 0.2 },
  },
  {
    code: 'tl',
    words:
      'ang ng mga sa na ay at ako ikaw siya kami tayo sila hindi ito iyon para kung may mayroon wala lang din rin po ba naman pero dahil kasi ano paano bakit lahat isang kanyang niya nila natin namin mo ko ka dito doon salamat',
    grams: { ' mag': 0.6, ' nag': 0.6, ' pag': 0.5, 'ng ': 0.2, ' um': 0.3, 'in ': 0.1 },
  },
  {
    code: 'gd',
    words:
      'agus an am na nan air ann anns aig ach tha bha chan e i iad mi thu sinn sibh ri le gu do de bho seo sin mar gun nach cha bhith ag glè gach dè ciamar carson far bhon cuideachd',
    letters: { ò: 0.6, ì: 0.6, ù: 0.6, à: 0.4, è: 0.3 },
    grams: { bh: 0.8, mh: 0.8, chd: 1.2, dh: 0.4, ea: 0.15, ai: 0.1 },
  },
];
