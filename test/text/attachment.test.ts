import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { deidentifyAttachment } from '../../src/anonymize/text/attachment.js';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { testIdentity } from './helpers.js';

const text = createTextDeidentifier({ identity: testIdentity(), mode: 'tags', ner: false });
afterAll(() => text.close());
const b64 = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc).toString('base64');

describe('attachments', () => {
  it('decodes, de-identifies, re-encodes and fixes size and hash', async () => {
    const original = 'Compte rendu : Mme Jeanne DUPONT, née le 12/03/1950.';
    const out = await deidentifyAttachment(
      { contentType: 'text/plain; charset=utf-8', data: b64(original), size: 999, hash: 'stale', title: 'CR Dr Martin' },
      { text, patientId: 'p1', lang: 'fr' },
    );
    const decoded = Buffer.from(out!.data!, 'base64');
    expect(decoded.toString('utf8')).toBe('Compte rendu : Mme [PERSON], née le [DATE].');
    expect(out!.size).toBe(decoded.length);
    expect(out!.hash).toBe(createHash('sha1').update(decoded).digest('base64'));
    expect(out!.title).toBe('CR Dr [PERSON]');
  });

  it('reads latin-1 HTML and writes UTF-8', async () => {
    const out = await deidentifyAttachment({ contentType: 'text/html; charset=ISO-8859-1', data: b64('<p>Né le 12/03/1950, Dr Martin</p>', 'latin1') }, { text, lang: 'fr' });
    expect(Buffer.from(out!.data!, 'base64').toString('utf8')).toBe('<p>Né le [DATE], Dr [PERSON]</p>');
    expect(out!.contentType).toBe('text/html; charset=utf-8');
  });

  it('drops inline data it cannot read (fail closed)', async () => {
    expect(await deidentifyAttachment({ contentType: 'application/pdf', data: b64('%PDF Jeanne DUPONT') }, { text, lang: 'fr' })).toBeUndefined();
    expect(await deidentifyAttachment({ contentType: 'text/plain; charset=utf-16', data: b64('x') }, { text, lang: 'fr' })).toBeUndefined();
  });
});
