import { isDictionaryWord } from '../bloom.js';
import { STAFF_ROLE_ABBREVIATIONS } from '../care-roles.js';
import { isCountry } from '../countries.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { FACILITY_WORD, SERVICE_WORDS } from '../facility-words.js';
import { NAME_LINK_WORDS } from '../link-words.js';
import { fold } from '../normalize.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The speaker of a line in an exported chat ("[03/02/2025, 18:40] Gwenola : on arrive",
 * "[2025-02-03 18:41] Tomasz K (night nurse): ok", "03/02/2025 18:42 - Rhiannon: merci", and an SMS
 * thread's "Orla [Mon 23/11 09:53]: …", "Rhian (27/11 08:02): …"): the
 * export puts the sender's display name between the timestamp and the colon, so the place vouches
 * for it even when no name list knows it. A word that is an ordinary word and no known name
 * ("System", "Note", "Rappel") is left alone: exports write those there too.
 */
// Line start, a bracketed timestamp (a date and/or a time), a bare date-time and a dash, or a bare time
// and a dash (a night's message log: "01:15 – Manon : curatelle simple"), then one
// to three capitalised words (an initial may end the name), an optional role in brackets, a colon.
// A phone's export also writes the day as a weekday and a short date ("[Mon 23 Nov, 7:58 pm] Hemi:", "Fri 27/11
// 2:10 pm – Aroha:"): in brackets, bare with a dash after the time, or bare after a weekday.
const DATE_AND_TIME = String.raw`[0-9]{1,2}(?:[/.-][0-9]{1,2}(?:[/.-][0-9]{2,4})?|[ \t]+\p{L}{3,9}\.?(?:[ \t]+[0-9]{4})?),?[ \t]+[0-9]{1,2}:[0-9]{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;
const DAY_AND_TIME = String.raw`(?:\p{L}{2,9}\.?,?[ \t]+)?${DATE_AND_TIME}`;
// A weekday opening the line vouches for a message's timestamp without brackets or a dash ("Sat 28 Nov 9:14 am
// Aroha: …", "Mon 23/11 3:40pm Bec: …"): a log line's date has no weekday before a sender and a colon.
const WEEKDAY = String.raw`(?:[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un|[Ll]un|[Mm]ar|[Mm]er|[Jj]eu|[Vv]en|[Ss]am|[Dd]im)\p{Ll}{0,6}\.?,?`;
const CHAT_TIMESTAMP = String.raw`\[[0-9][0-9/.:, -]{3,24}(?:[ \t]?[AaPp][Mm])?\]|\[${DAY_AND_TIME}\]|${DAY_AND_TIME}[ \t]+[–—-]|${WEEKDAY}[ \t]+${DATE_AND_TIME}|[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4},?[ \t]+[0-9]{1,2}:[0-9]{2}(?:[ \t]?[AaPp][Mm])?[ \t]+-|[0-9]{1,2}:[0-9]{2}[ \t]+[–—-]`;
// A name in a script without capitals (Bengali, Persian, Hindi, Hebrew, Chinese): one to three words of its letters
// and marks ("শাহেদ (সুনামগঞ্জ):", "رضا (شیراز):"), where a Latin name would need its capital.
const CASELESS_WORDS = String.raw`[\p{Lo}][\p{Lo}\p{M}]{0,29}(?:[ \t][\p{Lo}][\p{Lo}\p{M}]{0,29}){0,2}`;
const CASELESS_PART = new RegExp(String.raw`^${CASELESS_WORDS}$`, 'u');
const CHAT_SPEAKER = new RegExp(
  String.raw`^[ \t]*(?:${CHAT_TIMESTAMP})[ \t]*(\p{Lu}[\p{L}'’-]{1,30}(?:[ \t]\p{Lu}[\p{L}'’-]{1,30}){0,2}(?:[ \t]\p{Lu}\.?)?|${CASELESS_WORDS})[ \t]*(?:\(([^()\n]{1,40})\))?[ \t]*:`,
  'dgmu',
);
// A service sends in threads too, under its name ("Fri 27/11 2:03 pm – Wgtn Blood & Cancer Centre: Kia ora",
// "[23/11/2026, 08:15] Stomal Therapy – Wairau: Morning"): a named service there is a HOSPITAL.
const CHAT_SERVICE = new RegExp(String.raw`^[ \t]*(?:${CHAT_TIMESTAMP})[ \t]*(\p{Lu}[^:\n]{2,60}?)[ \t]*:(?![0-9])`, 'dgmu');
const SERVICE_WORD = new RegExp(`^(?:${[...SERVICE_WORDS, 'therapy', 'practice', 'ide', 'ch', 'chu', 'gp', 'dental', 'hdj', 'ssiad', 'had', 'emsp', 'care', 'outreach'].join('|')})$`);

// SMS threads copied into notes put the name first and the time after it, in brackets: "Orla [Mon 23/11
// 09:53]: no bother", "Rhian (27/11 08:02): thank you".
const NAME_THEN_TIME = /^[ \t]*(\p{Lu}[\p{L}'’-]{1,30}(?:[ \t]\p{Lu}[\p{L}'’-]{1,30}){0,2})[ \t]*[[(](?:\p{L}{2,4}\.?[ \t]+)?[0-9]{1,4}[/.-][0-9]{1,2}(?:[/.-][0-9]{2,4})?,?[ \t]+[0-9]{1,2}:[0-9]{2}(?:[ \t]?[AaPp][Mm])?[\])][ \t]*:/dgmu;
// Both timestamp forms hold a time: a note with no "d:dd" has no chat line and skips the scan.
const CHAT_HINT = /\d:\d\d/;

function mayBeDisplayName(word: string): boolean {
  if (/^\p{Lu}\.?$/u.test(word)) return true; // the surname's initial
  const key = fold(word);
  if (CASELESS_PART.test(word)) return !KIN_WORDS.has(word); // no list knows these names: all but a family word
  // A service writes in threads too ("Labo", "Pharmacie"), under a word no English dictionary holds.
  if (FACILITY_WORD.test(key)) return false;
  return isFirstName(key) || isLastName(key) || !isDictionaryWord(key);
}

// A family word or an honorific before the sender's name ("Tatie Rosette", "Mama Lisa", "Tonton Heimana"): the
// name after it is a person's, an ordinary word too ("Rosette").
// In scripts without capitals, the family words that stand for a sender's name or after it ("আম্মা:", "مامان:",
// "ফারহানা খালা"): Bengali, Persian and Arabic, Hindi, Hebrew.
const KIN_IN_OTHER_SCRIPTS = ['আম্মা', 'আম্মু', 'আব্বা', 'আব্বু', 'মা', 'বাবা', 'আপু', 'আপা', 'ভাই', 'খালা', 'খালু', 'চাচা', 'চাচি', 'মামা', 'মামি', 'নানি', 'নানা', 'দাদি', 'দাদা', 'مامان', 'بابا', 'مادر', 'پدر', 'ماما', 'عمو', 'خاله', 'دایی', 'عمه', 'مادربزرگ', 'پدربزرگ', 'أمي', 'أبي', 'جدتي', 'माँ', 'मां', 'मम्मी', 'पापा', 'बाबा', 'दादी', 'दादा', 'नानी', 'नाना', 'चाचा', 'चाची', 'मामा', 'मामी', 'भैया', 'दीदी', 'אמא', 'אבא', 'סבתא', 'סבא', 'דודה', 'דוד'];
const KIN_WORDS = new Set([...KIN_IN_OTHER_SCRIPTS, 'mama', 'maman', 'mamie', 'mami', 'mamy', 'papa', 'papi', 'papy', 'tatie', 'tati', 'tata', 'tantine', 'tante', 'tonton', 'oncle', 'aunty', 'auntie', 'aunt', 'uncle', 'nanny', 'nana', 'nan', 'granny', 'gran', 'grandma', 'grandpa', 'nonna', 'nonno', 'cousin', 'cousine', 'bro', 'sis']);
// Senders that are no one's name, though no name list refuses them: the writer, an app, a placeholder.
const NOT_A_SENDER_NAME = new Set(['moi', 'me', 'myself', 'nous', 'us', 'user', 'utilisateur', 'bot', 'system', 'systeme', 'admin', 'administrator', 'auto-reply', 'autoreply', 'note', 'notes', 'rappel', 'reminder', 'patient', 'patiente', 'client', 'cliente', 'parent', 'parents', 'famille', 'family', 'team', 'obs', 'chair', 'reading', 'message', 'info', 'infos', 'reponse', 'reply', 'unknown', 'inconnu']);

// A discipline writes as a service does ("Orthoptics:", "Pédiatrie :", "Physiotherapy:").
const DISCIPLINE = /(?:ics|ology|ologie|therapy|therapie|iatrie|iatry|urgie)$/;

/** A word a sender's name may be after a family word or when it recurs: capitalised, no role, no service. */
function mayBeNameWord(word: string): boolean {
  if (!/^\p{Lu}[\p{Ll}'’-]+$/u.test(word)) return false;
  const key = fold(word);
  return !FACILITY_WORD.test(key) && !SERVICE_WORD.test(key) && !DISCIPLINE.test(key) && !ROLE_WORDS.has(key) && !KIN_WORDS.has(key) && !NOT_A_SENDER_NAME.has(key);
}

export function chatSpeakerSpans(doc: Doc): Span[] {
  if (!CHAT_HINT.test(doc.text)) return [];
  const out: Span[] = [];
  // One-word senders no list vouches for ("Aisling", "Bec"), by name: kept when the same sender writes twice in a
  // thread where someone else writes too, as a person's display name does.
  const unvouched = new Map<string, [number, number][]>();
  const senders = new Set<string>();
  for (const m of [...doc.text.matchAll(CHAT_SPEAKER), ...doc.text.matchAll(NAME_THEN_TIME)]) {
    const town = m[2] === undefined ? undefined : townInSenderBracket(m[2], m.indices![2]![0]);
    if (town) out.push({ ...town, label: 'CITY', score: 0.75, priority: PRIORITY.context - 5, source: 'city-chat-speaker-bracket' });
    const [start, end] = m.indices![1]!;
    const name = m[1]!;
    senders.add(name);
    const words = name.split(/[ \t]+/);
    // One word in capitals that no name list holds is a role or a heading ("PHN:", "HT:", "READING:"), not a sender's name.
    if (words.length === 1 && /^\p{Lu}{2,}$/u.test(name) && !isFirstName(name) && !isLastName(name)) continue;
    if (words.every(mayBeDisplayName)) {
      out.push({ start, end, label: 'PERSON', score: 0.85, priority: PRIORITY.context - 5, source: 'person-chat-speaker' });
      continue;
    }
    if (words.length >= 2 && words.length <= 3 && KIN_WORDS.has(fold(words[0]!)) && words.slice(1).every(mayBeNameWord)) {
      const from = start + name.indexOf(words[1]!, words[0]!.length);
      out.push({ start: from, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-chat-speaker-after-kin' });
      continue;
    }
    // The family word after the name, as Bengali and Persian write it ("ফারহানা খালা", Farhana aunt).
    if (words.length >= 2 && words.length <= 3 && KIN_WORDS.has(words.at(-1)!) && CASELESS_PART.test(name) && words.slice(0, -1).every(mayBeDisplayName)) {
      out.push({ start, end: end - words.at(-1)!.length - 1, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-chat-speaker-after-kin' });
      continue;
    }
    if (words.length === 1 && mayBeNameWord(name)) unvouched.set(name, [...(unvouched.get(name) ?? []), [start, end]]);
  }
  if (senders.size >= 2) {
    for (const places of unvouched.values()) {
      if (places.length < 2) continue;
      for (const [start, end] of places) out.push({ start, end, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source: 'person-chat-speaker-recurring' });
    }
  }
  for (const m of doc.text.matchAll(CHAT_SERVICE)) {
    const [start, end] = m.indices![1]!;
    // A named service and, after a dash, who writes for it ("Cabinet de kinésithérapie de Malendure – Steeve",
    // "Physio Témis – Geneviève"): the service is a HOSPITAL, the one or two capitalised words after it a name.
    const signed = /^(.+?)[ \t]+[–—-][ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]\p{Lu}[\p{L}'’-]+)?)$/u.exec(m[1]!);
    // Not a unit's acronym after the dash ("Clinique Saint-Gervais – AMP", "Secrétariat OHB – CHPF").
    if (signed && isNamedService(signed[1]!) && !signed[2]!.split(/[ \t]/).some((w) => /^\p{Lu}+$/u.test(w) || SERVICE_WORD.test(fold(w)) || FACILITY_WORD.test(fold(w)))) {
      out.push({ start, end: start + signed[1]!.length, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context - 5, source: 'hospital-chat-speaker' });
      out.push({ start: end - signed[2]!.length, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-chat-speaker-for-service' });
      continue;
    }
    if (isNamedService(m[1]!)) {
      out.push({ start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context - 5, source: 'hospital-chat-speaker' });
      continue;
    }
    // "Dr Sam Ferrier – GDH ED", "Proxim Baie-Saint-Paul – Pharm. Julie Tremblay": a person on one side of the dash,
    // the place they write from on the other. The person is left to the name rules.
    const parts = /^(.+?)([ \t]+[–—-][ \t]+)(.+)$/u.exec(m[1]!);
    if (!parts) continue;
    const [left, dash, right] = [parts[1]!, parts[2]!, parts[3]!];
    const place = isPersonWithRole(left) ? { at: start + left.length + dash.length, text: right } : isPersonWithRole(right) ? { at: start, text: left } : undefined;
    if (place && isPlaceName(place.text)) out.push({ start: place.at, end: place.at + place.text.length, label: 'HOSPITAL', score: 0.75, priority: PRIORITY.context - 5, source: 'hospital-chat-speaker-beside-person' });
  }
  return out;
}

/**
 * The town a family chat writes after a sender's name, in the brackets a role takes elsewhere ("Montse (Encamp):",
 * "Avi Pere (Sant Julià de Lòria):", "Elisa (vicina / voisine, Cogne):", "رضا (شیراز):"): the bracket's last part, after a
 * comma or a slash, when it is one to three words of a script without capitals, or one to four capitalised words (link words between), the last no ordinary word, and no role,
 * family word, first name, country or firm ("(night nurse)", "(Mamie)", "(Sylvie)", "(UK)", "(Caye Caulker Divers)").
 */
function townInSenderBracket(bracket: string, at: number): { start: number; end: number } | undefined {
  const cut = Math.max(bracket.lastIndexOf(','), bracket.lastIndexOf('/')) + 1;
  const part = bracket.slice(cut).trim();
  // A script without capitals has no dictionary here either: its words in the brackets are the town, as in Latin.
  if (CASELESS_PART.test(part)) {
    const start = at + bracket.indexOf(part, cut);
    return { start, end: start + part.length };
  }
  const words = part.split(/[ \t]+/);
  if (words.length > 4 || !/^\p{Lu}/u.test(part) || isCountry(part)) return undefined;
  // Capitals only where a word or a part of it starts: "PharmD" is a degree.
  if (!words.every((w) => /^\p{Lu}\p{Ll}+(?:['’-]\p{L}\p{Ll}*)*$/u.test(w) || NAME_LINK_WORDS.has(fold(w)))) return undefined;
  const keys = words.map((w) => fold(w));
  if (keys.some((k) => ROLE_WORDS.has(k) || KIN_WORDS.has(k) || NOT_A_SENDER_NAME.has(k) || SERVICE_WORD.test(k) || FACILITY_WORD.test(k))) return undefined;
  // A firm closes its name on what it does ("Caye Caulker Divers", "Acadiana Home Respiratory"); a town seldom does.
  if (isFirstName(keys[0]!) || isDictionaryWord(keys.at(-1)!) || !keys.some((k) => !NAME_LINK_WORDS.has(k) && !isDictionaryWord(k))) return undefined;
  const start = at + bracket.indexOf(part, cut);
  return { start, end: start + part.length };
}

const ROLE_WORDS = new Set([...TITLE_WORDS, ...STAFF_ROLE_ABBREVIATIONS, 'nurse', 'sister', 'inf', 'infirmiere', 'infirmier', 'pharm', 'pharmacien', 'pharmacienne', 'pharmacist', 'midwife', 'sage-femme', 'conseillere', 'conseiller']);

/** A sender that is a person: a title or a role before capitalised words ("Pharm. Julie Tremblay"), or a first name alone or before one capitalised word ("Jo Carmody", "Jess"). */
function isPersonWithRole(side: string): boolean {
  const words = side.split(/[ \t]+/);
  const first = fold(words[0]!.replace(/\.$/, ''));
  const rest = ROLE_WORDS.has(first) ? words.slice(1) : words;
  if (rest.length === 0 || rest.length > 3 || !rest.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) return false;
  return ROLE_WORDS.has(first) || (rest.length <= 2 && isFirstName(fold(rest[0]!)));
}

/**
 * The other side names a place: capitalised words, one of them an acronym or a word no dictionary holds ("GDH ED",
 * "Proxim Baie-Saint-Paul"), none a first name opening it. A role alone is who writes, not where from ("Josiane –
 * IDEL", "Marc – RN").
 */
function isPlaceName(side: string): boolean {
  const words = side.split(/[ \t]+/);
  if (words.length === 1 && ROLE_WORDS.has(fold(words[0]!.replace(/\.$/, '')))) return false;
  if (words.length > 6 || !words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_LINK_WORDS.has(fold(w)))) return false;
  if (isFirstName(fold(words[0]!)) && !isLastName(fold(words[0]!))) return false;
  return words.some((w) => /^\p{Lu}{2,}$/u.test(w) || !isDictionaryWord(fold(w)));
}

/**
 * Two words or more, a service word among them, and a name (a word no dictionary holds: "Wairau", "Wgtn",
 * "NZ"). A person with a role is no service: "IDE Sandrine" (a first name), "Bronwen (DN team lead)",
 * "Jasmine Kaur, RN – Cardiology" (a role in brackets or after a comma).
 */
function isNamedService(sender: string): boolean {
  if (/[(),]/.test(sender)) return false;
  const words = (sender.match(/\p{L}[\p{L}'’-]*/gu) ?? []).map((w) => fold(w));
  if (words.length < 2 || !words.some((w) => SERVICE_WORD.test(w))) return false;
  const names = words.filter((w) => !SERVICE_WORD.test(w) && !NAME_LINK_WORDS.has(w));
  return !names.some((w) => isFirstName(w)) && names.some((w) => !isDictionaryWord(w));
}
