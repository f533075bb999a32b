import { fold } from './normalize.js';

/**
 * Nationalities and languages as notes write them ("Interpreter (Ukrainian)", "Nationality: Eritrean", "parle
 * tigrigna", "interprète (pachto)"): never a person, a town or a facility on their own. The model, trained on names,
 * calls some of them persons. Folded (lower case, no accents); English and French forms, feminine ones too. Not the
 * ones in -ese, which label-checks.ts reads by their ending, nor those that are common first names ("Karen").
 */
const NATIONALITIES_AND_LANGUAGES = new Set(
  `afghan albanian algerian american amharic arabic argentinian armenian australian austrian azerbaijani bangladeshi belarusian
  belgian bengali bosnian brazilian british bulgarian burmese cameroonian canadian chechen chilean colombian congolese croatian
  cuban czech danish dari dominican dutch egyptian eritrean estonian ethiopian farsi fijian filipino finnish georgian german
  ghanaian greek gujarati haitian hausa hindi hmong hungarian icelandic igbo indian indonesian iranian iraqi israeli italian ivorian
  jamaican jordanian kazakh kenyan khmer korean kurdish kyrgyz latvian lebanese libyan lingala lithuanian macedonian malagasy malay
  malayalam malian mandarin marathi mauritian mexican moldovan mongolian montenegrin moroccan nepali nigerian norwegian pakistani
  palestinian pashto persian peruvian polish punjabi romanian russian rwandan samoan saudi serbian sinhala sinhalese slovak
  slovenian somali spanish sri-lankan sudanese swahili swedish syrian tagalog tamil telugu thai tibetan tigrinya tongan tunisian turkish
  twi ugandan ukrainian urdu uzbek venezuelan vietnamese welsh wolof yoruba zimbabwean zulu
  afghane albanais albanaise algerien algerienne allemand allemande americain americaine amharique anglais anglaise arabe armenien
  armenienne bambara belge bengalais berbere bosniaque bresilien bresilienne britannique bulgare cambodgien cambodgienne camerounais
  camerounaise chinois chinoise comorien comorienne congolais congolaise coreen coreenne creole croate espagnol espagnole ethiopien
  ethiopienne georgien georgienne grec grecque guineen guineenne haitien haitienne hongrois hongroise indien indienne iranien iranienne
  irakien irakienne italien italienne ivoirien ivoirienne japonais japonaise kabyle kurde libanais libanaise malgache malien malienne
  marocain marocaine moldave mongol mongole ourdou pachto pendjabi persan peul polonais polonaise portugais portugaise roumain roumaine
  russe senegalais senegalaise serbe soudanais soudanaise syrien syrienne tamoul tamoule tchetchene tchadien tchadienne tigrigna
  tunisien tunisienne turc turque ukrainien ukrainienne vietnamien vietnamienne`.split(/\s+/).filter(Boolean),
);

/** Whether one word is a nationality or a language of the list ("Ukrainian", "tigrigna", "Roumaine"). */
export function isNationalityOrLanguage(word: string): boolean {
  return NATIONALITIES_AND_LANGUAGES.has(fold(word));
}
