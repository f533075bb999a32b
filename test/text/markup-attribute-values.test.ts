import { describe, expect, it } from 'vitest';
import { rewriteMarkup } from '../../src/anonymize/text/markup.js';

/**
 * Regression: narrative XHTML kept the values of `class` and `style` (and of every other
 * "structural" attribute) as they were. Those values are free text to whoever wrote the narrative:
 * `style="content:'Jeanne Dupont'"`, `class="dupont-jeanne ipp-4417"`, `lang="Dupont"`. No text
 * detector reads them, so they must not be released: `style` and `class` are dropped, and the
 * structural attributes that stay are kept only when their value has the shape the attribute needs.
 */
describe('attribute values of narrative markup', () => {
  const noChange = async () => ({ spans: [] });
  const plain = async (t: string) => t;

  it('drops style and class whatever their value (a class token cannot be told from a surname)', async () => {
    const out = await rewriteMarkup(
      '<div xmlns="http://www.w3.org/1999/xhtml"><p style="font-family:\'Jeanne Dupont\'" class="note dupont-jeanne ipp-4417">Bonjour</p><span class="x">a</span></div>',
      noChange,
      plain,
    );
    expect(out).toBe('<div xmlns="http://www.w3.org/1999/xhtml"><p>Bonjour</p><span>a</span></div>');
  });

  it('keeps structural attributes only when their value has their shape', async () => {
    const out = await rewriteMarkup(
      '<div xmlns="http://www.w3.org/1999/xhtml" lang="fr-FR"><table border="1" width="100%" cellpadding="Dupont">' +
        '<tr><td colspan="2" rowspan="Jeanne" align="left" valign="Martin">a</td></tr></table>' +
        '<ol type="a" start="3"><li>b</li></ol><ol type="Dupont" start="-1"><li>c</li></ol><p dir="rtl" xml:lang="Jeanne Dupont">d</p></div>',
      noChange,
      plain,
    );
    expect(out).not.toMatch(/Dupont|Jeanne|Martin/);
    expect(out).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml" lang="fr-FR"><table border="1" width="100%">' +
        '<tr><td colspan="2" align="left">a</td></tr></table>' +
        '<ol type="a" start="3"><li>b</li></ol><ol><li>c</li></ol><p dir="rtl">d</p></div>',
    );
  });

  it('keeps only the XHTML namespace in xmlns (the one FHIR narratives use)', async () => {
    const out = await rewriteMarkup('<div xmlns="urn:patient:dupont"><p>a</p></div>', noChange, plain);
    expect(out).toBe('<div><p>a</p></div>');
  });

  it('treats an unquoted value the same way', async () => {
    const out = await rewriteMarkup('<table border=1 cellpadding=Dupont><tr><td colspan=2 style=x>a</td></tr></table>', noChange, plain);
    expect(out).toBe('<table border=1><tr><td colspan=2>a</td></tr></table>');
  });
});
