import { afterAll, describe, expect, it } from 'vitest';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { testIdentity } from './helpers.js';

const deid = createTextDeidentifier({ identity: testIdentity(), mode: 'tags', ner: false });
afterAll(() => deid.close());

/** A strict well-formedness check for the XHTML subset FHIR narratives use. */
function assertWellFormedXhtml(xml: string): void {
  const stack: string[] = [];
  const re = /<!--[\s\S]*?-->|<\/?([A-Za-z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);|&/gi;
  for (const m of xml.matchAll(re)) {
    const tok = m[0];
    if (tok === '<' || tok === '&') throw new Error(`bare ${tok} at ${m.index}`);
    if (tok.startsWith('<!--') || tok.startsWith('&')) continue;
    const name = m[1]!;
    if (tok.startsWith('</')) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else if (m[3] !== '/') stack.push(name);
  }
  if (stack.length > 0) throw new Error('unclosed elements');
}

describe('XHTML narratives', () => {
  const div =
    '<div xmlns="http://www.w3.org/1999/xhtml"><p><b>Patient :</b> Mme Jeanne DUPONT &amp; son fils</p>' +
    '<table><tr><td>Né le</td><td>12/03/1950</td></tr><tr><td title="Dr Paul Martin">Médecin</td><td>Dr <i>Paul</i> Martin</td></tr></table>' +
    '<p>Tél : 06 12 34 56 78 &lt;urgent&gt;</p></div>';

  it('changes only text nodes and stays well-formed', async () => {
    const out = (await deid.deidentify(div, { format: 'xhtml', patientId: 'p1', lang: 'fr' }))!;
    assertWellFormedXhtml(out);
    expect(out).not.toMatch(/DUPONT|Jeanne|Martin|12\/03\/1950|06 12 34/);
    expect(out.replace(/>[^<]*</g, '><')).toBe(div.replace(/>[^<]*</g, '><').replace('title="Dr Paul Martin"', 'title="Dr [PERSON]"'));
    expect(out).toContain('&amp; son fils');
    expect(out).toContain('&lt;urgent&gt;');
  });

  it('sees a name split by inline markup', async () => {
    const out = (await deid.deidentify('<div xmlns="http://www.w3.org/1999/xhtml">Dr <b>Paul</b> Martin</div>', { format: 'xhtml', lang: 'fr' }))!;
    expect(out).not.toMatch(/Paul|Martin/);
    assertWellFormedXhtml(out);
  });

  it('escapes surrogates that would break markup', async () => {
    const out = (await deid.deidentify('<div xmlns="http://www.w3.org/1999/xhtml">a &lt; b, Dr Martin</div>', { format: 'xhtml', lang: 'fr' }))!;
    assertWellFormedXhtml(out);
    expect(out).toContain('a &lt; b');
  });

  it('drops script content in HTML', async () => {
    const out = (await deid.deidentify('<p>ok</p><script>var n="Jeanne DUPONT"</script>', { format: 'html', lang: 'fr' }))!;
    expect(out).not.toContain('DUPONT');
  });

  it('markdown keeps its markup', async () => {
    const out = await deid.deidentify('# Compte rendu\n\n**Patient :** Mme Jeanne DUPONT\n\n- né le 12/03/1950', { format: 'markdown', lang: 'fr' });
    expect(out).toBe('# Compte rendu\n\n**Patient :** Mme [PERSON]\n\n- né le [DATE]');
  });
});
