import { isDictionaryWord } from '../bloom.js';
import { FILE_EXTENSION } from '../file-names.js';
import { communePopulation } from '../gazetteers.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isTownOfAnyList } from './location.js';

/**
 * An export's file name says where the extract came from, its words joined by underscores and no capital
 * anywhere: "export_naissances_ch_morlaix_20261123.csv", "suivi_residents_mas_le_perche_2026-11.csv",
 * "ris_export_atherton_2026-11-24.csv". No other rule reads inside such a name (a word boundary never
 * falls at an underscore), and the sets mark the place every time:
 *   - from a facility's head word (a French abbreviation: "ch", "chu", "ssiad", "cmp", "csapa", "pui", or
 *     "cabinet", "clinique") to the name's last word before its date is the facility (HOSPITAL), the head
 *     followed by at least one word: "pui_ch_saint_jean_d_angely", "cmr_bocage_vendeen";
 *   - else the last words before the date, when a town list knows them as a whole, are the town (CITY):
 *     "delivery_suite_board_maryborough", "export_ris_hirson". A word a dictionary knows ("tonnerre",
 *     "final") must be a commune of some size.
 */
const FILE_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}_./\\-])([\p{L}\p{N}]+(?:_[\p{L}\p{N}-]+)+)\.(?:${FILE_EXTENSION})(?![\p{L}\p{N}])`, 'dgu');
const HINT = new RegExp(String.raw`_[\p{L}\p{N}-]+\.(?:${FILE_EXTENSION})`, 'u');
/**
 * A French facility's head word, as exports abbreviate it, or a kind of facility ("maternite_du_bugey",
 * "pharmacie_de_la_claise", "labo_bray_biologie"). "had" (home hospitalisation) only before a name no English
 * dictionary knows or a French article ("HAD_noirmoutier", "HAD_du_Tarn"): English "had" too ("pts_had_surgery").
 */
const FACILITY_HEAD = new Set([
  'ch', 'chu', 'chr', 'chru', 'chi', 'chs', 'cht', 'chd', 'gh', 'ghu', 'ght', 'ghef', 'hopital', 'clinique', 'polyclinique',
  'ssiad', 'cmp', 'cmpp', 'csapa', 'pui', 'cmr', 'mas', 'ehpad', 'cabinet', 'ssr', 'smr', 'usld', 'msp', 'ime', 'camsp',
  'sessad', 'esat', 'clsc', 'emsp', 'cms', 'pmi', 'efs', 'crcm', 'cmrr', 'maternite', 'pharmacie', 'labo', 'laboratoire',
]);
const FRENCH_ARTICLE = new Set(['du', 'de', 'des', 'la', 'le', 'les']);
/** What follows the place: a date or a number ("20261123", "2026-11", "s48", "v2"). */
const TRAILER = /^(?:\d[\d-]*|[svw]\d{1,2}|sem\d{1,2})$/;
const MAX_TOWN_WORDS = 4;

function townHere(words: readonly string[]): boolean {
  for (const name of [words.join('-'), words.join(' ')]) {
    if (isTownOfAnyList(name)) return words.length > 1 || !isDictionaryWord(name) || (communePopulation(name) ?? 0) >= 2_000;
    const people = communePopulation(name);
    if (people !== undefined) return words.length > 1 || !isDictionaryWord(name) ? people >= 500 : people >= 2_000;
  }
  return false;
}

export function placesInFileNameSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const out: Span[] = [];
  for (const m of f.matchAll(FILE_NAME)) {
    const [nameStart] = m.indices![1]!;
    // Each word and where it starts.
    const words: { text: string; start: number }[] = [];
    let at = nameStart;
    for (const w of m[1]!.split('_')) {
      words.push({ text: w, start: at });
      at += w.length + 1;
    }
    let last = words.length - 1;
    while (last >= 0 && TRAILER.test(words[last]!.text)) last--;
    if (last < 1) continue;
    const end = words[last]!.start + words[last]!.text.length;
    const isHead = (w: { text: string }, i: number) =>
      FACILITY_HEAD.has(w.text) || (w.text === 'had' && (FRENCH_ARTICLE.has(words[i + 1]!.text) || !isDictionaryWord(words[i + 1]!.text)));
    const head = words.findIndex((w, i) => i < last && isHead(w, i));
    if (head >= 0) {
      out.push({ start: words[head]!.start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context, source: 'facility-in-file-name' });
      continue;
    }
    // The longest run of last words a town list knows; the first word of the name is what the file holds.
    for (let n = Math.min(MAX_TOWN_WORDS, last); n >= 1; n--) {
      const run = words.slice(last - n + 1, last + 1);
      if (!townHere(run.map((w) => w.text))) continue;
      out.push({ start: run[0]!.start, end, label: 'CITY', score: 0.8, priority: PRIORITY.gazetteer, source: 'town-in-file-name' });
      break;
    }
  }
  return out;
}
