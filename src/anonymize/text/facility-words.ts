/**
 * Words that head a care place or an employer but are ordinary words too ("family practice", "nursing
 * home", "ambulances", "ccas"): a lowercase facility the model proposes needs one of these or a hospital
 * word, and a word no dictionary knows (its name: "rocha family practice", "msp pleuven"), so that a
 * lowercase phrase of ordinary words ("health care", "home care") is not taken for a place (ner/filter.ts);
 * a chat sender named by one is a service, not a person (recognizers/chat-speakers.ts). Folded text.
 */
export const FACILITY_WORD = /\b(?:practice|surgery|associates|nursing|hospice|care|ambulances?|cabinet|laboratoire|labo|lab|pharmacie|pharmacy|dialyse|dialysis|msp|ccas|ssiad|cmp|cmpp|ortho|orthopedics|group|groupe)\b/;

/**
 * Words that make a sender's or a recipient's display name a service rather than a person ("Stomal Therapy – Wairau",
 * "Secrétariat chirurgie de la main HRS", "Tyne Skin & Laser" has its "&" instead). Folded text. Each reader adds its
 * own: chat threads (recognizers/chat-speakers.ts) and mail headers (recognizers/email-header-services.ts).
 */
export const SERVICE_WORDS = [
  'centre', 'center', 'service', 'services', 'clinic', 'clinique', 'hospital', 'hopital', 'unit', 'unite', 'pharmacy', 'pharmacie',
  'surgery', 'cabinet', 'secretariat', 'team', 'equipe', 'ward', 'labo', 'laboratoire', 'reception', 'accueil', 'health', 'sante',
] as const;
