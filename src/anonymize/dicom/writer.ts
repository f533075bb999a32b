import { deflateRawSync } from 'node:zlib';
import { VoileError } from '../../errors.js';
import { type DicomDataset, type DicomElement, Tags } from './dataset.js';
import { type Encoding, encodingOf } from './transfer-syntax.js';
import { LONG_LENGTH_VRS, STRING_VRS } from './vr.js';

const UNDEFINED_LENGTH = 0xffffffff;
/** Values at least this long are emitted as views of the input instead of being copied. */
const ZERO_COPY_THRESHOLD = 2048;
const SCRATCH_SIZE = 16 * 1024;

/**
 * Collects the output as a list of chunks: headers and small values are packed into scratch
 * buffers, large values (pixel data, fragments) are referenced as they are, so a kept pixel data
 * element is never copied. `chunks` can go straight to `writev` or a multipart part.
 */
export class ChunkWriter {
  readonly chunks: Uint8Array[] = [];
  byteLength = 0;
  #scratch = Buffer.allocUnsafe(SCRATCH_SIZE);
  #used = 0;
  readonly #le: boolean;

  constructor(littleEndian: boolean) {
    this.#le = littleEndian;
  }

  u16(n: number): void {
    this.#reserve(2);
    if (this.#le) this.#scratch.writeUInt16LE(n, this.#used);
    else this.#scratch.writeUInt16BE(n, this.#used);
    this.#used += 2;
    this.byteLength += 2;
  }

  u32(n: number): void {
    this.#reserve(4);
    if (this.#le) this.#scratch.writeUInt32LE(n, this.#used);
    else this.#scratch.writeUInt32BE(n, this.#used);
    this.#used += 4;
    this.byteLength += 4;
  }

  ascii(text: string): void {
    this.#reserve(text.length);
    this.#used += this.#scratch.write(text, this.#used, 'latin1');
    this.byteLength += text.length;
  }

  bytes(value: Uint8Array): void {
    if (value.length >= ZERO_COPY_THRESHOLD) {
      this.#flush();
      this.chunks.push(value);
    } else {
      this.#reserve(value.length);
      this.#scratch.set(value, this.#used);
      this.#used += value.length;
    }
    this.byteLength += value.length;
  }

  byte(n: number): void {
    this.#reserve(1);
    this.#scratch[this.#used++] = n;
    this.byteLength += 1;
  }

  finish(): Uint8Array[] {
    this.#flush();
    return this.chunks;
  }

  #reserve(n: number): void {
    if (this.#used + n > this.#scratch.length) {
      this.#flush();
      if (n > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(n);
    }
  }

  #flush(): void {
    if (this.#used === 0) return;
    this.chunks.push(this.#scratch.subarray(0, this.#used));
    this.#scratch = this.#scratch.subarray(this.#used);
    this.#used = 0;
    if (this.#scratch.length < 256) this.#scratch = Buffer.allocUnsafe(SCRATCH_SIZE);
  }
}

/**
 * Writes a data set in the given encoding. Sequences and items are written with undefined lengths
 * (valid in every transfer syntax, and no length to precompute); odd values are padded as PS3.5
 * requires (space for strings, NUL for UIDs and binary values).
 */
export function writeDataset(out: ChunkWriter, dataset: DicomDataset, encoding: Encoding): void {
  for (const el of dataset) writeElement(out, el, encoding);
}

function writeElement(out: ChunkWriter, el: DicomElement, enc: Encoding): void {
  if (el.items) {
    header(out, el.tag, 'SQ', UNDEFINED_LENGTH, enc);
    for (const item of el.items) {
      tagOnly(out, Tags.Item, UNDEFINED_LENGTH);
      writeDataset(out, item, enc);
      tagOnly(out, Tags.ItemDelimitation, 0);
    }
    tagOnly(out, Tags.SequenceDelimitation, 0);
    return;
  }
  if (el.fragments) {
    header(out, el.tag, el.vr, UNDEFINED_LENGTH, enc);
    for (const fragment of el.fragments) {
      const odd = fragment.length & 1;
      tagOnly(out, Tags.Item, fragment.length + odd);
      out.bytes(fragment);
      if (odd) out.byte(0);
    }
    tagOnly(out, Tags.SequenceDelimitation, 0);
    return;
  }
  const value = el.value ?? EMPTY;
  const odd = value.length & 1;
  const length = value.length + odd;
  if (enc.explicitVr && !LONG_LENGTH_VRS.has(el.vr) && length > 0xffff) {
    throw new VoileError('ANONYMIZATION_FAILED', 'A value is too long for its value representation');
  }
  header(out, el.tag, el.vr, length, enc);
  out.bytes(value);
  if (odd) out.byte(el.vr === 'UI' || !STRING_VRS.has(el.vr) ? 0x00 : 0x20);
}

function header(out: ChunkWriter, tag: number, vr: string, length: number, enc: Encoding): void {
  out.u16(tag >>> 16);
  out.u16(tag & 0xffff);
  if (!enc.explicitVr) {
    out.u32(length);
    return;
  }
  out.ascii(vr);
  if (LONG_LENGTH_VRS.has(vr)) {
    out.u16(0);
    out.u32(length);
  } else {
    out.u16(length);
  }
}

function tagOnly(out: ChunkWriter, tag: number, length: number): void {
  out.u16(tag >>> 16);
  out.u16(tag & 0xffff);
  out.u32(length);
}

const EMPTY = new Uint8Array(0);

/**
 * A Part-10 file: 128-byte preamble, "DICM", the file meta information (always Explicit VR Little
 * Endian, with its group length), then the data set in `transferSyntaxUid` (deflated if it says so).
 */
export function writePart10(meta: DicomDataset, dataset: DicomDataset, transferSyntaxUid: string): { chunks: Uint8Array[]; byteLength: number } {
  const metaEncoding: Encoding = { explicitVr: true, littleEndian: true, deflated: false };
  const metaBody = new ChunkWriter(true);
  writeDataset(metaBody, meta.filter((el) => el.tag !== Tags.FileMetaInformationGroupLength), metaEncoding);
  const metaChunks = metaBody.finish();

  const out = new ChunkWriter(true);
  out.bytes(Buffer.alloc(128));
  out.ascii('DICM');
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaBody.byteLength);
  writeElement(out, { tag: Tags.FileMetaInformationGroupLength, vr: 'UL', value: groupLength }, metaEncoding);
  for (const c of metaChunks) out.bytes(c);

  const encoding = encodingOf(transferSyntaxUid);
  if (encoding.littleEndian && !encoding.deflated) {
    writeDataset(out, dataset, encoding);
    return { chunks: out.finish(), byteLength: out.byteLength };
  }
  const body = new ChunkWriter(encoding.littleEndian);
  writeDataset(body, dataset, encoding);
  const bodyChunks = encoding.deflated ? [deflateRawSync(Buffer.concat(body.finish()))] : body.finish();
  const chunks = out.finish();
  let byteLength = out.byteLength;
  for (const c of bodyChunks) {
    chunks.push(c);
    byteLength += c.length;
  }
  return { chunks, byteLength };
}
