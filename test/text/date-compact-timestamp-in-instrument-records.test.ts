import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout44 miss class, an ASTM lab instrument record): timestamps written without separators
// ("20261122093000") and a birth date as a whole bar field ("||19410622|") were read as identifiers.
describe('compact timestamps outside HL7 segments', () => {
  const text = 'H|\\^&|||LABO^SITE|||ORU|||P|H2.2^C|20261123101544\nP|1||260418775||BRUNET^LUCIEN^^^M||19410622|M||12 RUE DES HALLES\nO|1|CR26||ECBU|||20261122084500||||';
  it('makes them dates, and keeps the record number an identifier', async () => {
    const { spans } = await detect(text, { lang: 'fr' });
    const at = (v: string) => spans.find((s) => text.slice(s.start, s.end) === v)?.label;
    expect(at('20261123101544')).toBe('DATE');
    expect(at('19410622')).toBe('DATE');
    expect(at('20261122084500')).toBe('DATE');
    expect(at('260418775')).toBe('ID');
  });

  it('leaves an eight-digit run outside a bar field an identifier, and an impossible timestamp too', async () => {
    const other = 'dossier 20150312 ouvert; lot 202613451299';
    const { spans } = await detect(other, { lang: 'fr' });
    expect(spans.filter((s) => s.label === 'DATE')).toEqual([]);
  });
});
