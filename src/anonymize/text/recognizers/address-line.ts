/**
 * Pieces of an address line read from its end, shared by the rules that find its street part
 * (address-before-town-postcode.ts) and the house opening it (address-house-opening-line.ts).
 */

/** A UK post town, one to four words ("Peterborough", "Newton Stewart", "Stratford upon Avon", "EDINBURGH"). */
export const UK_TOWN = String.raw`\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:upon|on|under|de|sur|\p{Lu}[\p{L}'’-]+)){0,3}`;
/** A full UK postcode ("PE3 9GZ", "SY20 8TN"). */
export const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}`;
/** A French postcode and its commune ("46090 Pradines", "43400 LE CHAMBON-SUR-LIGNON"). */
export const FR_POSTCODE_TOWN = String.raw`\d{5}[ \t]+\p{Lu}[\p{L}'’-]+`;
/** The separators that open a part of the line: a comma, a dash or a bar between fields, an opening bracket. */
export const PART_START = /,[ \t]*|[ \t][–—-][ \t]+|\|[ \t]*|\([ \t]*/gu;
/** Facilities, organisations and services: a part naming one is neither a street nor a house. */
export const FACILITY_OR_ORGANISATION_WORDS =
  'hospital|infirmary|centre|center|clinic|surgery|practice|trust|office|unit|ward|department|dept|service|services|school|university|college|council|board|group|ltd|limited|inc|llc|plc|hopital|clinique|ch|chu|cabinet|ehpad|mairie|pharmacie|pharmacy|nhs|health|care|medical';
/** The words that end a street's name in British, Irish, Welsh and French lines ("Bampton Road", "Heol Hir", "Rue X"). */
export const STREET_END_WORDS =
  'road|rd|street|st|avenue|ave|lane|drive|way|close|crescent|place|square|terrace|gardens|row|court|hill|heol|rue|chemin|route|boulevard|impasse|allee';
