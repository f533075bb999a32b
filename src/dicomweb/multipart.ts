import { randomBytes } from 'node:crypto';
import { VoileError } from '../errors.js';

/**
 * Incremental multipart/related (RFC 2387) reading and writing for WADO-RS. The reader holds one
 * part at a time — never the whole message — and its part bodies are the upstream's chunks, joined
 * once per part. Anything out of shape is the upstream's fault: UPSTREAM_BAD_RESPONSE, quoting nothing.
 */
export interface Part {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface MultipartLimits {
  /** Largest part accepted (bytes). Default 2 GiB - 1. */
  readonly maxPartBytes?: number;
  readonly maxHeaderBytes?: number;
}

/**
 * The errors the reader throws, made by its caller: the DICOMweb upstream makes them through the
 * upstream client, so a body out of shape is counted in the metrics like any other bad response.
 */
export interface MultipartErrors {
  /** The message is out of shape (boundary, part headers, end). */
  malformed(detail: string): VoileError;
  /** A part is over `maxPartBytes`. */
  tooLarge(detail: string): VoileError;
}

const UNCOUNTED_ERRORS: MultipartErrors = {
  malformed: (detail) => new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream response is malformed', { detail }),
  tooLarge: (detail) => new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream response is too large', { detail }),
};

const CRLF2 = Buffer.from('\r\n\r\n');

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/related\s*;/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

export async function* readMultipart(
  source: AsyncIterable<Uint8Array>,
  boundary: string,
  limits: MultipartLimits = {},
  errors: MultipartErrors = UNCOUNTED_ERRORS,
): AsyncGenerator<Part> {
  const bad = errors.malformed;
  const maxPart = limits.maxPartBytes ?? 0x7fffffff;
  const maxHeader = limits.maxHeaderBytes ?? 16 * 1024;
  const first = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let pending: Buffer = Buffer.alloc(0);
  let state: 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done' = 'preamble';
  let headers: Record<string, string> = {};
  let body: Buffer[] = [];
  let bodyLength = 0;

  const iterator = source[Symbol.asyncIterator]();
  const more = async (): Promise<boolean> => {
    const next = await iterator.next();
    if (next.done) return false;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    if (state === 'body' && pending.length < delimiter.length && chunk.length >= delimiter.length) {
      // Inside a body, `pending` is only the few bytes that might start a delimiter. Joining them to
      // the chunk would copy every byte of every instance once more: look across the seam instead.
      const seam = Buffer.concat([pending, chunk.subarray(0, delimiter.length - 1)]);
      const at = seam.indexOf(delimiter);
      if (at >= 0 && at < pending.length) {
        pending = Buffer.concat([pending, chunk]); // rare: the delimiter straddles two chunks
        return true;
      }
      if (pending.length > 0) take(pending.length);
      pending = chunk;
      return true;
    }
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    return true;
  };

  for (;;) {
    if (state === 'done') return;
    if (state === 'preamble') {
      const at = pending.indexOf(first);
      if (at >= 0) {
        pending = pending.subarray(at + first.length);
        state = 'after-boundary';
        continue;
      }
      if (pending.length > maxHeader) throw bad('multipart preamble too long');
    } else if (state === 'after-boundary') {
      if (pending.length >= 2) {
        if (pending[0] === 0x2d && pending[1] === 0x2d) {
          state = 'done';
          continue;
        }
        // Transport padding (spaces/tabs) may precede the CRLF.
        const eol = pending.indexOf('\r\n');
        if (eol >= 0) {
          if (!/^[ \t]*$/.test(pending.toString('latin1', 0, eol))) throw bad('malformed multipart boundary');
          pending = pending.subarray(eol + 2);
          state = 'headers';
          continue;
        }
        if (pending.length > 256) throw bad('malformed multipart boundary');
      }
    } else if (state === 'headers') {
      if (pending.length >= 2 && pending[0] === 0x0d && pending[1] === 0x0a) {
        // A part without headers.
        pending = pending.subarray(2);
        headers = {};
        state = 'body';
        continue;
      }
      const end = pending.indexOf(CRLF2);
      if (end >= 0) {
        headers = parseHeaders(pending.toString('latin1', 0, end), bad);
        pending = pending.subarray(end + 4);
        state = 'body';
        body = [];
        bodyLength = 0;
        continue;
      }
      if (pending.length > maxHeader) throw bad('multipart part headers too long');
    } else {
      const at = pending.indexOf(delimiter);
      if (at >= 0) {
        take(at);
        pending = pending.subarray(at + delimiter.length);
        const part: Part = { headers, body: body.length === 1 ? body[0]! : Buffer.concat(body, bodyLength) };
        body = [];
        bodyLength = 0;
        state = 'after-boundary';
        yield part;
        continue;
      }
      // Keep only what could be the start of a delimiter; the rest is body for sure.
      const safe = pending.length - (delimiter.length - 1);
      if (safe > 0) {
        take(safe);
        pending = pending.subarray(safe);
      }
    }
    if (!(await more())) throw bad('multipart message ends early');
  }

  function take(n: number): void {
    if (n === 0) return;
    bodyLength += n;
    if (bodyLength > maxPart) throw errors.tooLarge('multipart part over the size limit');
    body.push(pending.subarray(0, n));
  }
}

function parseHeaders(text: string, bad: MultipartErrors['malformed']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw bad('malformed multipart part header');
    out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

/** Writes parts with a fresh random boundary. Only the Content-Type Voile chose goes in a part header. */
export class MultipartWriter {
  readonly boundary = `voile-${randomBytes(12).toString('hex')}`;
  #first = true;

  contentType(type: string): string {
    return `multipart/related; type="${type}"; boundary=${this.boundary}`;
  }

  partHeader(contentType: string): Buffer {
    const lead = this.#first ? '' : '\r\n';
    this.#first = false;
    return Buffer.from(`${lead}--${this.boundary}\r\nContent-Type: ${contentType}\r\n\r\n`, 'latin1');
  }

  end(): Buffer {
    return Buffer.from(`${this.#first ? '' : '\r\n'}--${this.boundary}--\r\n`, 'latin1');
  }
}
