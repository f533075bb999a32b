/**
 * Credentials and record labels written right beside a name ("Ailsa Drummond RN", "KEONI MRN",
 * "Patrick DOB …"), folded: never part of the name. Shared by the rules that grow a name span over
 * the words next to it (outranked-rests.ts, surname-after-first-name.ts), each adding its own.
 */
export const CREDENTIALS_AND_RECORD_LABELS: readonly string[] = `md rn np ide iade mrn dob ddn ipp nda rpps adeli nhs`.split(/\s+/);
