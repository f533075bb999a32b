import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "the site that opens a dictation's file name"): "file KWGH-ortho-2026-11-30-02.mp3" and
// "fichier CHVB_med_20261201_0930.wav" left the site's capitals in clear: the file-name rules read the date and the
// author's initials, not the site the dictation system names first.
describe("the hospital opening a recording's file name", () => {
  it('reads the site before a lowercase service or a date', async () => {
    expect(await hospitals('[Dictation — file KWGH-ortho-2026-11-30-02.mp3]')).toEqual(['KWGH']);
    expect(await hospitals('[fichier CHVB_20261201_0930.wav — transcription]')).toEqual(['CHVB']);
  });

  it("leaves a department's abbreviation or the recorder's prefix alone", async () => {
    expect(await hospitals('[Audio file: NEU_20261126_07.wav] [SURG-2026-11-25-0412.wav] [REC_20261130_1.m4a]')).toEqual([]);
  });
});
