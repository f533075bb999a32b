import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout51 miss class, also in holdout23 to holdout49): after a field label, a title alone ("cc: Mr and
// Mrs Coppard", "Patient : M. / Mr Lukas Imboden", "Patient : Herr / M. Gauchat") was taken for the name; the Swiss
// and German "Dr. med." ("Dr méd." in French) left its degree read as a name, and the name after it to the model.
describe('a title alone after a field label, and "Dr. med."', () => {
  it('is no name; the name after it is', async () => {
    const cc = await persons('Dictated by Dr Saskia Brightwell\ncc: Mr and Mrs Coppard; Rother Valley Orthoptic Service');
    expect(cc).toContain('Coppard');
    expect(cc).not.toContain('Mr');
    const swiss = await persons('Patient / Patient : Herr / M. Pierre-André Gauchat, geb. / né le 03.08.1961');
    expect(swiss).toContain('Pierre-André Gauchat');
    expect(swiss).not.toContain('Herr');
    const drMed = await persons('Unterschrift / signature : Dr. med. Beat Zbinden\nMeilleures salutations,\nDr méd. Matthieu Overney, FMH cardiologie');
    expect(drMed).toEqual(expect.arrayContaining(['Beat Zbinden', 'Matthieu Overney']));
    expect(drMed.filter((p) => /^m[eé]d$|^Dr$/i.test(p))).toEqual([]);
  });

  it('still reads a surname after a field label', async () => {
    expect(await persons('cc: Dr Lindqvist; ward 7')).toContain('Lindqvist');
    expect(await persons('Patient: Martineau, Claire\nDOB: 01/02/1960')).toEqual(expect.arrayContaining([expect.stringContaining('Martineau')]));
  });
});
