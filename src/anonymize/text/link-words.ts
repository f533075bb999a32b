/**
 * The short words that join the words of a name without naming anything themselves: "Société des Eaux de
 * Martigny", "Stomal Therapy of the Wairau", "Peyrusque et Fils". Folded (lower case, no accents).
 */
export const NAME_LINK_WORDS: ReadonlySet<string> = new Set(['de', 'des', 'du', 'la', 'le', 'les', "l'", 'of', 'the', 'and', 'et', '&']);
