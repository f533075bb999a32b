import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The hospital that opens a dictation's file name ("file FGH-paeds-01-12-26.m4a", "fichier HUFD-neph-2026-11-28-a.mp3",
 * "DBGH_20261202_IM07.dss"): dictation systems name a recording by the site, the service, the day and the author, and
 * the site's capitals say where the patient was seen, as the letterhead does. Its date and its author's initials are
 * read by the date and initials rules. A department's abbreviation in the same place ("NEU_20261126_KJH_07.wav",
 * "SURG-2026-11-25-0412.wav", "PAED-DICT-…") or the recorder's own prefix ("REC_", "PTT-") names no site.
 */
const RECORDING_EXTENSIONS = 'wav|mp3|m4a|amr|ogg|opus|wma|aac|dss|ds2';
// The site's capitals, then a "-" or "_" and the rest of the name: a lowercase service, a date or a number.
const RECORDING_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}._-])([A-Z]{2,6})[-_](?=[a-z]{2,12}[-_]|\d)[\w-]{2,60}\.(?:${RECORDING_EXTENSIONS})(?![\p{L}\p{N}])`, 'dgu');
const DEPARTMENT_OR_RECORDER = new Set([
  'IM', 'NEU', 'NEURO', 'PAED', 'PAEDS', 'PED', 'PEDS', 'PEDIA', 'SURG', 'MED', 'CARD', 'CARDIO', 'ENDO', 'GASTRO', 'DERM', 'ONC',
  'ORTHO', 'OBS', 'GYN', 'ENT', 'ORL', 'ICU', 'ED', 'AE', 'URO', 'NEPH', 'RESP', 'PSY', 'PSYCH', 'RAD', 'ANES', 'DIAB', 'HEM',
  'HEMATO', 'RHUMATO', 'GER', 'GERIA', 'INF', 'OT', 'PT', 'SLT', 'SALT', 'REC', 'DICT', 'DICTEE', 'AUDIO', 'AUD', 'VOICE', 'MEMO',
  'PTT', 'VN', 'VM', 'NOTE', 'ENREG', 'CONSULT', 'CR', 'WA', 'IMG', 'VID',
]);
// Cheap test first: most notes name no recording.
const HINT = new RegExp(String.raw`\.(?:${RECORDING_EXTENSIONS})(?![\p{L}\p{N}])`, 'u');

export function servicesInRecordingNameSpans(doc: Doc): Span[] {
  if (!HINT.test(doc.text)) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(RECORDING_NAME)) {
    if (DEPARTMENT_OR_RECORDER.has(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.pattern - 10, source: 'hospital-recording-name' });
  }
  return out;
}
