#!/usr/bin/env node
/**
 * Regenerates the DICOM profile data from the reference tables (PS3.15 Annex E Table E.1-1 and the
 * PS3.6 data dictionary, standard release 2024b, see ../shared/reference/dicom/README.md):
 *
 *   node profiles/dicom/generate.mjs [path/to/shared/reference/dicom] [output dir, default: here]
 *
 * Writes, next to this script:
 * - basic-profile.json: one row per attribute of Table E.1-1 with its Basic Profile action and the
 *   option columns the standard sets, plus the four pattern rows (curves, overlays, private groups);
 * - dictionary.json: tag → [VR, keyword] for every fixed tag of the dictionary (used to read
 *   Implicit VR files and to name attributes in tests and docs).
 * The output is deterministic (sorted), so a diff shows exactly what a new standard release changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const refDir = path.resolve(process.argv[2] ?? path.join(here, '../../../shared/reference/dicom'));
const outDir = path.resolve(process.argv[3] ?? here);
const rows = JSON.parse(readFileSync(path.join(refDir, 'confidentiality_profile_attributes.json'), 'utf8'));
const dictRows = JSON.parse(readFileSync(path.join(refDir, 'attributes.json'), 'utf8'));

const OPTION_COLUMNS = {
  rtnSafePrivOpt: 'retainSafePrivate',
  rtnUIDsOpt: 'retainUIDs',
  rtnDevIdOpt: 'retainDeviceIdentity',
  rtnInstIdOpt: 'retainInstitutionIdentity',
  rtnPatCharsOpt: 'retainPatientCharacteristics',
  rtnLongFullDatesOpt: 'retainLongitudinalFullDates',
  rtnLongModifDatesOpt: 'retainLongitudinalModifiedDates',
  cleanDescOpt: 'cleanDescriptors',
  cleanStructContOpt: 'cleanStructuredContent',
  cleanGraphOpt: 'cleanGraphics',
};
const PATTERNS = {
  '50xxxxxx': 'curve',
  '60xx3000': 'overlay-data',
  '60xx4000': 'overlay-comments',
  'ggggeeee-where-gggg-is-odd': 'private',
};

const dictionary = {};
for (const d of dictRows) {
  const id = d.id.toLowerCase();
  if (!/^[0-9a-f]{8}$/.test(id)) continue;
  let vr = d.valueRepresentation;
  if (vr === 'OB or OW') vr = 'OW';
  else if (vr.startsWith('US or')) vr = 'US';
  else if (!/^[A-Z]{2}$/.test(vr)) continue;
  dictionary[id] = [vr, d.keyword];
}

const attributes = [];
const patterns = [];
for (const r of rows) {
  const options = {};
  for (const [col, name] of Object.entries(OPTION_COLUMNS)) if (r[col]) options[name] = r[col];
  // Names carry the standard's footnote markers ("… (see Note 11)"): kept out of the data.
  const name = r.name.replace(/\s*\(see Note \d+\)/g, '').replace(/\s+/g, ' ').trim();
  const row = { tag: r.id.toLowerCase(), name, basic: r.basicProfile, stdCompIOD: r.stdCompIOD === 'Y' };
  if (Object.keys(options).length > 0) row.options = options;
  if (PATTERNS[r.id]) {
    patterns.push({ pattern: PATTERNS[r.id], ...row });
    continue;
  }
  if (!/^[0-9a-f]{8}$/.test(row.tag)) throw new Error(`unexpected row ${r.tag}`);
  const d = dictionary[row.tag];
  attributes.push({ ...row, vr: d ? d[0] : null, keyword: d ? d[1] : null });
}
attributes.sort((a, b) => a.tag.localeCompare(b.tag));
patterns.sort((a, b) => a.pattern.localeCompare(b.pattern));

const sortedDict = Object.fromEntries(Object.entries(dictionary).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  path.join(outDir, 'basic-profile.json'),
  JSON.stringify({ kind: 'dicom-confidentiality-table', source: 'DICOM PS3.15 Annex E Table E.1-1', release: '2024b', attributes, patterns }, null, 1) + '\n',
);
writeFileSync(path.join(outDir, 'dictionary.json'), JSON.stringify(sortedDict) + '\n');
console.log(`basic-profile.json: ${attributes.length} attributes, ${patterns.length} patterns; dictionary.json: ${Object.keys(sortedDict).length} tags`);
