import { isDictionaryWord } from '../bloom.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Nicknames and names in quotes: "aka "Tobs"", « dit Pilou », "prénom d'usage « Sacha »", the name on
 * an intercom ("interphone « LEBRETON-DIAS »"), a nickname between a first name and a surname
 * (Margaret "Bunny" Ashworth) or in brackets after a name (Pham Thi Lan ("Lan")). The cue or the
 * place vouches for the quoted word: it identifies the person as well as the name does.
 */
const QUOTE_OPEN = String.raw`["“«][ \t]*`;
const QUOTE_CLOSE = String.raw`[ \t]*["”»]`;
const NICK = String.raw`\p{L}[\p{L}'’-]{1,25}(?:[ \t]\p{L}[\p{L}'’-]{1,25})?`;
// After a word that only ever announces a nickname or a name ("aka", "dit", "prénom d'usage", an intercom's label).
const NICK_CUE = new RegExp(
  String.raw`\b(?:aka|a\.k\.a\.?|alias|dit|dite|surnomm[ée]e?|pr[ée]nom d'usage|nom d'usage|interphone|intercom|buzzer)[ \t]*:?[ \t]*${QUOTE_OPEN}(${NICK})${QUOTE_CLOSE}`,
  'dgiu',
);
// After English verbs that also quote terms ("called "urgent"").
const NICK_CUE_WEAK = new RegExp(String.raw`\b(?:known as|goes by|called)[ \t]*${QUOTE_OPEN}(${NICK})${QUOTE_CLOSE}`, 'dgiu');
// Between a capitalised first name and a capitalised surname, or in brackets after a capitalised word.
// The word before is checked by a lookbehind placed after the opening quote or bracket, which it
// repeats: the same matches as the lookbehind before it, but V8 tries a leading lookbehind at every
// position (and this one reads back over the whole word each time), while here the search first skips
// ahead to a quote or a bracket (NICK_BRACKETS: a hundredth of the time on the eval documents).
// The surname after the nickname is read too: the first name is the name rules', the surname, cut from it by the
// quotes, is no rule's ("Clarence "Bud" Yancey", "Tommy "Two-Bags" Hughes").
const NICK_INSIDE = new RegExp(String.raw`["“«](?<=\p{Lu}\p{Ll}+[ \t]+["“«])[ \t]*(\p{Lu}[\p{L}'’-]{1,25})${QUOTE_CLOSE}[ \t]+(\p{Lu}[\p{L}'’]{1,30}(?:-\p{Lu}[\p{L}'’]{1,30})?)(?![\p{L}])`, 'dgu');
const NICK_BRACKETS = new RegExp(String.raw`\((?<=\p{Lu}[\p{L}'’-]+[ \t]*\()[ \t]*${QUOTE_OPEN}(\p{Lu}[\p{L}'’-]{1,25})${QUOTE_CLOSE}[ \t]*\)`, 'dgu');
// The same in a lowercase note ("mr pidgeon kenneth ("ken"), 90", "giuseppe lamattina ("joe"), 78"): a quoted word in
// brackets after a word names a nickname there (3 of 3 in the read sets).
const NICK_BRACKETS_LOWER = new RegExp(String.raw`\((?<=\p{Ll}[\p{Ll}'’-]+[ \t]*\()[ \t]*["“]([\p{Ll}][\p{Ll}'’-]{1,20})["”][ \t]*\)`, 'dgu');
const QUOTE_HINT = /["“«]/;

/** Quoted words are often terms ("the "good" knee"): after a weak cue or in brackets, only a name or a word no dictionary knows. */
function nameLike(word: string): boolean {
  return isFirstName(word) || isLastName(word) || !isDictionaryWord(fold(word));
}

export function nicknameSpans(doc: Doc): Span[] {
  if (!QUOTE_HINT.test(doc.text)) return [];
  const out: Span[] = [];
  const push = (m: RegExpMatchArray, source: string) => {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source });
  };
  for (const m of doc.text.matchAll(NICK_CUE)) push(m, 'person-nickname-cue');
  // "called "urgent"": after a verb that quotes terms too, an ordinary word that no name list knows is a term.
  for (const m of doc.text.matchAll(NICK_CUE_WEAK)) if (nameLike(m[1]!)) push(m, 'person-nickname-cue');
  // Between a first name and a surname the place is enough, even for an ordinary word ("Peggy", "Bunny").
  for (const m of doc.text.matchAll(NICK_INSIDE)) {
    push(m, 'person-nickname');
    const [start, end] = m.indices![2]!;
    if (nameLike(m[2]!)) out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-surname-after-nickname' });
  }
  for (const m of doc.text.matchAll(NICK_BRACKETS)) if (nameLike(m[1]!)) push(m, 'person-nickname');
  for (const m of doc.text.matchAll(NICK_BRACKETS_LOWER)) if (nameLike(m[1]!)) push(m, 'person-nickname');
  return out;
}
