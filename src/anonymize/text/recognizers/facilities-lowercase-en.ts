import { isDictionaryWord } from '../bloom.js';
import { isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';

/**
 * English care places named in lowercase notes, where the facility rules want capitals: "from balfour
 * care home", "admission expected from st andrews community hospital", "transferred to kirkcaldy general
 * hospital". A word of movement or place before (or the bracket or comma after a GP or a doctor named just
 * before: "gp dr s. nakamura (egton surgery)", "gp changed to dr whiteside, seaton surgery"), a kind of care place
 * after (a practice, a surgery and a pharmacy too), and between them one to three words whose first is a town a
 * list knows, a surname, "st", or no ordinary word ("from the community hospital", "at local care home", "cardiac
 * surgery" name no place). A note's header names its place at the line's start or after a dash ("kilifi county referral
 * hospital – male medical ward", "renal dietitian phone review – lismore base hospital renal unit"); a clinic too
 * ("at spearfish eye clinic"). Australian notes name the country town's health service and its aged-care home so
 * ("merredin health service – acute ward", "resident of bruce rock residential aged care"), and a GP's practice after
 * an "@" ("gp: dr anand @ ouyen medical clinic"); a private pathology lab by its place ("sent to clare valley pathology").
 */
const HEAD = String.raw`(?:care[ \t]+home|nursing[ \t]+home|residential[ \t]+home|community[ \t]+hospital|general[ \t]+hospital|district[ \t]+hospital|hospital|infirmary|hospice|medical[ \t]+cent(?:re|er)|health[ \t]+cent(?:re|er)|health[ \t]+service|(?:residential[ \t]+)?aged[ \t]+care|medical[ \t]+practice|medical[ \t]+group|group[ \t]+practice|surgery|pharmacy|clinic|pathology|community[ \t]+health|eye[ \t]+care|eyecare|(?:eye|ect|orthoptic)[ \t]+service|sleep[ \t]+cent(?:re|er)|telepsychiatry[ \t]+hub|family[ \t]+practice)`;
const NAME_WORDS = String.raw`((?:st\.?[ \t]+)?[a-z][a-z'-]{2,20}(?:[ \t]+[a-z][a-z'-]{2,20}){0,2}?)`;
const PLACE = new RegExp(
  String.raw`(?:\b(?:from|to|at|in|via|into|of)[ \t]+|@[ \t]*|[(,](?<=\b(?:gp|dr|doctor)\b[^\n(,]{0,40}[(,])[ \t]*)${NAME_WORDS}[ \t]+${HEAD}(?![\p{L}])`,
  'dgu',
);
// A header's place: only the heads that name a whole establishment. A clinic or a surgery there is often a town's
// outreach clinic ("fitzroy crossing clinic", which the sets mark as the town) or a specialty ("botox clinic").
const HEADER_HEAD = String.raw`(?:hospital|infirmary|hospice|medical[ \t]+cent(?:re|er)|health[ \t]+cent(?:re|er)|health[ \t]+service|medical[ \t]+practice|pharmacy|(?:residential[ \t]+)?aged[ \t]+care|community[ \t]+health)`;
const HEADER_PLACE = new RegExp(String.raw`(?:(?<=^|\n)[ \t]*|[ \t][-–—][ \t]+)${NAME_WORDS}[ \t]+${HEADER_HEAD}(?![\p{L}])`, 'dgu');
const HINT = new RegExp(HEAD, 'u');
const NOT_A_NAME = new Set(['the', 'a', 'an', 'our', 'his', 'her', 'their', 'this', 'that', 'local', 'nearest', 'same', 'other', 'private', 'public', 'new', 'old', 'main', 'general', 'community', 'district', 'county', 'city', 'regional', 'rural', 'teaching', 'university', 'mental', 'day', 'respite', 'residential']);

export function lowercaseEnglishFacilitySpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const t = doc.text;
  const out: Span[] = [];
  for (const m of [...f.matchAll(PLACE), ...f.matchAll(HEADER_PLACE)]) {
    const [s] = m.indices![1]!;
    const end = m.index + m[0].length;
    if (t.slice(s, end) !== t.slice(s, end).toLowerCase()) continue; // capitalised: the facility rules'
    const words = m[1]!.split(/[ \t]+/);
    const first = words[0]!.replace(/\.$/, '');
    if (NOT_A_NAME.has(first)) continue;
    const named = first === 'st' || isListedTown(words.join(' '), 2000) || isListedTown(first, 2000) || isLastName(first) || !isDictionaryWord(fold(first));
    if (!named) continue;
    out.push({ start: s, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 10, source: 'facility-lower-en' });
  }
  return out;
}
