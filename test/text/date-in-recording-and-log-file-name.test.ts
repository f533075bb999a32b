import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'DATE' || s.label === 'ID').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "a dictation's or a log's date in its file name"): the date rule read file names of
// exports only (csv, pdf …) joined by underscores, so a recording's "NEU_20261126_KJH_07.wav" or a log's
// "exp_pr_20261130.log" went out as a long-number identifier, and a recorder's dashed "SURG-2026-11-25-0412.wav"
// as one code.
describe('a date in a recording\'s or a log\'s file name', () => {
  it('is a date after an underscore, in audio and log files', async () => {
    expect(await labelled('[Audio file: NEU_20261126_KJH_07.wav – transcribed by the interpreter]')).toEqual(['DATE 20261126']);
    expect(await labelled('# source=exp_pr_registre_20261130.log')).toEqual(['DATE 20261130']);
    expect(await labelled('# fichier : registre_mat_20261130.ndjson')).toEqual(['DATE 20261130']);
    expect(await labelled('Fichier : dictee_20261127_medint.m4a – transcription')).toEqual(['DATE 20261127']);
  });

  it('is a date between hyphens, four-digit or two-digit year', async () => {
    expect(await labelled('[File: SURG-2026-11-25-0412.wav; typed by medical records]')).toEqual(['DATE 2026-11-25']);
    expect(await labelled('[Recording: PAED-DICT-26-11-27-02.m4a]')).toEqual(['DATE 26-11-27']);
  });

  it('needs a valid day and a file extension', async () => {
    expect(await labelled('[File: SURG-2026-13-25-0412.wav]')).not.toContainEqual(expect.stringMatching(/^DATE/));
    expect(await labelled('ref NEU_20261126_KJH_07 pending')).not.toContainEqual('DATE 20261126');
  });
});
