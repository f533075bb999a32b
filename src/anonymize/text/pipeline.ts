import { coordinatedNameSpans } from './coordinated-names.js';
import { dropHardNegatives, mergeSpans, propagateCities, propagateNames } from './merge.js';
import { agesAfterNames } from './ages-after-names.js';
import { namesInOtherScriptsAfter } from './names-in-other-scripts.js';
import { readAgainSpans } from './read-again.js';
import { surnamesAfterFirstNames } from './surname-after-first-name.js';
import { plausibleModelSpan } from './ner/filter.js';
import { makeDoc } from './normalize.js';
import { contactSpans } from './recognizers/contact.js';
import { dateSpans } from './recognizers/dates.js';
import { ageSpans } from './recognizers/age.js';
import { edifactCodedRanges, edifactSpans } from './recognizers/edifact.js';
import { servicesInRecordingNameSpans } from './recognizers/services-in-recording-names.js';
import { lowercasePatientHeaderSpans } from './recognizers/persons-patient-header-lowercase.js';
import { subjectLinePersonSpans } from './recognizers/persons-in-subject-lines.js';
import { townsOfMarketsSchoolsAndClubsSpans } from './recognizers/towns-of-markets-schools-and-clubs.js';
import { hl7CodedRanges, hl7Spans, partsOutsideRanges, touchesRange } from './recognizers/hl7.js';
import { idSpans } from './recognizers/ids.js';
import { hospitalSpans, locationSpans, placesAfterModelStreets } from './recognizers/location.js';
import { townsAfterIntroSpans } from './recognizers/towns-after-intro.js';
import { townsAfterResidenceSpans } from './recognizers/towns-after-residence.js';
import { townsOfRelativesAndJourneysSpans } from './recognizers/towns-of-relatives-and-journeys.js';
import { splitTownsFromFacilities } from './recognizers/facility-towns.js';
import { addressBeforeTownSpans } from './recognizers/address-before-town-postcode.js';
import { houseOpeningLineSpans } from './recognizers/address-house-opening-line.js';
import { addressFieldSpans } from './recognizers/address-field.js';
import { zipAfterListedTownSpans } from './recognizers/zip-after-listed-town.js';
import { zipAfterHouseNumberSpans } from './recognizers/zip-after-house-number.js';
import { spokenZipSpans } from './recognizers/zip-spoken.js';
import { zipAfterLabelSpans } from './recognizers/zip-after-label.js';
import { initialsPersonSpans } from './recognizers/persons-initials.js';
import { definedInitialsSpans } from './recognizers/persons-initials-defined.js';
import { forumHandlePersonSpans } from './recognizers/persons-forum-handles.js';
import { hospitalAcronymSpans } from './recognizers/hospital-acronyms.js';
import { emailHeaderServiceSpans } from './recognizers/email-header-services.js';
import { lowercaseUkPostcodeSpans } from './recognizers/zip-lowercase-uk.js';
import { townBeforeCountrySpans } from './recognizers/town-before-country.js';
import { hyphenatedCommuneSpans } from './recognizers/hyphenated-communes.js';
import { townsAroundArrowSpans } from './recognizers/towns-around-arrow.js';
import { employerByCompanySuffixSpans } from './recognizers/employers-by-company-suffix.js';
import { lowercaseEnglishFacilitySpans } from './recognizers/facilities-lowercase-en.js';
import { germanDutchFacilitySpans } from './recognizers/facilities-german-dutch.js';
import { welshFacilitySpans } from './recognizers/facilities-welsh.js';
import { namedWardSpans } from './recognizers/wards-named.js';
import { teamAndDentalServiceSpans } from './recognizers/services-team-acronyms-and-dental-en.js';
import { employerAfterWorkPhraseSpans } from './recognizers/employers-after-work-phrase.js';
import { emergencyServiceSpans } from './recognizers/emergency-services.js';
import { lowercaseFrenchFacilitySpans } from './recognizers/facilities-lowercase-fr.js';
import { healthBoardSpans } from './recognizers/health-boards.js';
import { townBeforeIrishCountySpans } from './recognizers/towns-before-irish-county.js';
import { townsInAdministrativeDivisionSpans } from './recognizers/towns-in-administrative-divisions.js';
import { servicesNamedByTownSpans } from './recognizers/services-named-by-town-en.js';
import { namedHouseSpans } from './recognizers/address-named-houses.js';
import { compoundStreetSpans } from './recognizers/address-compound-street.js';
import { landmarkAddressSpans } from './recognizers/address-by-landmark.js';
import { barangaySpans } from './recognizers/address-barangay.js';
import { informalFacilitySpans } from './recognizers/facilities-informal.js';
import { personSpans } from './recognizers/persons.js';
import { handoverPersonSpans } from './recognizers/persons-handover.js';
import { possessiveRelativePersonSpans } from './recognizers/persons-possessive-relative.js';
import { seenByWriterPersonSpans } from './recognizers/persons-seen-by-writer.js';
import { staffRosterPersonSpans } from './recognizers/persons-staff-roster.js';
import { townAfterAgeSpans } from './recognizers/town-after-age.js';
import { placesInFileNameSpans } from './recognizers/places-in-file-names.js';
import { structuredPersonSpans } from './recognizers/structured-fields.js';
import { spelledPersonSpans } from './recognizers/persons-spelled.js';
import { informalPersonSpans } from './recognizers/persons-informal.js';
import { logEntryWriterSpans, logWriterPersonSpans } from './recognizers/persons-log-writer.js';
import { roomLinePersonSpans } from './recognizers/persons-room-line.js';
import { rosterBulletPersonSpans } from './recognizers/persons-roster-bullet.js';
import { signatureBeforeQuoteSpans } from './recognizers/persons-signature-before-quote.js';
import { signedWithRolePersonSpans } from './recognizers/persons-signed-with-role.js';
import { phoneSpans } from './recognizers/phones.js';
import { PRIORITY, type Doc, type Lang, type Span } from './types.js';
import { wrappedSpans } from './wrapped.js';
import { ocrDigitSpans } from './ocr-digits.js';

