import { isDictionaryWord } from '../bloom.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { FILE_EXTENSIONS } from '../file-names.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { SPECIES } from './persons-informal.js';

/**
 * Logins, which an audit log or an incident names a person by ("user bolsen32", "2025-10-14T09:12:44;
 * ajegou;JÉGOU Annick;…", "2025-09-03 14:22:08 | dhalibal (Baljit Dhaliwal) |"): a login made of a name is a
 * PERSON, an opaque one an identifier. A login is one lowercase token of letters, maybe digits, dots or dashes:
 *   - after "user", "username", "login", "utilisateur" or "identifiant" (not an English word: "login
 *     from 83.24.…");
 *   - in the first cell after an ISO timestamp that opens a table row (a cell of ordinary words there
 *     is an action: "consultation", "impression");
 *   - after who exported or generated a file, before the host it came from ("exported 24/11/2026 by lmcinnes
 *     from 10.142.7.23", "généré par cvandamme depuis 192.168.12.40", "opérateur mschwartzmann — poste …"):
 *     an export's header names its author by login. That one is a PERSON: the hand-written sets mark the author
 *     of an export so (holdout33..36, every time), the login standing for the name it is made of. The same after who entered, created or recorded a note ("saisie par
 *     c.jacquot", "entered by s.griffiths"), who received, added, amended or typed it ("received 25/11/26 by
 *     clm_dbyrne;", "addendum added … by foconchuir:", "NOTE by cmw.odonoghue (…)"), who last saved it ("last saved
 *     29/11/2026 22:14 by ifairweathernash", a document's status line), who merged a mail merge or
 *     ran a batch ("merged 23/11/2026 by pshea]", "exported by clinaudit.fkeogh · host …",
 *     "fusion par npoirier2]", "run by lhocking @ 192.168.14.61"), right after "export" before the host, and for who
 *     commented in an export ("# NB nmarsaud : …") or a draft ("[comment ihc: …]"); a markdown table's title cell may close after the login
 *     ("| … physiotherapy — exported 30/11/2026 by aoconnor |");
 *   - a login made of an initial, a dot and a surname anywhere ("(k.drummond)", "- l.macintyre"): a person;
 *   - a forum post's author ("Posted by DalesWalker67 » Sun Nov 29"): a person;
 *   - a login after the staff role that closes a log's cell ("| RN mpelletier |", "RT kbirdsell |"): a person, when
 *     the token is no dictionary word (a role's ordinary words: "RT palliative", "PA pending").
 */
