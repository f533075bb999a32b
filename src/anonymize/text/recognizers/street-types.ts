/**
 * French (and neighbouring languages') street-type words, as a regex alternation over folded text
 * (lowercase, no accents). Shared by the street rule (location.ts) and the rule that leaves a
 * commune inside a street's name to it (hyphenated-communes.ts), so both know the same streets.
 * A Quebec "rang" (a concession road) only after its house number, not a clock time ("148, rang Notre-Dame"; not
 * "09:05 rang mrs hughes", English "rang"); the look-behind runs after the word, only where "rang" stands.
 */
export const STREET_TYPES_FR = String.raw`calle|avenida|rua|triq|heol|hent|rang(?<=(?<![\d:.h])\d{1,5}[ \t,]{1,3}rang)|rue|avenue|av\.?|boulevard|bd|bld|blvd|place|pl\.|chemin|ch\.|allee|impasse|imp\.|route|rte|quai|cours|square|sq\.|voie|lieu[- ]dit|residence|res\.|cite|faubourg|fbg|passage|sentier|parvis|esplanade|promenade|rond[- ]point|hameau|lotissement|domaine|villa|mail|montee|ruelle|traverse|clos|chaussee|venelle|quartier|zone artisanale|zone industrielle|zone d'activites|zone commerciale|parc d'activites`;