/** Finds model spans for a document; provided by the NER runner, absent when rules run alone. */
export type ModelDetector = (doc: Doc) => Promise<Span[]>;

export interface DetectOptions {
  readonly lang?: Lang | 'auto';
  readonly model?: ModelDetector;
}

/**
 * Every rule-based recognizer, in no particular order (merging decides), with a name for the stage
 * timings (bench/text/stages.ts reads this list, so a recognizer added here is timed there too).
 */
export const RULE_RECOGNIZERS: readonly (readonly [name: string, recognize: (doc: Doc) => Span[]])[] = [
  ['contact (email, URL, IP)', contactSpans],
  ['dates', dateSpans],
  ['ages', ageSpans],
  ['phones', phoneSpans],
  ['identifiers', idSpans],
  ['places (locationSpans)', locationSpans],
  ['towns after an age or a relative', townsAfterIntroSpans],
  ['towns after a verb of living', townsAfterResidenceSpans],
  ['towns of relatives and journeys', townsOfRelativesAndJourneysSpans],
  ['towns of markets, schools and clubs', townsOfMarketsSchoolsAndClubsSpans],
  ['named houses', namedHouseSpans],
  ['streets with their kind glued on', compoundStreetSpans],
  ['barangays, puroks and sitios', barangaySpans],
  ['homes told by their landmarks', landmarkAddressSpans],
  ['address after its field label', addressFieldSpans],
  ['street part before a town and its postcode', addressBeforeTownSpans],
  ['house opening an address line', houseOpeningLineSpans],
  ['postcode digits after a listed town', zipAfterListedTownSpans],
  ['postcode and town after a house number', zipAfterHouseNumberSpans],
  ['lowercase UK postcodes', lowercaseUkPostcodeSpans],
  ['postcodes read aloud', spokenZipSpans],
  ['postcodes after their label', zipAfterLabelSpans],
  ['town before a country', townBeforeCountrySpans],
  ['hyphenated communes', hyphenatedCommuneSpans],
  ['towns around an arrow', townsAroundArrowSpans],
  ['services named by their town', servicesNamedByTownSpans],
  ['health boards', healthBoardSpans],
  ['lowercase English facilities', lowercaseEnglishFacilitySpans],
  ['Welsh facilities', welshFacilitySpans],
  ['German, Dutch and Malay facilities', germanDutchFacilitySpans],
  ['named wards', namedWardSpans],
  ['teams and dental services named by a place', teamAndDentalServiceSpans],
  ['employers after a work phrase', employerAfterWorkPhraseSpans],
  ['town before an Irish county', townBeforeIrishCountySpans],
  ['towns seating an administrative division', townsInAdministrativeDivisionSpans],
  ['town after a name and age', townAfterAgeSpans],
  ['places in export file names', placesInFileNameSpans],
  ["hospitals opening a recording's file name", servicesInRecordingNameSpans],
  ['employers by company suffix', employerByCompanySuffixSpans],
  ['hospitals', hospitalSpans],
  ['informal facilities', informalFacilitySpans],
  ['lowercase French facilities', lowercaseFrenchFacilitySpans],
  ['ambulance and retrieval services', emergencyServiceSpans],
  ['hospitals by their acronym', hospitalAcronymSpans],
  ['services in mail headers', emailHeaderServiceSpans],
  ['persons', personSpans],
  ['names and ages keyed in exports', structuredPersonSpans],
  ['informal persons', informalPersonSpans],
  ['hand-over persons', handoverPersonSpans],
  ['names before a possessive relative', possessiveRelativePersonSpans],
  ['names the writer saw', seenByWriterPersonSpans],
  ['staff rosters', staffRosterPersonSpans],
  ['room and log lines', roomLinePersonSpans],
  ["a lowercase note's patient header", lowercasePatientHeaderSpans],
  ["the person a mail's subject opens on", subjectLinePersonSpans],
  ['log writers', logWriterPersonSpans],
  ['log entries\' writers named by role', logEntryWriterSpans],
  ['bulleted rosters', rosterBulletPersonSpans],
  ['signatures with a role', signedWithRolePersonSpans],
  ['signatures before a quoted reply', signatureBeforeQuoteSpans],
  ['names spelled after they are said', spelledPersonSpans],
  ["a writer's initials", initialsPersonSpans],
  ['initials the document defines', definedInitialsSpans],
  ['forum handles', forumHandlePersonSpans],
  ['OCR-garbled digits', ocrDigitSpans],
  ['HL7 segments', hl7Spans],
  ['EDIFACT segments', edifactSpans],
];

