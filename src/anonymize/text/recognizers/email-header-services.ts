import { SERVICE_WORDS } from '../facility-words.js';
import { isFirstName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A service that sends or receives a mail, named in the header before its address ("To: Service de proctologie –
 * HUG <proctologie@hug.ch>", "From: Tyne Skin & Laser <bookings@…>", "De : Secrétariat chirurgie de la main HRS
 * <…>"): a display name with a service's word (consultation, secrétariat, clinic, ward, team, bookings, a company's
 * "&" or "Ltd" …) is the facility, not a person. The sets mark 65 such names HOSPITAL and 270 display names without
 * such a word PERSON. A person with a role ("Dr Hélène Stiévenart, médecin …", "Siobhán Ní Fhearraigh (CNS …)") is
 * left to the name rules: a title first, a bracket, or a name and a comma before the role. The same name in a reply's
 * attribution line ("Le ven. 20 nov. 2026 à 15:12, Secrétariat CHD adulte a écrit :") is the same service.
 */
const HEADER_NAME = /^(?:>[ \t]*)*(?:From|FROM|To|TO|Cc|CC|De|DE|À|A|Pour|Envoyé par|Expéditeur|Destinataire)[ \t]*:[ \t]*([^<>\n]{3,80}?)[ \t]*<[^<>\n@]+@[^<>\n]+>/dgmu;
// The same display name in a reply's attribution line ("Le mer. 25 nov. 2026 à 14:05, Consultation mucoviscidose
// adultes a écrit :", "On Thu, 19 Nov 2026 at 9:40 AM, Southern Eye Specialists <…> wrote:").
// A display name there opens on a capital; a lowercase one ("secrétariat RCP a écrit") describes a desk rather than
// names it, and the sets leave it bare.
const QUOTE_ATTRIBUTION = /^(?:>[ \t]*)*(?:Le|On)[ \t][^\n]{6,60}?,[ \t]*(\p{Lu}[^<>\n,]{2,79}?)[ \t]*(?:<[^<>\n@]+@[^<>\n]+>[ \t]*)?(?:a écrit(?:[ \t]*\/[ \t]*wrote)?|wrote)[ \t]*:/dgmu;
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
  const t = doc.text;
  const headers = t.includes('@') ? [...t.matchAll(HEADER_NAME)].map((m) => ({ m, attribution: false })) : [];
  const attributions = /a écrit|wrote/.test(t) ? [...t.matchAll(QUOTE_ATTRIBUTION)].map((m) => ({ m, attribution: true })) : [];
  const out: Span[] = [];
  for (const { m, attribution } of [...headers, ...attributions]) {
    const name = m[1]!.replace(/^["']|["']$/g, '');
    const first = fold(name.split(/[ \t.]+/)[0] ?? '');
    if (!SERVICE_WORD.test(fold(name)) || TITLE_WORDS.has(first) || /[()]/.test(name) || PERSON_THEN_COMMA.test(name)) continue;
    // "Sophie Vibert – Health Protection Nurse a écrit": a first name opening an attribution's name is a person with a role.
    if (attribution && isFirstName(name.split(/[ \t]+/)[0]!)) continue;
    const [start, end] = m.indices![1]!;
    const quoted = m[1]!.startsWith('"') || m[1]!.startsWith("'") ? 1 : 0;
    out.push({ start: start + quoted, end: end - (/["']$/.test(m[1]!) ? 1 : 0), label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'hospital-email-header' });
  }
  return out;
}
