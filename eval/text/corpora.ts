/**
 * The evaluation corpora:
 *   - the hand-written development set eval/text/dev/*.jsonl (French and English);
 *   - EDS-Pseudo's public_small_test_data.jsonl from ../shared, labels mapped to Voile's;
 *   - the sealed held-out set eval/text/holdout/*.jsonl, written after the rules were frozen and
 *     scored by `npm run eval:text` only (bench:text does not use it, so nobody tunes against it);
 *   - a second held-out set eval/text/holdout2/*.jsonl, written while the rules were being
 *     improved after the first one was scored, to measure that work on text nobody tuned against;
 *   - a third held-out set eval/text/holdout3/*.jsonl, written blind while the second round of rules
 *     ran (its author saw neither the rules nor any score), scored once after that round;
 *   - a fourth sealed held-out set eval/text/holdout4/*.jsonl, written blind while the third round ran,
 *     scored once after it, then the judge (aggregate figures only) of the retrained model;
 *   - a fifth sealed held-out set eval/text/holdout5/*.jsonl, written blind while that model was trained,
 *     scored once after it, then the judge (aggregate only) of a candidate model that was not shipped;
 *   - a sixth held-out set eval/text/holdout6/*.jsonl, written blind during that cross-check,
 *     scored once after it; its errors (and holdout4's, holdout5's) then guided a fourth rule round;
 *   - a seventh held-out set eval/text/holdout7/*.jsonl, written blind while that round ran, scored
 *     once after it; its errors then guided a precision round;
 *   - an eighth sealed held-out set eval/text/holdout8/*.jsonl, written blind while that precision
 *     round (and a speed round) ran, scored once after them;
 *   - a ninth sealed held-out set eval/text/holdout9/*.jsonl, written blind while a fifth rule round,
 *     a retraining and speed rounds ran; the judge (aggregate only) of that retraining (model run 6,
 *     shipped), then scored in full once after all of them;
 *   - a tenth sealed held-out set eval/text/holdout10/*.jsonl, written blind at the same time and
 *     used by nothing before its one scoring after all of them; holdout9's and holdout10's errors then
 *     guided a sixth rule round, and both became training data of a rejected candidate model (run 7);
 *   - an eleventh sealed held-out set eval/text/holdout11/*.jsonl, written blind during that round:
 *     the judge of run 7 (aggregate only), then scored in full once after the round;
 *   - a twelfth sealed held-out set eval/text/holdout12/*.jsonl, written blind at the same time and
 *     used by nothing before its one scoring after the round; holdout11's and holdout12's errors then
 *     guided a seventh rule round;
 *   - a thirteenth sealed held-out set eval/text/holdout13/*.jsonl, written blind during that round and
 *     used by nothing before its one scoring after it; its errors then guided an eighth rule round;
 *   - a fourteenth and a fifteenth sealed held-out set eval/text/holdout14/*.jsonl and
 *     eval/text/holdout15/*.jsonl, written blind (independently of each other) while the eighth rule
 *     round and a speed round ran, and used by nothing before their one scoring after them;
 *   - a sixteenth sealed held-out set eval/text/holdout16/*.jsonl, written blind during the night
 *     speed round, scored once with the rules before the name-rest work and once after it;
 *   - a seventeenth sealed held-out set eval/text/holdout17/*.jsonl, written blind while the rules of
 *     2026-11-30 were written, scored with the rules before them and after them;
 *   - an eighteenth, nineteenth and twentieth sealed held-out set eval/text/holdout18..20/*.jsonl,
 *     written blind as the sealed judges of three model retrainings (overall line only, none shipped),
 *     then scored in full once, after the third of those judgements (2026-11-30);
 *   - a twenty-first sealed held-out set eval/text/holdout21/*.jsonl, written blind during the tenth
 *     rule round, scored (overall line) with the rules before the round and after it, then in full;
 *   - a twenty-second sealed held-out set eval/text/holdout22/*.jsonl, written blind as the ninth
 *     retraining's judge (pretrained vectors; overall line only, not shipped), scored (overall line) with
 *     the model-span filter's score threshold before and after its recalibration, then in full;
 *   - a twenty-third sealed held-out set eval/text/holdout23/*.jsonl, written blind at the end of that
 *     session, scored (overall line) with the code before the session and with its final code, then in full;
 *   - a twenty-fourth sealed held-out set eval/text/holdout24/*.jsonl, written blind at the start of the next
 *     session (the first under the weekday/month convention), scored (overall line) with the code before that
 *     session and with its code before the room-line rule, then in full;
 *   - a twenty-fifth sealed held-out set eval/text/holdout25/*.jsonl, written blind later in that session,
 *     scored (overall line) with the code before the session, at holdout24's scoring and at the end, then in full;
 *   - a twenty-sixth sealed held-out set eval/text/holdout26/*.jsonl, written blind at the start of the next
 *     session, scored (overall line) with the code before that session and after its first four rules, then in full;
 *   - a twenty-seventh sealed held-out set eval/text/holdout27/*.jsonl, written blind later in that session,
 *     scored (overall line) with the code before the session and at the end of its rules, then in full;
 *   - a twenty-eighth sealed held-out set eval/text/holdout28/*.jsonl, written blind at the end of that session,
 *     scored (overall line) with the code before it, after its rules and after the small-towns list, then in full;
 *   - a twenty-ninth sealed held-out set eval/text/holdout29/*.jsonl, written blind at the start of the next
 *     session, scored (overall line) with the code before that session and after its first five rules, then in full;
 *   - a thirtieth sealed held-out set eval/text/holdout30/*.jsonl, written blind later in that session, scored
 *     (overall line) with the code before that session and at the end of its rules, then in full;
 *   - a thirty-first sealed held-out set eval/text/holdout31/*.jsonl, written blind in the next session, scored
 *     (overall line) with the code before that session and at the end of its rules, then in full;
 *   - a thirty-second sealed held-out set eval/text/holdout32/*.jsonl, written blind later in that session, scored
 *     (overall line) with the code before that session and at the end of its rules, then in full;
 *   - a thirty-third sealed held-out set eval/text/holdout33/*.jsonl, written blind at the end of that session, scored
 *     (overall line) with the code before that session, before its employer rules and after them, then in full;
 *   - a thirty-fourth sealed held-out set eval/text/holdout34/*.jsonl, written blind at the start of the next session,
 *     scored (overall line) with the code before that session, after its first rules and at the end of them, then in full;
 *   - a thirty-fifth sealed held-out set eval/text/holdout35/*.jsonl, written blind later in that session, after the
 *     fixes from holdout34's misses, scored (overall line) with the code before that session, before those fixes and
 *     after them, then in full;
 *   - a thirty-sixth sealed held-out set eval/text/holdout36/*.jsonl, written blind at the end of that session, scored
 *     (overall line) with the code before that session, before the fixes from holdout35's misses and after them, then
 *     in full;
 *   - a thirty-seventh sealed held-out set eval/text/holdout37/*.jsonl, written blind at the start of the next session
 *     while its first rules were made, scored (overall line) with the code before that session and after those rules,
 *     then in full;
 *   - a thirty-eighth sealed held-out set eval/text/holdout38/*.jsonl, written blind in that session while the fixes
 *     from holdout37's misses were made, scored (overall line) with the code before that session, before those fixes
 *     and after them, then in full;
 *   - a thirty-ninth sealed held-out set eval/text/holdout39/*.jsonl, written blind at the start of the next session;
 *     scored (overall line) with the code before that session and after its first two rules, then in full;
 *   - a fortieth sealed held-out set eval/text/holdout40/*.jsonl, written blind in that session before the fixes from
 *     holdout39's misses; scored (overall line) with the code before that session, before those fixes and after them,
 *     and again at the start of the next session, then in full;
 *   - a forty-first sealed held-out set eval/text/holdout41/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout40's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, then in full;
 *   - a forty-second sealed held-out set eval/text/holdout42/*.jsonl, written blind in that session while the fixes
 *     from holdout41's misses were made; scored (overall line) with the code before that session, during those fixes
 *     and after them, and again at the start of the next session, then in full;
 *   - a forty-third sealed held-out set eval/text/holdout43/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout42's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a forty-fourth sealed held-out set eval/text/holdout44/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout43's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a forty-fifth sealed held-out set eval/text/holdout45/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout44's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a forty-sixth sealed held-out set eval/text/holdout46/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout45's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a forty-seventh sealed held-out set eval/text/holdout47/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout46's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a forty-eighth sealed held-out set eval/text/holdout48/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout47's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a forty-ninth sealed held-out set eval/text/holdout49/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout48's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a fiftieth sealed held-out set eval/text/holdout50/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout49's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a fifty-first sealed held-out set eval/text/holdout51/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout50's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a fifty-second sealed held-out set eval/text/holdout52/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout51's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a fifty-third sealed held-out set eval/text/holdout53/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout52's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a fifty-fourth sealed held-out set eval/text/holdout54/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout53's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full;
 *   - a fifty-fifth sealed held-out set eval/text/holdout55/*.jsonl, written blind at the start of the next session
 *     while the fixes from holdout54's misses were made; scored (overall line) with the code before that session,
 *     during those fixes and after them, and again at the start of the next session, then in full.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gold } from './metrics.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Doc {
  id: string;
  text: string;
  spans: Gold[];
}

export const EDS_MAP: Record<string, string> = {
  NOM: 'PERSON', PRENOM: 'PERSON', DATE: 'DATE', DATE_NAISSANCE: 'DATE', ADRESSE: 'ADDRESS', VILLE: 'CITY', ZIP: 'ZIP', TEL: 'PHONE', MAIL: 'EMAIL',
  SECU: 'ID', IPP: 'ID', NDA: 'ID', HOPITAL: 'HOSPITAL',
};

export const EDS_TEST_FILE = path.resolve(here, '../../../shared/reference/eds-pseudo/public_small_test_data.jsonl');

/** EDS-Pseudo marks first and last names apart; Voile marks a person once. Adjacent PERSON spans separated only by spaces are joined. */
export function joinPersons(text: string, spans: Gold[]): Gold[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Gold[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.label === 'PERSON' && s.label === 'PERSON' && /^[ \t]+$/.test(text.slice(prev.end, s.start))) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/** The held-out sets, in the order they were written (each README says how it was sealed and used). */
export const HELD_OUT_SETS = ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'holdout9', 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'holdout17', 'holdout18', 'holdout19', 'holdout20', 'holdout21', 'holdout22', 'holdout23', 'holdout24', 'holdout25', 'holdout26', 'holdout27', 'holdout28', 'holdout29', 'holdout30', 'holdout31', 'holdout32', 'holdout33', 'holdout34', 'holdout35', 'holdout36', 'holdout37', 'holdout38', 'holdout39', 'holdout40', 'holdout41', 'holdout42', 'holdout43', 'holdout44', 'holdout45', 'holdout46', 'holdout47', 'holdout48', 'holdout49', 'holdout50', 'holdout51', 'holdout52', 'holdout53', 'holdout54', 'holdout55'] as const;
export type HeldOutSet = (typeof HELD_OUT_SETS)[number];

