import { isDictionaryWord } from '../bloom.js';
import { communePopulation, isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';

/**
 * A department or a kind of clinic is no facility name: "Lipid Clinic", "GLAUCOMA CLINIC", "Men's
 * Health", "UNITÉ MOBILE DE GÉRIATRIE", "HÔPITAL DE JOUR ONCOLOGIE" name what is done there, not
 * where, and identify nobody (the facility around them, "Northgate Hospital – Lipid Clinic", is found
 * on its own). Headings print them in capitals, where the
 * facility patterns take every capitalised word for a name.
 */

// What English department names are made of: specialties, organs, kinds of patients and of visits.
// Not "general", "royal", "university", "children's", "memorial": those open real facility names.
const DEPARTMENT_WORDS_EN = new Set(
  `chest lung lungs respiratory asthma copd sleep travel sports sport medicine medical fertility ivf reproductive device devices icd pacemaker
  transplant transplantation follow-up followup follow up hiv std sti gum sexual public mental occupational adult adults paediatric pediatric
  cardiology cardiac heart cardiovascular arrhythmia heart-failure diabetes diabetic endocrine endocrinology thyroid metabolic lipid lipids
  foot feet eye eyes ent dental oral skin dermatology allergy renal kidney dialysis liver hepatology gi endoscopy colorectal breast
  fracture orthopaedic orthopedic spine spinal pain memory falls frailty elderly geriatric geriatrics stroke neurology epilepsy headache movement
  disorders disorder oncology cancer haematology hematology anticoagulation warfarin inr antenatal prenatal postnatal obstetric maternity
  gynaecology gynecology urology continence wound wounds tissue viability vascular hypertension blood pressure weight obesity bariatric
  nutrition dietetics audiology hearing speech physiotherapy rehabilitation rehab pre-assessment preoperative pre-op day outpatient outpatients
  walk-in urgent emergency minor injuries injury vaccination vaccine immunisation immunization tb tuberculosis genetics genetic genomic
  fetal neonatal paediatrics pediatrics adolescent adolescents youth teen family planning contraception addiction addictions substance
  alcohol smoking cessation psychiatry psychiatric psychology behavioral behavioural crisis eating autism adhd developmental infectious
  disease diseases virology hepatitis rheumatology arthritis osteoporosis bone anaemia anemia sickle cell haemophilia multidisciplinary mdt
  joint combined specialist nurse-led led consultant review assessment screening well woman baby child health community primary care
  internal new patient patients service services unit clinic clinics glaucoma cataract men's and & of the a
  plastic plastics hand thoracic cardiothoracic cosmetic reconstructive maxillofacial`
    .split(/\s+/)
    .filter(Boolean),
);

/** True when every word before an English facility head names a specialty or a kind of visit. */
export function onlyDepartmentWordsEn(words: readonly string[]): boolean {
  const kept = words.map((w) => fold(w.replace(/[.,:;]+$/u, ''))).filter(Boolean);
  return kept.length > 0 && kept.every((w) => DEPARTMENT_WORDS_EN.has(w) || w.split('-').every((part) => DEPARTMENT_WORDS_EN.has(part)));
}

// Words that link the parts of a French department's name; "du", "des", "le", "la" at the start are
// the article of a proper name ("Clinique du Parc", "Hôpital de la Sagesse") and keep it.
const FR_LINK = /^(?:de|la|et|d'|l'|en|a|aux|au|des|du|pour)$/;
const FR_ARTICLE = /^(?:le|la|les|l'.*|du|des)$/;
// Nouns and adjectives of medicine the dictionary lacks: "mucoviscidose", "addictologie".
const FR_MEDICAL_SHAPE = /(?:ose|oses|ite|ites|logie|iatrie|pathie|therapie|scopie|graphie|ique|iques|aire|aires)$/;
// Regions and compass points make a proper name ("Institut de cancérologie de l'Ouest").
const FR_REGION_WORD = /^(?:nord|sud|est|ouest|centre|atlantique|mediterranee|alpes|pyrenees|bretagne|normandie|provence|alsace|lorraine|aquitaine|occitanie|bourgogne|champagne|picardie|flandres?|savoie|auvergne|limousin|vendee|anjou|touraine|artois)$/;

/**
 * "MOBILE DE GÉRIATRIE" after "UNITÉ", "JOUR ONCOLOGIE" after "HÔPITAL DE",
 * "PÉRINATAL" after "CMP": every word an ordinary or a medical one (no name, no
 * commune, no region), joined right to the head or by "de" / "d'" (not by an article).
 */
export function onlyDepartmentWordsFr(words: readonly string[]): boolean {
  if (words.length === 0 || FR_ARTICLE.test(fold(words[0]!))) return false;
  // In mixed case a department is written in lower case after its head ("Unité mobile de
  // gériatrie"); a capitalised word there is a name, even an ordinary one ("unité Coquelicot",
  // "Centre dentaire Sourire Plus"). Only a heading in capitals leaves it unknown.
  const allCapitals = words.every((w) => w === w.toUpperCase());
  if (!allCapitals && words.some((w, i) => (i > 0 || words.length === 1) && /^\p{Lu}/u.test(w))) return false;
  let any = false;
  for (const raw of words) {
    const w = fold(raw).replace(/^[dl]'/, '');
    if (w === '' || FR_LINK.test(fold(raw))) continue;
    if (FR_REGION_WORD.test(w) || isFirstName(w) || isLastName(w) || communePopulation(raw) !== undefined) return false;
    if (!isDictionaryWord(w) && !FR_MEDICAL_SHAPE.test(w) && !w.split('-').every((p) => isDictionaryWord(p) || FR_MEDICAL_SHAPE.test(p))) return false;
    any = true;
  }
  return any;
}

/** The French heads that name a department when what follows them is no name. */
export const FR_DEPARTMENT_HEAD = /^(?:unite|centre|cmpp?|site|hopital|h[oô]pital)(?![\p{L}])/u;

// The word that ends an English department's name, and the words that open a French one.
const EN_DEPARTMENT_END = /^(?:clinic|clinics|health|unit|service|services|centre|center|department|dept|ward|team|medicine)$/;
const FR_DEPARTMENT_START = /^(?:unite|service|pole|departement|centre|cmpp?|hopital)$/;

/**
 * For the model's HOSPITAL spans, which come with no head found by a pattern: the whole span is a
 * department's name ("Anticoagulation Unit", "Men's Health", "Unité mobile de gériatrie",
 * "Hôpital de jour oncologie").
 */
export function isDepartmentName(text: string): boolean {
  const words = text.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  const last = fold(words[words.length - 1]!);
  if (EN_DEPARTMENT_END.test(last) && onlyDepartmentWordsEn(words)) return true;
  const first = fold(words[0]!);
  if (!FR_DEPARTMENT_START.test(first)) return false;
  const rest = words.slice(1);
  // "Centre hospitalier universitaire vaudois", "Centre hospitalo-universitaire …": a hospital, whatever follows.
  if (first === 'centre' && /^(?:hospitalier|hospitaliere|hospitalo-universitaire)$/.test(fold(rest[0] ?? ''))) return false;
  if (first === 'hopital') return fold(rest[0] ?? '') === 'de' && fold(rest[1] ?? '') === 'jour' && (rest.length === 2 || onlyDepartmentWordsFr(rest.slice(2)));
  return onlyDepartmentWordsFr(fold(rest[0] ?? '') === 'de' ? rest.slice(1) : rest);
}