const LOGIN = String.raw`[a-z][a-z0-9._-]{2,20}`;
const AFTER_KEYWORD = new RegExp(String.raw`\b(?:user|username|login|utilisateur|identifiant)[ \t]*[:=]?[ \t]+(${LOGIN})(?![\p{L}\p{N}@])`, 'dgu');
const AFTER_TIMESTAMP = new RegExp(String.raw`^[ \t]*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?Z?[ \t]*[|;,][ \t]*(${LOGIN})(?=[ \t]*(?:[|;,]|\())`, 'dgmu');
const EXPORTED_BY = new RegExp(
  String.raw`\b(?:(?:export(?:ed|e)?|genere|generated|extrait|extracted|extraction|printed|imprime|entered|created|saisie?|cree|redige|recorded|enregistre|merged|fusion(?:ne)?|run|prepared|prepare|received|added|ajoutee?|updated|amended|modified|modifiee?|edited|typed|keyed|logged|scanned|uploaded|validated|note|saved)\b[^\n]{0,30}?[ \t](?:by|par)|operat(?:eur|rice|or))[ \t]*:?[ \t]+(${LOGIN})(?=[ \t]*(?:@|\(|\]|\||–|—|·|;|:|,|-[ \t]|from\b|depuis\b|sur\b|on\b|le\b|at\b|poste\b|host\b|$))`,
  'dgmu',
);
// "(export agirod, IP 10.73.128.15)": the login right after "export", before the machine it ran on.
// "# extraction mbrua via 10.208.44.17": after "extraction" too, before "via" and the host.
const EXPORT_LOGIN_HOST = new RegExp(String.raw`\b(?:export|extraction|extract)[ \t]+(${LOGIN})(?=[ \t]*(?:,[ \t]*(?:ip|poste|host|from|depuis)|via)\b)`, 'dgu');
// An export's header written as CSV key-value cells ("User","pmcallister", "Run by","tbrohman", user,tshreve) or one
// cell "by mmcdermott": the login in the cell after the key.
const CSV_KEY_LOGIN = new RegExp(
  String.raw`(?:^|[",;|\t])[ \t]*"?(?:user|username|user name|login|utilisateur|identifiant|run by|prepared by|exported by|extracted by|by|par)"?[ \t]*[,;|\t][ \t]*"?(${LOGIN})"?(?=[ \t]*(?:[,;|\t]|\r?\n|$))|"(?:by|par)[ \t]+(${LOGIN})"`,
  'dgimu',
);
// What every CSV_KEY_LOGIN match holds (a key's last word right before a separator, or a quoted "by …"): a cheap scan
// first, since the pattern itself is tried at every separator of every note.
const CSV_KEY_LOGIN_HINT = /(?:user|name|login|utilisateur|identifiant|by|par)"?[ \t]*[,;|\t]|"(?:by|par)[ \t]/i;
// A forum post's author by user name, before the post's date ("Posted by DalesWalker67 » Sun Nov 29, 2026", "posted by
// moodswings_mo on 30/11"): a person's chosen name, in any case.
const POSTED_BY = /\bposted[ \t]+by[ \t]+([\p{L}][\p{L}\p{N}_.-]{2,30})(?=[ \t]*(?:»|›|\||–|—|-[ \t]|on\b|at\b|\r?\n|$))/dgiu;
// A comment an export's author left in it: "# note agirod : …", "# NB nmarsaud : …", "# commentaire vdesjardins : …".
// A reviewer's comment in brackets, as a draft's tracked comments are pasted inline, too: "[comment ihc: remove …]".
const COMMENT_AUTHOR = new RegExp(String.raw`(?:^[ \t]*#|\[)[ \t]*(?:note|nb|n\.b\.|commentaire|comment|remarque|obs)[ \t]+(${LOGIN})[ \t]*:`, 'dgmu');
const COMMENT_AUTHOR_HINT = /#|\[[ \t]*(?:note|nb|n\.b\.|comment|remarque|obs)/;
// A login made of an initial and a surname ("entered by s.griffiths", "(k.drummond)", "- l.macintyre"): a note's
// author. Not inside an e-mail address, a host name or a longer dotted token, and the surname no ordinary word
// ("e.coli", "p.m."), a species or a file's extension ("s.aureus", "x.csv").
const NOT_A_SURNAME = new Set([...FILE_EXTENSIONS, 'html', 'htm', 'png', 'jpg', 'jpeg', 'gif', 'msg', 'eml', ...SPECIES]);
// The dot first, then the look-behind to the initial: a pattern that opens on a letter is tried at nearly every position.
const INITIAL_DOT_SURNAME = /\.(?<=(?<![\p{L}\p{N}@./_-])[a-z]\.)([a-z][a-z'-]{2,20})(?![\p{L}\p{N}@_-]|\.[\p{L}\p{N}])/gu;
// English roles written in capitals before who held them, in a log's cell (French ones name a specialty there:
// "IDE tabacologue").
const ROLE_LOGIN = new RegExp(String.raw`(?<![\p{L}])(?:RN|RT|RRT|LPN|RPN|NP|CNA|HCA|EN|PA|OT|PT|SW|RM)[ \t]+(${LOGIN})(?=[ \t]*(?:[|;,\t]|\r?\n|$))`, 'dgu');
const ROLE_LOGIN_HINT = /(?:RN|RT|LPN|RPN|NP|CNA|HCA|EN|PA|OT|PT|SW|RM)[ \t]+[a-z]/;
const HINT = /user|login|utilisateur|identifiant|^[ \t]*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/m;
const EXPORT_HINT = /export|genere|generated|extrait|extracted|extraction|printed|imprime|operat|entered|created|saisi|cree|redige|recorded|enregistre|merged|fusion|run|prepar|receiv|added|ajout|updated|amended|modifi|edited|typed|keyed|logged|scanned|uploaded|validated|note|saved/;

// A service account ("labo_auto", "svc_backup", "svc_epi_rpt") or a column's name ("source_ip") names a machine or a
// field, not a person: it opens on a system's usual prefix, or its parts are all ordinary words, a system's words or
// short abbreviations, and none a known name ("jp_martin" is a person).
const SYSTEM_PARTS = new Set(['svc', 'srv', 'sys', 'app', 'bot', 'auto', 'admin', 'root', 'batch', 'cron', 'api', 'hl7', 'lis', 'ris', 'pacs', 'lab', 'labo', 'interface', 'robot']);
const SYSTEM_PREFIXES = new Set(['svc', 'srv', 'sys', 'bot', 'api', 'cron']);
function serviceAccount(token: string): boolean {
  const parts = token.split(/[._-]+/).filter(Boolean);
  if (parts.length < 2) return false;
  if (SYSTEM_PREFIXES.has(parts[0]!)) return true;
  return parts.every((p) => SYSTEM_PARTS.has(p) || (!/\d/.test(p) && (p.length <= 3 || isDictionaryWord(fold(p))) && !isLastName(p) && !isFirstName(p)));
}

// A login made of a name ("lcazalet", "mpatel19": four letters at least) names its person as surely as the name: the
// sets written since holdout33 mark it PERSON every time (holdout7..9 had marked it ID), and its surrogate is then a
// name. An opaque account ("u48213", "ab12") stays an identifier.
function nameMade(token: string): boolean {
  return (token.match(/[a-z]/g) ?? []).length >= 4;
}

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
  for (const m of COMMENT_AUTHOR_HINT.test(doc.folded) ? doc.folded.matchAll(COMMENT_AUTHOR) : []) {
    const [start, end] = m.indices![1]!;
    if (t.slice(start, end) !== m[1] || !loginShaped(m[1]!)) continue;
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-comment-author' });
  }
  for (const m of CSV_KEY_LOGIN_HINT.test(t) ? t.matchAll(CSV_KEY_LOGIN) : []) {
    const group = m[1] !== undefined ? 1 : 2;
    const login = m[group]!;
    if (!loginShaped(login) || serviceAccount(login) || !nameMade(login)) continue;
    const [start, end] = m.indices![group]!;
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-export-author' });
  }
  for (const m of /export|extract/.test(doc.folded) ? doc.folded.matchAll(EXPORT_LOGIN_HOST) : []) {
    const [start, end] = m.indices![1]!;
    if (t.slice(start, end) !== m[1] || !loginShaped(m[1]!)) continue;
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-export-author' });
  }
  for (const m of /posted/i.test(t) ? t.matchAll(POSTED_BY) : []) {
    const [start, end] = m.indices![1]!;
    if (isDictionaryWord(fold(m[1]!))) continue;
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-forum-author' });
  }
  for (const m of t.includes('.') ? t.matchAll(INITIAL_DOT_SURNAME) : []) {
    const surname = fold(m[1]!);
    if (isDictionaryWord(surname) || NOT_A_SURNAME.has(surname)) continue;
    out.push({ start: m.index - 1, end: m.index + m[0].length, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-initial-dot-login' });
  }
  for (const m of ROLE_LOGIN_HINT.test(t) ? t.matchAll(ROLE_LOGIN) : []) {
    const login = m[1]!;
    if (isDictionaryWord(fold(login.replace(/[^a-z]/g, ''))) || serviceAccount(login) || !nameMade(login)) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-role-login' });
  }
  if (!HINT.test(t)) return out;
  for (const re of [AFTER_KEYWORD, AFTER_TIMESTAMP]) {
    for (const m of t.matchAll(re)) {
      if (!loginShaped(m[1]!) || serviceAccount(m[1]!)) continue;
      const [start, end] = m.indices![1]!;
      const named = nameMade(m[1]!);
      out.push({ start, end, label: named ? 'PERSON' : 'ID', score: 0.8, priority: PRIORITY.context, source: named ? 'person-login' : 'id-login' });
    }
  }
  return out;
}
