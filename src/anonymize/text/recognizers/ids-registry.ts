import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { digitCount } from './phones.js';

/**
 * A register's acronym before a number ("GOC 01-32448", "HRN 804412", "RFU ID: 2418867", "BHT No:
 * 48/8814/25", "CNIC (father): 42201-3456789-1", "núm. CASS 117823"): registers, health and national
 * numbers of many countries that no keyword list can hold. Read only when the acronym is shown to label
 * a number: a marker (No, #, ID, ref) or a colon between, a number word before ("núm. CASS"), an acronym that ends in N (…number: HRN,
 * PHN), or a value grouped by separators with six digits or more. Laboratory and vital-sign acronyms
 * ("PLT: 250000", "WBC 11500") and values with a unit are measures, not identifiers.
 */
const REGISTRY_ID =
  notAfter(/(?<![\p{L}\p{N}])([A-Z]{2,6})(?:[ \t]*\([\p{L} ]{1,20}\))?[ \t]*(No\.?|N[º°]|#|ID|Nr\.?|ref\.?|number)?[ \t]*(:)?[ \t]*([A-Z0-9](?:[A-Z0-9]|[./-](?=[A-Z0-9])){3,24})(?![\p{L}\p{N}]|[.,/-]\d)/gu);
const MEASURE_ACRONYM = new Set(
  `PLT WBC RBC HB HGB HCT MCV MCH CK CPK BNP LDH ALT AST GGT ALP CRP PCT TSH PSA INR APTT PTT PT TP LDL HDL TG HBA EGFR DFG GFR NT FEV FVC PEF
  BP HR RR SPO SAO GCS ETA UF NIHSS VAS EVA IMC BMI UI IU CD CV PA TA FC FR SAT NA CL CA MG PO TCA TCK VS VGM CCMH GB GR PNN PNE VEMS CVF DLCO`.split(/\s+/),
);
/** "núm. CASS 117823", "n° AVS …": a number word before the acronym. */
const NUMBER_WORD_BEFORE = /(?:^|[^\p{L}])(?:n[úu]m\.?|n[°º]|no\.?|num[ée]ro|number)[ \t]*$/iu;
const UNIT_AFTER = /^[ \t]*(?:%|mg|g\b|kg|ml|l\b|mm|cm|µ|u\/|ui|iu|\/|×|x ?10|mmol|µmol|umol|copies|cp\/|cells|giga|tera|pg|ng|meq|kcal|ms\b|hz)/i;

export function registryIdSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const m of matchesNotAfter(REGISTRY_ID, t)) {
    const [, acronym, marker, colon, value] = m as unknown as [string, string, string | undefined, string | undefined, string];
    if (MEASURE_ACRONYM.has(acronym)) continue;
    // The acronym labels a value set apart from it ("GOC 01-32448"), not the head of one code ("ONC-4471-301").
    if (m[0].length - acronym.length - value.length === 0) continue;
    const digits = digitCount(value);
    if (digits < 4 || (digits === 4 && value.length === 4 && /^(?:19|20)\d\d$/.test(value))) continue;
    const grouped = /\d[./-]\d/.test(value) && digits >= 6;
    const numberWordBefore = NUMBER_WORD_BEFORE.test(t.slice(Math.max(0, m.index - 8), m.index));
    if (!marker && !colon && !acronym.endsWith('N') && !grouped && !numberWordBefore) continue;
    // A colon alone labels short codes too ("UF : 4312", a ward's unit): five digits at least then.
    if (!marker && !acronym.endsWith('N') && !grouped && !numberWordBefore && digits < 5) continue;
    const end = m.index + m[0].length;
    if (UNIT_AFTER.test(t.slice(end, end + 8))) continue;
    out.push({ start: end - value.length, end, label: 'ID', score: 0.85, priority: PRIORITY.context + 5, source: 'id-registry' });
  }
  return out;
}
