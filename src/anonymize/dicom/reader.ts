import { inflateRawSync } from 'node:zlib';
import { VoileError } from '../../errors.js';
import { type DicomDataset, type DicomElement, Tags, findElement, tagOf } from './dataset.js';
import { dictionaryVr } from './dictionary.js';
import { type Encoding, encodingOf, isUid } from './transfer-syntax.js';
import { LONG_LENGTH_VRS } from './vr.js';

export interface ReadOptions {
  /** Deepest sequence nesting accepted; deeper files are rejected as hostile. Default 32. */
  readonly maxDepth?: number;
  /** Largest inflated size of a Deflated data set, in bytes. Default 1 GiB. */
  readonly maxInflatedBytes?: number;
}

export interface Part10 {
  /** File meta information (group 0002), as read. */
  readonly meta: DicomDataset;
  readonly dataset: DicomDataset;
  readonly transferSyntaxUid: string;
}

const UNDEFINED_LENGTH = 0xffffffff;
const DEFAULT_MAX_DEPTH = 32;
const TOO_DEEP = 'sequences nested too deeply';

/**
 * Reads a DICOM Part-10 file. Values are views into `input` (no copy); a Deflated data set is
 * inflated first. Anything that does not parse — truncation, lengths past the end, unknown VRs,
 * misplaced delimiters, nesting past the limit — is a MALFORMED_DICOM error that quotes nothing
 * from the file. Every loop consumes at least 8 bytes, so no input makes the reader spin.
 */
