import { fold } from './normalize.js';

/**
 * Microbes as reports name them ("Escherichia coli", "E. coli", "KLEBSIELLA PNEUMONIAE", "Pseudomonas aeruginosa",
 * "Schistosoma haematobium"): their Latin names look like a given name and a surname to the model and to the name
 * rules, and are no one's. Folded (lower case, no accents).
 */
export const MICROBE_GENERA = new Set(
  `escherichia klebsiella pseudomonas staphylococcus streptococcus enterococcus proteus enterobacter serratia acinetobacter
  citrobacter morganella providencia stenotrophomonas salmonella shigella campylobacter listeria legionella mycobacterium
  haemophilus neisseria clostridium clostridioides bacteroides helicobacter bordetella chlamydia chlamydophila mycoplasma
  ureaplasma treponema borrelia leptospira rickettsia coxiella bartonella brucella yersinia francisella pasteurella
  moraxella gardnerella corynebacterium nocardia actinomyces vibrio aeromonas erysipelothrix candida aspergillus
  cryptococcus pneumocystis plasmodium toxoplasma giardia trichomonas schistosoma strongyloides toxocara echinococcus
  taenia trichophyton microsporum malassezia sarcoptes enterobius ascaris prevotella eikenella fusobacterium peptostreptococcus
  porphyromonas veillonella capnocytophaga aggregatibacter actinobacillus cutibacterium propionibacterium finegoldia parvimonas
  lactobacillus bifidobacterium achromobacter burkholderia elizabethkingia chryseobacterium ralstonia abiotrophia granulicatella
  micrococcus bacillus arcanobacterium tropheryma histoplasma blastomyces coccidioides rhizopus fusarium scedosporium talaromyces
  leishmania trypanosoma entamoeba cryptosporidium cyclospora babesia naegleria acanthamoeba`.split(/\s+/),
);

/** Species epithets that follow a genus or its initial ("E. coli", "S. aureus", "h. pylori"). */
export const MICROBE_SPECIES = new Set(
  `coli aureus pylori difficile faecalis faecium pneumoniae epidermidis influenzae aeruginosa albicans gonorrhoeae meningitidis pyogenes
  agalactiae trachomatis tuberculosis jirovecii vivax falciparum malariae burgdorferi typhi jejuni monocytogenes cloacae mirabilis marcescens
  maltophilia baumannii fumigatus neoformans pallidum pertussis oxytoca aerogenes haematobium mansoni stercoralis rhusiopathiae
  vulnificus parahaemolyticus cholerae lugdunensis saprophyticus mutans mitis anginosus dysgalactiae enterica typhimurium enteritidis
  sonnei flexneri pneumophila catarrhalis vaginalis lamblia gondii glabrata krusei auris canis multocida henselae quintana
  melitensis abortus pestis enterocolitica tularensis ulcerans marinum abscessus avium kansasii leprae freundii koseri morganii
  stuartii rettgeri putida fluorescens hominis genitalium urealyticum intermedius constellatus corrodens nucleatum necrophorum acnes
  fragilis perfringens septicum cereus anthracis kingae`.split(/\s+/),
);

/**
 * A species epithet no list holds, by its Latin ending ("israelii", "radingae", "turicensis", "odontolyticus"): after a
 * genus's initial ("A. ISRAELII") it is no surname. Long words only for "-ii" and "-ae", which short names end with too
 * ("Rae", "Lily-Mae", "Heiarii"). Folded.
 */
export function looksLikeSpeciesEpithet(key: string): boolean {
  return /^(?:\p{L}{6,}(?:ii|ae)|\p{L}+(?:ensis|icus|oides|philus|lyticus|iae))$/u.test(key);
}

const isMicrobeWord = (key: string) => MICROBE_GENERA.has(key) || MICROBE_SPECIES.has(key);

/** Whether every word of a span is a genus, a species or a genus's initial ("E.", "S"), with a genus or species among them. */
export function isMicrobeName(words: readonly string[]): boolean {
  const keys = words.map((w) => fold(w).replace(/\.$/, ''));
  return keys.some(isMicrobeWord) && keys.every((k) => isMicrobeWord(k) || /^\p{L}$/u.test(k));
}
