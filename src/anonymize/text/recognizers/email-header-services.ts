import { SERVICE_WORDS } from '../facility-words.js';
import { fold } from '../normalize.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A service that sends or receives a mail, named in the header before its address ("To: Service de proctologie –
 * HUG <proctologie@hug.ch>", "From: Tyne Skin & Laser <bookings@…>", "De : Secrétariat chirurgie de la main HRS
 * <…>"): a display name with a service's word (consultation, secrétariat, clinic, ward, team, bookings, a company's
 * "&" or "Ltd" …) is the facility, not a person. The sets mark 65 such names HOSPITAL and 270 display names without
 * such a word PERSON. A person with a role ("Dr Hélène Stiévenart, médecin …", "Siobhán Ní Fhearraigh (CNS …)") is
 * left to the name rules: a title first, a bracket, or a name and a comma before the role.
 */
const HEADER_NAME = /^(?:>[ \t]*)*(?:From|FROM|To|TO|Cc|CC|De|DE|À|A|Pour|Envoyé par|Expéditeur|Destinataire)[ \t]*:[ \t]*([^<>\n]{3,80}?)[ \t]*<[^<>\n@]+@[^<>\n]+>/dgmu;
// The shared service words, and those a mail header adds: a booking desk, a programme, a company's legal form.
const HEADER_SERVICE_WORDS = [
  ...SERVICE_WORDS, 'consultation', 'cliniques', 'office', 'bureau', 'bookings?', 'referrals?', 'triage', 'admin', 'garde', 'plateforme', 'platform',
  'hopitaux', 'programme', 'program', 'cns', 'opd', 'sdec', 'infirmerie', 'lab', 'secretaries', 'secretaire', 'registry', 'dept', 'department',
  'departement', 'kinesitherapie', 'physiotherapy', 'creche', 'ltd', 'inc', 'sarl', 'sas', 'llc', 'gmbh', 'regulation', 'samu', 'smur', 'retrieval',
  'rehab', 'rehabilitation', 'telestroke', 'tele-avc', 'maison', 'pole',
];
const SERVICE_WORD = new RegExp(String.raw`(?:^|[^\p{L}])(?:${HEADER_SERVICE_WORDS.join('|')})(?![\p{L}])|&`, 'u');
// "Dr Hélène Stiévenart, médecin …" or "Jasmine Kaur, RN – …": two or three capitalised words and a comma open a person's signature.
const PERSON_THEN_COMMA = /^\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2},/u;

export function emailHeaderServiceSpans(doc: Doc): Span[] {
  if (!doc.text.includes('@')) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(HEADER_NAME)) {
    const name = m[1]!.replace(/^["']|["']$/g, '');
    const first = fold(name.split(/[ \t.]+/)[0] ?? '');
    if (!SERVICE_WORD.test(fold(name)) || TITLE_WORDS.has(first) || /[()]/.test(name) || PERSON_THEN_COMMA.test(name)) continue;
    const [start, end] = m.indices![1]!;
    const quoted = m[1]!.startsWith('"') || m[1]!.startsWith("'") ? 1 : 0;
    out.push({ start: start + quoted, end: end - (/["']$/.test(m[1]!) ? 1 : 0), label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'hospital-email-header' });
  }
  return out;
}
