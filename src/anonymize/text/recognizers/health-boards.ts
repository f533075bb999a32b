import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Health boards and integrated care boards named "NHS" and their region: "NHS Highland", "NHS Dumfries
 * and Galloway", "NHS Greater Glasgow and Clyde". The label guide makes a health board a HOSPITAL (it
 * names where a patient is treated, down to a few islands: "NHS Orkney"). National bodies and
 * programmes are no place of care for one patient and stay: "NHS England", "NHS Direct", "NHS number",
 * "NHS Newborn Hearing Screening Programme". The region's words stop before a department's words
 * ("NHS Grampian Adult Mental Health": the board is "NHS Grampian"). New Zealand's boards read
 * "<region> DHB" and its districts "Te Whatu Ora <region>".
 */
const BOARD = /(?<![\p{L}])NHS[ \t]+(\p{Lu}\p{Ll}+(?:[ \t]+(?:and|&)[ \t]+\p{Lu}\p{Ll}+|[ \t]+\p{Lu}\p{Ll}+){0,3})(?![\p{L}])/gu;
const NATIONAL = new Set([
  'England', 'Scotland', 'Wales', 'Direct', 'Digital', 'Choices', 'Inform', 'Pensions', 'Jobs', 'Blood', 'Transplant', 'Number',
  'No', 'Login', 'App', 'Website', 'Trust', 'Foundation', 'Professionals', 'Programme', 'Program', 'Register', 'Screening',
  'Newborn', 'Organ', 'Donor', 'Hearing', 'Test', 'Covid', 'Vaccination', 'Health', 'Service', 'Services', 'Dental', 'Prescription',
  'Prescriptions', 'Card', 'Patient', 'Patients', 'Staff', 'Lanyard', 'Uniform', 'Logo',
]);
const DEPARTMENT = new Set([
  'Adult', 'Adults', 'Child', 'Children', 'Paediatric', 'Mental', 'Community', 'Acute', 'Primary', 'Specialist', 'Public', 'Health',
  'Department', 'Eye', 'Renal', 'Cancer', 'Maternity', 'Sexual', 'Addiction', 'Addictions', 'Occupational', 'Out', 'Head', 'The',
]);

// New Zealand's district health boards and Te Whatu Ora districts: "Counties Manukau DHB", "Te Whatu Ora Lakes".
const NZ_DISTRICT = /(?<![\p{L}])(?:(?:\p{Lu}\p{Ll}+[ \t]+){1,2}DHB|Te[ \t]+Whatu[ \t]+Ora(?:[ \t]+\p{Lu}\p{Ll}+){1,2})(?![\p{L}])/gu;

export function healthBoardSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  if (t.includes('DHB') || t.includes('Whatu')) {
    for (const m of t.matchAll(NZ_DISTRICT)) out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 10, source: 'health-board' });
  }
  if (!t.includes('NHS')) return out;
  for (const m of t.matchAll(BOARD)) {
    const words = m[1]!.split(/([ \t]+)/);
    if (NATIONAL.has(words[0]!)) continue;
    // Keep the region's words: up to the first department word (never the first word).
    let end = m.index + m[0].length - m[1]!.length + words[0]!.length;
    for (let i = 2; i < words.length; i += 2) {
      const word = words[i]!;
      if (DEPARTMENT.has(word) || NATIONAL.has(word)) break;
      if (word === 'and' || word === '&') {
        const next = words[i + 2];
        if (next === undefined || DEPARTMENT.has(next) || NATIONAL.has(next)) break;
        continue;
      }
      end = m.index + m[0].length - m[1]!.length + words.slice(0, i + 1).join('').length;
    }
    out.push({ start: m.index, end, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 10, source: 'health-board' });
  }
  return out;
}
