import { describe, expect, it } from 'vitest';
import { MultipartWriter, boundaryOf, readMultipart } from '../../src/dicomweb/index.js';

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(bytes: Buffer, boundary: string, size: number, maxPartBytes?: number) {
  const parts: { type: string | undefined; body: string }[] = [];
  for await (const p of readMultipart(chunked(bytes, size), boundary, { maxPartBytes })) parts.push({ type: p.headers['content-type'], body: p.body.toString('latin1') });
  return parts;
}

const BOUNDARY = 'b0undary';
const BODY_A = 'first part\r\n--b0und not a boundary\r\n';
const BODY_B = Buffer.alloc(5000, 7).toString('latin1');
const MESSAGE = Buffer.from(
  `preamble\r\n--${BOUNDARY}\r\nContent-Type: application/dicom\r\nContent-Location: http://upstream/x\r\n\r\n${BODY_A}\r\n--${BOUNDARY}  \r\nContent-Type: application/dicom\r\n\r\n${BODY_B}\r\n--${BOUNDARY}--\r\nepilogue`,
  'latin1',
);

describe('multipart/related reader', () => {
  it('finds every part whatever the chunking (1 byte to all at once)', async () => {
    for (const size of [1, 2, 3, 7, 13, 64, 1000, MESSAGE.length]) {
      const parts = await collect(MESSAGE, BOUNDARY, size);
      expect(parts.map((p) => p.body)).toEqual([BODY_A, BODY_B]);
      expect(parts[0]!.type).toBe('application/dicom');
    }
  });

  it('finds every part under random chunkings, with delimiters straddling chunk seams', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => Buffer.alloc(50 + i * 37, 0x41 + i).toString('latin1') + `\r\n--${BOUNDARY.slice(0, i % BOUNDARY.length)}`);
    const message = Buffer.from(
      bodies.map((b) => `--${BOUNDARY}\r\nContent-Type: application/dicom\r\n\r\n${b}\r\n`).join('') + `--${BOUNDARY}--\r\n`,
      'latin1',
    );
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 200; round++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < message.length; ) {
        const n = 1 + Math.floor(random() * 120);
        chunks.push(message.subarray(i, i + n));
        i += n;
      }
      const parts: string[] = [];
      for await (const p of readMultipart((async function* () { yield* chunks; })(), BOUNDARY)) parts.push(p.body.toString('latin1'));
      expect(parts).toEqual(bodies);
    }
  });

  it('fails cleanly on a message cut short, and on a part over the size limit', async () => {
    await expect(collect(MESSAGE.subarray(0, 200), BOUNDARY, 17)).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    await expect(collect(MESSAGE, BOUNDARY, 100, 1000)).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('reads the boundary parameter, quoted or not', () => {
    expect(boundaryOf('multipart/related; type="application/dicom"; boundary="abc def"')).toBe('abc def');
    expect(boundaryOf('multipart/related;boundary=xyz;type=application/dicom')).toBe('xyz');
    expect(boundaryOf('application/json')).toBeUndefined();
  });

  it('writes what it reads, with only Voile-chosen part headers', async () => {
    const w = new MultipartWriter();
    const bytes = Buffer.concat([w.partHeader('application/dicom'), Buffer.from('one'), w.partHeader('application/dicom'), Buffer.from('two'), w.end()]);
    const parts = await collect(bytes, boundaryOf(w.contentType('application/dicom'))!, 5);
    expect(parts.map((p) => p.body)).toEqual(['one', 'two']);
  });
});
