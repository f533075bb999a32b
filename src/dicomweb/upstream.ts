import { Pool, errors as undiciErrors } from 'undici';
import type { Dispatcher } from 'undici';
import { VoileError } from '../errors.js';

export interface DicomwebUpstreamOptions {
  /** DICOMweb root of the PACS, e.g. `http://orthanc:8042/dicom-web`. */
  readonly url: string;
  readonly timeoutMs?: number;
  readonly connections?: number;
  readonly ca?: string | readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Largest JSON (QIDO, metadata) body read. Default 64 MiB. */
  readonly maxJsonBytes?: number;
}

export interface UpstreamStream {
  readonly contentType: string | undefined;
  readonly body: Dispatcher.ResponseData['body'];
}

/**
 * The DICOMweb upstream: an undici Pool with timeouts and verified TLS. Statuses become the
 * gateway's own errors (404 → NOT_FOUND, other failures → UPSTREAM_*); upstream bodies of errors
 * are discarded unread, never relayed.
 */
export class DicomwebUpstream {
  readonly #base: URL;
  readonly #pool: Pool;
  readonly #headers: Record<string, string>;
  readonly #maxJson: number;

  constructor(options: DicomwebUpstreamOptions) {
    const base = new URL(options.url);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new VoileError('CONFIG_INVALID', 'The DICOMweb upstream URL must be http(s)');
    this.#base = base;
    const timeout = options.timeoutMs ?? 60_000;
    this.#pool = new Pool(base.origin, {
      connections: options.connections ?? 16,
      connectTimeout: Math.min(timeout, 10_000),
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connect: { rejectUnauthorized: true, ...(options.ca === undefined ? {} : { ca: options.ca as string | string[] }) },
    });
    this.#headers = { ...options.headers };
    this.#maxJson = options.maxJsonBytes ?? 64 * 1024 * 1024;
  }

  /** The upstream path of a gateway-relative DICOMweb path (`studies/1.2/series`). */
  url(relative: string, query?: URLSearchParams): string {
    const path = `${this.#base.pathname.replace(/\/+$/, '')}/${relative}`;
    const qs = query === undefined ? '' : [...query].map(([name, value]) => `${queryComponent(name)}=${queryComponent(value)}`).join('&');
    return qs ? `${path}?${qs}` : path;
  }

  async json(relative: string, query?: URLSearchParams): Promise<unknown[]> {
    const res = await this.#request(relative, query, 'application/dicom+json');
    if (res.statusCode === 204) {
      await res.body.dump();
      return [];
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.length;
      if (size > this.#maxJson) {
        res.body.destroy();
        throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream response is too large');
      }
      chunks.push(chunk as Buffer);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (cause) {
      throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream response is malformed', { cause });
    }
    if (!Array.isArray(parsed)) throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream response is malformed');
    return parsed;
  }

  async stream(relative: string, accept: string): Promise<UpstreamStream> {
    const res = await this.#request(relative, undefined, accept);
    const contentType = res.headers['content-type'];
    return { contentType: Array.isArray(contentType) ? contentType[0] : contentType, body: res.body };
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }

  async #request(relative: string, query: URLSearchParams | undefined, accept: string): Promise<Dispatcher.ResponseData> {
    let res: Dispatcher.ResponseData;
    try {
      res = await this.#pool.request({ method: 'GET', path: this.url(relative, query), headers: { ...this.#headers, accept } });
    } catch (cause) {
      if (cause instanceof undiciErrors.HeadersTimeoutError || cause instanceof undiciErrors.ConnectTimeoutError || cause instanceof undiciErrors.BodyTimeoutError) {
        throw new VoileError('UPSTREAM_TIMEOUT', 'The image archive did not answer in time', { cause });
      }
      throw new VoileError('UPSTREAM_UNAVAILABLE', 'The image archive is unavailable', { cause });
    }
    if (res.statusCode >= 200 && res.statusCode < 300) return res;
    await res.body.dump().catch(() => undefined);
    if (res.statusCode === 404) throw new VoileError('NOT_FOUND', 'Not found');
    if (res.statusCode === 406) throw new VoileError('NOT_ACCEPTABLE', 'The requested representation is not available');
    if (res.statusCode === 400) throw new VoileError('BAD_REQUEST', 'The image archive refused the request');
    throw new VoileError('UPSTREAM_ERROR', 'The image archive returned an error', { detail: `upstream status ${res.statusCode}` });
  }
}

/**
 * A query name or value, percent-encoded except for the characters RFC 3986 allows as they are in a
 * query and QIDO values use (`:` `@` `/` `,`): Orthanc matches `%3A` literally, so an issuer such as
 * `urn:oid:1.2` sent form-encoded would match nothing. `&`, `=`, `+`, `#`, space… stay encoded.
 */
function queryComponent(text: string): string {
  return encodeURIComponent(text).replace(/%(3A|40|2F|2C)/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
