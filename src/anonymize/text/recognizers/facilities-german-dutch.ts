import { isDictionaryWord } from '../bloom.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * German, Dutch and Malay care places, whose kind comes first as in Welsh: "Praxis am Twannbach", "Praxis Magglingen",
 * "Regionalspital Chasseral", "Klinik St. Josef St. Vith", "Ziekenhuis Reestdal", "Huisartsenpraktijk De Wieden",
 * "Kliniek Laarbeek", "Apotheek Bockstael", "Klinik Kesihatan Telupid" (a Malaysian clinic); and a Swiss hospital named
 * in one word ("Inselspital", "INSELSPITAL BERN"). The bilingual letters of the read sets name 15 such places, none
 * found before; not a Malaysian hospital's departments ("Klinik Pakar Urologi"). The head, then what joins it to its name ("am", "an der", "De", "St."), then one to three
 * capitalised words; a name word that is an English word needs a joining word before it ("Praxis am See"), so that
 * an English sentence opening on "Praxis" or "Klinik" names nothing.
 */
const HEAD = String.raw`(?:gemeinschaftspraxis|arztpraxis|praxis|klinikum|klinik(?:[ \t]+kesihatan)?|kliniek|ziekenhuis|huisartsenpraktijk|huisartsenpost|(?:wijk)?gezondheidscentrum|apotheek|apotheke|krankenhaus|(?:regional|kantons|kinder|kreis|bezirks|universitats|universitäts)?spital|spitalzentrum)`;
const JOIN = String.raw`(?:am|an[ \t]+der|im|zum|zur|in[ \t]+der|de|het|van|st\.|sankt)`;
const WORD = String.raw`[\p{Lu}][\p{L}'’.-]*`;
const HEAD_FIRST = new RegExp(String.raw`(?<![\p{L}])${HEAD}[ \t]+((?:${JOIN}[ \t]+)?${WORD}(?:[ \t]+(?:${JOIN}[ \t]+)?${WORD}){0,2})`, 'dgiu');
// A hospital named in one word ending on "spital", its town in capitals after it when the name is ("INSELSPITAL BERN").
const ONE_WORD = /(?<![\p{L}])([\p{Lu}][\p{Ll}]{2,}spital|[\p{Lu}]{3,}SPITAL(?:[ \t]+[\p{Lu}]{3,}(?![\p{L}]))?)(?![\p{L}])/gu;
const GENERIC_SPITAL = /^(?:regional|kantons|kinder|kreis|bezirks|universitats|universitäts)spital$/iu;
// Not "hospital", which holds "spital" and is in nearly every English note.
const HINT = /praxis|klinik|kliniek|ziekenhuis|huisarts|gezondheid|apothe|krankenhaus|(?<!ho)spital/iu;
const JOIN_WORD = new RegExp(`^${JOIN}$`, 'iu');
// A Malaysian hospital's departments ("Klinik Pakar Urologi": its specialist clinic, "Klinik Suara": its voice clinic).
const MALAY_DEPARTMENT = /^(?:pakar|suara|pemulihan|pergigian)$/iu;

export function germanDutchFacilitySpans(doc: Doc): Span[] {
  if (!HINT.test(doc.text)) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(HEAD_FIRST)) {
    // The head's first letter is a capital: "praxis" in lowercase is an English word of the sentence.
    if (!/^\p{Lu}/u.test(m[0])) continue;
    const words = [...m[1]!.matchAll(/[^ \t]+/g)];
    let kept = 0;
    let joined = false;
    for (let k = 0; k < words.length; k++) {
      const text = words[k]![0];
      if (JOIN_WORD.test(text)) {
        joined = true;
        continue;
      }
      // The pattern reads capitals case-blind (its head may be in capitals): a name word must open on one.
      if (!/^\p{Lu}/u.test(text) || MALAY_DEPARTMENT.test(text)) break;
      // "Praxis Dr. Müller": a doctor's practice named by the doctor, whom the title rules name.
      if (/^(?:dr|prof|med)\.?$/iu.test(text)) break;
      const english = isDictionaryWord(fold(text.replace(/[.,]$/, '')));
      if (english && !joined && text !== text.toUpperCase()) break;
      kept = k + 1;
      joined = false;
    }
    if (kept === 0) continue;
    const last = words[kept - 1]!;
    out.push({ start: m.index, end: m.indices![1]![0] + last.index + last[0].replace(/[.,]$/, '').length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context, source: 'hospital-german-dutch' });
  }
  for (const m of doc.text.matchAll(ONE_WORD)) {
    // "PREHOSPITAL", "INTERHOSPITAL TRANSFER": English words in capitals.
    const word = m[1]!.split(/[ \t]/)[0]!;
    if (GENERIC_SPITAL.test(word) || /hospital$/iu.test(word)) continue;
    out.push({ start: m.index, end: m.index + m[1]!.length, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context, source: 'hospital-german-one-word' });
  }
  return out;
}
