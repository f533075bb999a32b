/**
 * Words that head a care place or an employer but are ordinary words too ("family practice", "nursing
 * home", "ambulances", "ccas"): a lowercase facility the model proposes needs one of these or a hospital
 * word, and a word no dictionary knows (its name: "rocha family practice", "msp pleuven"), so that a
 * lowercase phrase of ordinary words ("health care", "home care") is not taken for a place (ner/filter.ts);
 * a chat sender named by one is a service, not a person (recognizers/chat-speakers.ts). Folded text.
 */
export const FACILITY_WORD = /\b(?:practice|surgery|associates|nursing|hospice|care|ambulances?|cabinet|laboratoire|labo|lab|pharmacie|pharmacy|dialyse|dialysis|msp|ccas|ssiad|cmp|cmpp|ortho|orthopedics|group|groupe)\b/;
