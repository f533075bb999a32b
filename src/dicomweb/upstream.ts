import { VoileError } from '../errors.js';
import type { DicomJsonDataset } from '../anonymize/dicom/index.js';
import { type MultipartErrors, type MultipartLimits, type Part, boundaryOf, readMultipart } from './multipart.js';
import { UpstreamClient, type UpstreamConnectionOptions, type UpstreamErrorObserver } from '../upstream/client.js';

export interface DicomwebUpstreamOptions extends UpstreamConnectionOptions {
  /** Largest JSON (QIDO, metadata) body read. Default 64 MiB. */
  readonly maxJsonBytes?: number;
}

export interface UpstreamMultipart {
  readonly boundary: string;
  /**
   * The body's bytes. A connection lost or a body timeout while reading is the upstream client's
   * error (UPSTREAM_UNAVAILABLE / UPSTREAM_TIMEOUT, counted), not undici's own.
   */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Stops reading and releases the connection (the gateway's side gave up: not counted). */
  release(): void;
}

/**
 * The DICOMweb upstream: the shared upstream client (src/upstream/client.ts: pool, timeouts,
 * verified TLS, one GET retry, sanitised errors, metrics kinds) plus what is DICOMweb's own —
 * paths under the DICOMweb root, DICOM JSON arrays (204 = none), multipart streams, and a 406
 * that means the client's Accept (the gateway passes the transfer syntax through).
 */
export class DicomwebUpstream {
  readonly #client: UpstreamClient;
  readonly #maxJson: number;
  /** Errors of a multipart body out of shape, counted like every other bad response. */
  readonly #multipartErrors: MultipartErrors = {
    malformed: (detail) => this.badResponse(detail),
    tooLarge: (detail) => this.#client.tooLarge(detail),
  };

  constructor(options: DicomwebUpstreamOptions, onError?: UpstreamErrorObserver) {
    this.#client = new UpstreamClient(options, {
      what: 'The image archive',
      defaultTimeoutMs: 60_000,
      defaultConnections: 16,
      statusErrors: { 406: ['NOT_ACCEPTABLE', 'The requested representation is not available'] },
      ...(onError === undefined ? {} : { onError }),
    });
    this.#maxJson = options.maxJsonBytes ?? 64 * 1024 * 1024;
  }

  /** The upstream path of a gateway-relative DICOMweb path (`studies/1.2/series`). */
  url(relative: string, query?: URLSearchParams): string {
    const path = `${this.#client.base.pathname.replace(/\/+$/, '')}/${relative}`;
    const qs = query === undefined ? '' : [...query].map(([name, value]) => `${queryComponent(name)}=${queryComponent(value)}`).join('&');
    return qs ? `${path}?${qs}` : path;
  }

  /** A DICOM JSON array of data sets (QIDO, metadata); anything else is a bad response. */
  async json(relative: string, query?: URLSearchParams): Promise<DicomJsonDataset[]> {
    const res = await this.#client.getBuffered(this.url(relative, query), 'application/dicom+json', this.#maxJson);
    if (res.statusCode === 204) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body.toString('utf8'));
    } catch {
      throw this.#client.badResponse('The upstream response is malformed');
    }
    if (!Array.isArray(parsed) || !parsed.every(isObject)) throw this.#client.badResponse('The upstream response is malformed');
    // Each item is an object; the de-identifier checks the attributes inside it.
    return parsed as DicomJsonDataset[];
  }

  /** A WADO-RS multipart/related stream and its boundary; any other answer is a bad response (body released). */
  async multipart(relative: string, accept: string): Promise<UpstreamMultipart> {
    const res = await this.#client.get(this.url(relative), accept);
    const contentType = res.headers['content-type'];
    const boundary = boundaryOf(Array.isArray(contentType) ? contentType[0] : contentType);
    if (boundary === undefined) {
      res.body.destroy();
      throw this.badResponse('not multipart/related');
    }
    const body = res.body;
    const client = this.#client;
    let released = false;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of body) yield chunk as Uint8Array;
      } catch (err) {
        // Released by the gateway (the client went away, a part was refused): not the PACS's failure.
        // Only undici errors reach here otherwise: the body is the raw upstream stream.
        if (released) throw err;
        throw client.connectionError(err);
      }
    }
    return {
      boundary,
      chunks: chunks(),
      release: () => {
        released = true;
        body.destroy();
      },
    };
  }

  /**
   * The parts of a multipart stream, one at a time. A body out of shape or a part over the limit is
   * an error made here, so it is counted in the metrics whether it comes before the response's
   * headers or after them.
   */
  parts(source: UpstreamMultipart, limits: MultipartLimits = {}): AsyncGenerator<Part> {
    return readMultipart(source.chunks, source.boundary, limits, this.#multipartErrors);
  }

  /** The error for a stream that is not what DICOMweb promised (not multipart, a part not DICOM), counted in metrics. */
  badResponse(detail?: string): VoileError {
    const err = this.#client.badResponse('The upstream response is malformed');
    return detail === undefined ? err : new VoileError(err.code, err.message, { detail });
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}

function isObject(item: unknown): boolean {
  return typeof item === 'object' && item !== null && !Array.isArray(item);
}

/**
 * A query name or value, percent-encoded except for the characters RFC 3986 allows as they are in a
 * query and QIDO values use (`:` `@` `/` `,`): Orthanc matches `%3A` literally, so an issuer such as
 * `urn:oid:1.2` sent form-encoded would match nothing. `&`, `=`, `+`, `#`, space… stay encoded.
 */
function queryComponent(text: string): string {
  return encodeURIComponent(text).replace(/%(3A|40|2F|2C)/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