export function readPart10(input: Uint8Array, options: ReadOptions = {}): Part10 {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let pos: number;
  if (buf.length >= 132 && buf.toString('latin1', 128, 132) === 'DICM') pos = 132;
  else if (buf.length >= 6 && buf.readUInt16LE(0) === 0x0002 && buf.toString('latin1', 4, 6) === 'UL') pos = 0;
  else throw malformed('not a DICOM Part-10 file');

  const metaReader = new DatasetReader(buf, { explicitVr: true, littleEndian: true, deflated: false }, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  const meta: DicomDataset = [];
  while (pos + 8 <= buf.length && buf.readUInt16LE(pos) === 0x0002) {
    const read = metaReader.element(pos, buf.length, 0);
    meta.push(read.element);
    pos = read.next;
  }
  const tsElement = findElement(meta, Tags.TransferSyntaxUID);
  if (!tsElement?.value) throw malformed('file meta information has no transfer syntax');
  const transferSyntaxUid = Buffer.from(tsElement.value).toString('latin1').replace(/[\0 ]+$/, '');
  // It is copied into the output's file meta and the multipart part headers: only a real UID passes.
  if (!isUid(transferSyntaxUid)) throw malformed('the transfer syntax is not a UID');
  const encoding = encodingOf(transferSyntaxUid);

  let body = buf;
  if (encoding.deflated) {
    try {
      body = inflateRawSync(buf.subarray(pos), { maxOutputLength: options.maxInflatedBytes ?? 1 << 30 });
    } catch (cause) {
      throw malformed('deflated data set does not inflate', cause);
    }
    pos = 0;
  }
  const reader = new DatasetReader(body, encoding, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  const dataset = reader.dataset(pos, body.length, 0, false).dataset;
  return { meta, dataset, transferSyntaxUid };
}

/** Reads a bare data set (no preamble, no meta), e.g. for tests. */
export function readDataset(input: Uint8Array, encoding: Encoding, options: ReadOptions = {}): DicomDataset {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return new DatasetReader(buf, encoding, options.maxDepth ?? DEFAULT_MAX_DEPTH).dataset(0, buf.length, 0, false).dataset;
}

class DatasetReader {
  readonly #buf: Buffer;
  readonly #explicit: boolean;
  readonly #le: boolean;
  readonly #maxDepth: number;
  /**
   * Content of a UN value in a Big Endian data set: read as Little Endian (PS3.5 6.2.2, whatever
   * the transfer syntax), but written back as part of a Big Endian data set, so numeric values are
   * handed out as byte-swapped copies.
   */
  readonly #swapToBigEndian: boolean;

  constructor(buf: Buffer, encoding: Encoding, maxDepth: number, swapToBigEndian = false) {
    this.#swapToBigEndian = swapToBigEndian;
    this.#buf = buf;
    this.#explicit = encoding.explicitVr;
    this.#le = encoding.littleEndian;
    this.#maxDepth = maxDepth;
  }

  /** Reads elements from `pos` to `end`, or up to an Item Delimitation when `inItem` is undefined-length. */
  dataset(pos: number, end: number, depth: number, untilDelimiter: boolean): { dataset: DicomDataset; next: number } {
    const dataset: DicomDataset = [];
    while (pos < end) {
      if (pos + 8 > end) throw malformed('truncated element header');
      const tag = this.#tag(pos);
      if (tag === Tags.ItemDelimitation) {
        if (!untilDelimiter) throw malformed('unexpected item delimiter');
        return { dataset, next: pos + 8 };
      }
      if (tag === Tags.Item || tag === Tags.SequenceDelimitation) throw malformed('unexpected item tag in a data set');
      const read = this.element(pos, end, depth);
      dataset.push(read.element);
      pos = read.next;
    }
    if (untilDelimiter) throw malformed('item without delimiter');
    return { dataset, next: pos };
  }

  element(pos: number, end: number, depth: number): { element: DicomElement; next: number } {
    const buf = this.#buf;
    const tag = this.#tag(pos);
    let vr: string;
    let length: number;
    let headerLength: number;
    if (this.#explicit) {
      const c0 = buf[pos + 4]!;
      const c1 = buf[pos + 5]!;
      if (c0 < 0x41 || c0 > 0x5a || c1 < 0x41 || c1 > 0x5a) throw malformed('invalid value representation');
      vr = String.fromCharCode(c0, c1);
      if (LONG_LENGTH_VRS.has(vr)) {
        if (pos + 12 > end) throw malformed('truncated element header');
        length = this.#u32(pos + 8);
        headerLength = 12;
      } else {
        length = this.#u16(pos + 6);
        headerLength = 8;
      }
    } else {
      vr = implicitVr(tag);
      length = this.#u32(pos + 4);
      headerLength = 8;
    }
    const start = pos + headerLength;

    if (length === UNDEFINED_LENGTH) {
      if (tag === Tags.PixelData && vr !== 'SQ' && vr !== 'UN') {
        const { fragments, next } = this.#fragments(start, end);
        return { element: { tag, vr: vr === 'OW' ? 'OB' : vr, fragments }, next };
      }
      if (vr !== 'SQ' && vr !== 'UN') throw malformed('undefined length on a value that cannot have one');
      // An undefined-length UN is a sequence encoded in Implicit VR Little Endian (PS3.5 6.2.2); so
      // is a private element of unknown VR in an Implicit VR data set.
      const nested = vr === 'UN' ? this.#unknownVrReader() : this;
      const { items, next } = nested.items(start, end, depth + 1, true);
      return { element: { tag, vr: 'SQ', items }, next };
    }

    const valueEnd = start + length;
    if (valueEnd > end) throw malformed('value length past the end of its container');
    if (vr === 'SQ') {
      const { items } = this.items(start, valueEnd, depth + 1, false);
      return { element: { tag, vr, items }, next: valueEnd };
    }
    if (vr === 'UN' && this.#mayBeSequence(tag, start, valueEnd)) {
      const items = this.#unknownVrReader().#itemsIfReadable(start, valueEnd, depth + 1);
      if (items) return { element: { tag, vr: 'SQ', items }, next: valueEnd };
    }
    const value = buf.subarray(start, valueEnd);
    return { element: { tag, vr, value: this.#swapToBigEndian ? swappedToBigEndian(vr, value) : value }, next: valueEnd };
  }

  /**
   * A defined-length value of unknown VR (a private element in Implicit VR, or UN in Explicit VR)
   * may be a sequence: its value then starts with an Item tag, or the dictionary says SQ (a
   * standard sequence some system re-encoded as UN). Read as one, its content goes through the
   * profile element by element instead of staying an opaque blob.
   */
  #mayBeSequence(tag: number, start: number, valueEnd: number): boolean {
    if (valueEnd - start >= 8 && this.#buf.readUInt16LE(start) === 0xfffe && this.#buf.readUInt16LE(start + 2) === 0xe000) return true;
    return dictionaryVr(tag) === 'SQ';
  }

  /**
   * The items of a value that looks like a sequence, or undefined when it does not parse as one:
   * the value is then an opaque UN value (a binary private value may start with FFFE,E000 by
   * chance), which the de-identifier removes unless it is safe-listed. Hostile nesting is still
   * an error, not a fallback.
   */
  #itemsIfReadable(start: number, valueEnd: number, depth: number): DicomDataset[] | undefined {
    try {
      return this.items(start, valueEnd, depth, false).items;
    } catch (err) {
      if (err instanceof VoileError && err.detail === TOO_DEEP) throw err;
      return undefined;
    }
  }

  /** The reader for the content of a UN value: Implicit VR Little Endian (PS3.5 6.2.2). */
  #unknownVrReader(): DatasetReader {
    if (!this.#explicit && this.#le) return this;
    return new DatasetReader(this.#buf, { explicitVr: false, littleEndian: true, deflated: false }, this.#maxDepth, this.#swapToBigEndian || !this.#le);
  }

  items(pos: number, end: number, depth: number, untilDelimiter: boolean): { items: DicomDataset[]; next: number } {
    if (depth > this.#maxDepth) throw malformed(TOO_DEEP);
    const items: DicomDataset[] = [];
    while (pos < end || untilDelimiter) {
      if (pos + 8 > end) throw malformed('truncated sequence');
      const tag = this.#tag(pos);
      const length = this.#u32(pos + 4);
      if (tag === Tags.SequenceDelimitation) {
        if (!untilDelimiter) throw malformed('unexpected sequence delimiter');
        return { items, next: pos + 8 };
      }
      if (tag !== Tags.Item) throw malformed('sequence item expected');
      if (length === UNDEFINED_LENGTH) {
        const read = this.dataset(pos + 8, end, depth, true);
        items.push(read.dataset);
        pos = read.next;
      } else {
        const itemEnd = pos + 8 + length;
        if (itemEnd > end) throw malformed('item length past the end of its sequence');
        items.push(this.dataset(pos + 8, itemEnd, depth, false).dataset);
        pos = itemEnd;
      }
    }
    return { items, next: pos };
  }

  #fragments(pos: number, end: number): { fragments: Uint8Array[]; next: number } {
    const fragments: Uint8Array[] = [];
    for (;;) {
      if (pos + 8 > end) throw malformed('truncated encapsulated pixel data');
      const tag = this.#tag(pos);
      const length = this.#u32(pos + 4);
      if (tag === Tags.SequenceDelimitation) return { fragments, next: pos + 8 };
      if (tag !== Tags.Item || length === UNDEFINED_LENGTH) throw malformed('invalid pixel data fragment');
      const fragmentEnd = pos + 8 + length;
      if (fragmentEnd > end) throw malformed('pixel data fragment past the end of the file');
      fragments.push(this.#buf.subarray(pos + 8, fragmentEnd));
      pos = fragmentEnd;
    }
  }

  #tag(pos: number): number {
    return tagOf(this.#u16(pos), this.#u16(pos + 2));
  }

  #u16(pos: number): number {
    return this.#le ? this.#buf.readUInt16LE(pos) : this.#buf.readUInt16BE(pos);
  }

  #u32(pos: number): number {
    return this.#le ? this.#buf.readUInt32LE(pos) : this.#buf.readUInt32BE(pos);
  }
}

/** Bytes per number of the VRs whose values depend on byte order. */
const NUMBER_SIZES: Readonly<Record<string, number>> = { AT: 2, OW: 2, SS: 2, US: 2, FL: 4, OF: 4, OL: 4, SL: 4, UL: 4, FD: 8, OD: 8, OV: 8, SV: 8, UV: 8 };

/** A Little Endian value as the same numbers in Big Endian (a copy: the input is never modified). */
function swappedToBigEndian(vr: string, value: Buffer): Buffer {
  const size = NUMBER_SIZES[vr];
  if (size === undefined || value.length % size !== 0) return value;
  const copy = Buffer.from(value);
  if (size === 2) copy.swap16();
  else if (size === 4) copy.swap32();
  else copy.swap64();
  return copy;
}

/** VR of an element in an Implicit VR data set: the dictionary's, LO for private creators, else UN. */
function implicitVr(tag: number): string {
  const group = tag >>> 16;
  const element = tag & 0xffff;
  if (element === 0x0000) return 'UL';
  if (group & 1) return element >= 0x0010 && element <= 0x00ff ? 'LO' : 'UN';
  return dictionaryVr(tag) ?? 'UN';
}

function malformed(reason: string, cause?: unknown): VoileError {
  return new VoileError('MALFORMED_DICOM', 'The DICOM object could not be parsed', { detail: reason, cause });
}