function loadMarkedSet(set: 'dev' | HeldOutSet): Doc[] {
  return loadSetFolder(set);
}

/**
 * Every document of the jsonl files of one folder of eval/text, in file order. Also for a sealed set
 * that is listed nowhere yet (models/ner/compare-models.ts reads a retraining's judge with it).
 */
export function loadSetFolder(folder: string): Doc[] {
  const dir = path.join(here, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Doc));
}

export function loadDev(): Doc[] {
  return loadMarkedSet('dev');
}

export function loadHeldOut(set: HeldOutSet): Doc[] {
  return loadMarkedSet(set);
}

/** Empty when the shared reference data is absent. */
export function loadEds(file = EDS_TEST_FILE): Doc[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const d = JSON.parse(l) as { note_id: string; note_text: string; entities: { start: number; end: number; label: string }[] };
      const spans = d.entities.filter((e) => EDS_MAP[e.label]).map((e) => ({ start: e.start, end: e.end, label: EDS_MAP[e.label]! }));
      return { id: d.note_id, text: d.note_text, spans: joinPersons(d.note_text, spans) };
    });
}

/**
 * EDS-Pseudo marks a whole postal address ("32, rue de Berthelot, 22560 Garnier") as one ADRESSE;
 * Voile marks its street (ADDRESS), postal code (ZIP) and commune (CITY) apart. Before scoring on
 * EDS-Pseudo, a predicted ADDRESS and the ZIP / CITY spans that follow it with only spaces or commas
 * between are joined into one ADDRESS — the same for every tool scored, as NOM/PRENOM are joined in the gold.
 */
export function joinAddressParts(text: string, pred: readonly Gold[]): Gold[] {
  const sorted = [...pred].sort((a, b) => a.start - b.start);
  const out: Gold[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    const inAddress = prev?.label === 'ADDRESS' && (s.label === 'ZIP' || s.label === 'CITY');
    if (prev && inAddress && /^[\s,]*$/.test(text.slice(prev.end, s.start))) prev.end = Math.max(prev.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