/** The coded fields of HL7 v2 messages and EDIFACT interchanges, sorted and disjoint (a document may hold both). */
function codedRanges(doc: Doc): Array<[number, number]> {
  const hl7 = hl7CodedRanges(doc);
  const edifact = edifactCodedRanges(doc);
  if (!edifact.length) return hl7;
  const all = hl7.concat(edifact).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Every rule-based recognizer's spans, then the line-wrapped tokens they leave. */
export function ruleSpans(doc: Doc): Span[] {
  const spans = RULE_RECOGNIZERS.flatMap(([, recognize]) => recognize(doc));
  return spans.concat(wrappedSpans(doc, spans));
}

/**
 * The detection pipeline: normalise → pattern recognizers → model → context rules → hard negatives
 * → name propagation → merging by priority. Returns non-overlapping spans sorted by start.
 */
export async function detect(text: string, options: DetectOptions = {}): Promise<{ doc: Doc; spans: Span[] }> {
  const doc = makeDoc(text, options.lang);
  let spans = ruleSpans(doc);
  if (options.model) {
    const modelSpans = (await options.model(doc)).filter((s) => plausibleModelSpan(s, doc));
    spans = spans.concat(modelSpans.map((s) => ({ ...s, priority: Math.min(s.priority, PRIORITY.model) })));
    spans = spans.concat(placesAfterModelStreets(spans, doc));
  }
  spans = splitTownsFromFacilities(spans, doc);
  spans = dropHardNegatives(spans, doc);
  const coded = codedRanges(doc);
  // A span that runs into a coded field keeps its parts outside the codes, not dropped whole (fail closed).
  if (coded.length) {
    spans = spans.flatMap((s) =>
      s.source === 'hl7' || s.source === 'edifact' || !touchesRange(coded, s.start, s.end) ? [s] : partsOutsideRanges(coded, doc.text, s.start, s.end).map(([start, end]) => ({ ...s, start, end })),
    );
  }
  spans = propagateNames(spans, doc);
  // Names joined to a found one (or to a spread mention: "McCluskey, Sean"), then spread in turn, so
  // that their later mentions are found too ("Mrs Ayesha Karim + Sophie … Sophie was tearful").
  const joined = coordinatedNameSpans(spans, doc);
  if (joined.length) spans = propagateNames(spans.concat(joined), doc);
  // Surnames after a name that stops at its first name, then spread in turn.
  const surnames = surnamesAfterFirstNames(spans, doc);
  if (surnames.length) spans = propagateNames(spans.concat(surnames), doc);
  spans = propagateCities(spans, doc);
  spans = spans.concat(agesAfterNames(spans, doc), readAgainSpans(spans, doc), namesInOtherScriptsAfter(spans, doc));
  spans = dropHardNegatives(spans, doc);
  return { doc, spans: mergeSpans(spans, doc) };
}
