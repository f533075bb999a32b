/**
 * Military, gendarmerie and police ranks both rank rules read: `persons.ts` before a capitalised name
 * ("Pte Kalani Duncan", case-insensitive) and `persons-informal.ts` before a lowercase one in quick logs
 * ("sdt kevin arnaudies", on folded text). Each adds the words only it may read: "Cal", "adj" or "capt"
 * without a dot before a capitalised word are a first name or prose far more often than a rank.
 */
export const RANK_WORDS = String.raw`adjudant|adjudant-chef|sergent|sergent-chef|caporal|caporal-chef|lieutenant|capitaine|commandant|brigadier|gendarme|sdt|mdl|cne|cdt|ltn|slt|pte|spc|pfc|cpl|lcpl|sgt`;
