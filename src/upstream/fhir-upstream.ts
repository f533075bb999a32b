import { Pool, interceptors, type Dispatcher } from 'undici';
import { VoileError } from '../errors.js';

/**
 * The one way Voile talks to an upstream FHIR server: an undici Pool with connect, headers and
 * body timeouts, TLS always verified, a single retry of idempotent GETs on connection errors, a
 * cap on response size, and sanitised errors. No upstream byte (status text, body, header) ever
 * reaches a VoileError message, because upstream bodies may quote patient data.
 */
export interface FhirUpstreamOptions {
  /** Base URL of the FHIR server, e.g. `https://ehr.example/fhir/R4`. */
  readonly url: string;
  readonly timeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly connections?: number;
  /** Extra trusted CA certificates (PEM) for the upstream's TLS certificate. */
  readonly ca?: string | readonly string[];
  /** Largest upstream JSON body Voile will read. Default 32 MiB. */
  readonly maxResponseBytes?: number;
  /** Static headers sent upstream (e.g. the gateway's own credentials). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface UpstreamJson {
  readonly status: number;
  readonly body: unknown;
}

/** Called with a Voile-defined kind label, never with upstream text. */
export type UpstreamErrorObserver = (kind: UpstreamErrorKind) => void;
export type UpstreamErrorKind = 'unavailable' | 'timeout' | 'status' | 'bad-response' | 'too-large';

const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const RETRYABLE_CONNECTION_ERRORS = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET'];

export class FhirUpstream {
  /** Origin and path prefix every upstream URL must stay under (guards cursors against SSRF). */
  readonly base: URL;
  readonly #dispatcher: Dispatcher;
  readonly #pool: Pool;
  readonly #maxBytes: number;
  readonly #headers: Record<string, string>;
  readonly #onError: UpstreamErrorObserver;

  constructor(options: FhirUpstreamOptions, onError: UpstreamErrorObserver = () => {}) {
    this.base = parseBaseUrl(options.url);
    const timeout = options.timeoutMs ?? 30_000;
    this.#pool = new Pool(this.base.origin, {
      connections: options.connections ?? 32,
      connectTimeout: Math.min(timeout, 10_000),
      headersTimeout: options.headersTimeoutMs ?? timeout,
      bodyTimeout: timeout,
      // TLS verification is not configurable: a gateway that anonymizes must know whom it talks to.
      connect: { rejectUnauthorized: true, ...(options.ca === undefined ? {} : { ca: options.ca as string | string[] }) },
    });
    this.#dispatcher = this.#pool.compose(
      interceptors.retry({
        maxRetries: 1,
        minTimeout: 50,
        maxTimeout: 200,
        methods: ['GET'],
        statusCodes: [],
        errorCodes: RETRYABLE_CONNECTION_ERRORS,
      }),
    );
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#headers = { ...options.headers };
    this.#onError = onError;
  }

  /**
   * The absolute URL of a path relative to the base (`Patient/123`, `Observation?code=x`), or
   * undefined when the result would leave the base (traversal, another host, another scheme).
   */
  resolve(relative: string): URL | undefined {
    const pathPart = relative.split('?', 1)[0]!;
    // Schemes, absolute paths, backslashes and encoded dots/slashes would let a path escape the base.
    if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || relative.startsWith('/') || /\\|%2e|%2f|%5c/i.test(pathPart)) return undefined;
    let url: URL;
    try {
      // `?query` alone designates the base itself (system-level paging links, e.g. HAPI's _getpages).
      url = new URL(relative, relative.startsWith('?') ? this.base : this.#baseWithSlash());
    } catch {
      return undefined;
    }
    return this.contains(url) ? url : undefined;
  }

  /** The part of an upstream URL under the base (`Observation?...`), or undefined if outside. */
  relativize(absolute: string): string | undefined {
    let url: URL;
    try {
      url = new URL(absolute, this.#baseWithSlash());
    } catch {
      return undefined;
    }
    if (!this.contains(url)) return undefined;
    const prefix = this.#baseWithSlash().pathname;
    return url.pathname.length < prefix.length ? url.search : url.pathname.slice(prefix.length) + url.search;
  }

  contains(url: URL): boolean {
    if (url.origin !== this.base.origin || url.username !== '' || url.password !== '') return false;
    const prefix = this.#baseWithSlash().pathname;
    if (url.pathname === prefix.slice(0, -1) || url.pathname === prefix) return true;
    if (!url.pathname.startsWith(prefix)) return false;
    const rest = url.pathname.slice(prefix.length);
    // URL parsing already removed dot segments; refuse encoded ones that an upstream might decode.
    return !/%2e|%2f|%5c/i.test(rest);
  }

  /** GET a FHIR JSON document. Throws a sanitised VoileError for every failure. */
  async getJson(relative: string, signal?: AbortSignal): Promise<UpstreamJson> {
    const url = this.resolve(relative);
    if (!url) throw new VoileError('BAD_REQUEST', 'The request does not designate an upstream FHIR resource');
    let response: Dispatcher.ResponseData;
    try {
      response = await this.#dispatcher.request({
        origin: this.base.origin,
        path: url.pathname + url.search,
        method: 'GET',
        headers: { ...this.#headers, accept: 'application/fhir+json, application/json;q=0.9' },
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (err) {
      throw this.#connectionError(err);
    }
    const { statusCode, body } = response;
    if (statusCode < 200 || statusCode >= 300) {
      // Discard the error body unread (it may quote data); small ones are drained to keep the socket.
      body.dump({ limit: 64 * 1024 }).catch(() => {});
      throw this.#statusError(statusCode);
    }
    const text = await this.#readCapped(body);
    try {
      return { status: statusCode, body: JSON.parse(text) as unknown };
    } catch {
      this.#onError('bad-response');
      throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream FHIR server sent a response that is not JSON');
    }
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }

  #baseWithSlash(): URL {
    const url = new URL(this.base.href);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url;
  }

  async #readCapped(body: Dispatcher.ResponseData['body']): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > this.#maxBytes) {
          // Leaving the loop closes the stream.
          this.#onError('too-large');
          throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream FHIR response exceeds the size limit', {
            detail: `limit ${this.#maxBytes} bytes`,
          });
        }
        chunks.push(chunk);
      }
    } catch (err) {
      if (err instanceof VoileError) throw err;
      throw this.#connectionError(err);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  #statusError(status: number): VoileError {
    if (status === 404 || status === 410) return new VoileError('NOT_FOUND', 'Resource not found');
    this.#onError('status');
    if (status === 400 || status === 422) {
      return new VoileError('BAD_REQUEST', 'The upstream FHIR server refused the request', { detail: `upstream status ${status}` });
    }
    if (status === 503 || status === 429) {
      return new VoileError('UPSTREAM_UNAVAILABLE', 'The upstream FHIR server is unavailable', { detail: `upstream status ${status}` });
    }
    if (status === 504) return new VoileError('UPSTREAM_TIMEOUT', 'The upstream FHIR server timed out', { detail: 'upstream status 504' });
    return new VoileError('UPSTREAM_ERROR', 'The upstream FHIR server returned an error', { detail: `upstream status ${status}` });
  }

  #connectionError(err: unknown): VoileError {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
      this.#onError('timeout');
      return new VoileError('UPSTREAM_TIMEOUT', 'The upstream FHIR server timed out', { cause: err });
    }
    if ((err as { name?: unknown } | null)?.name === 'AbortError') {
      return new VoileError('UPSTREAM_UNAVAILABLE', 'The upstream request was cancelled', { cause: err });
    }
    this.#onError('unavailable');
    return new VoileError('UPSTREAM_UNAVAILABLE', 'The upstream FHIR server is unavailable', { cause: err });
  }
}

function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new VoileError('CONFIG_INVALID', 'The upstream FHIR URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VoileError('CONFIG_INVALID', 'The upstream FHIR URL must use http or https');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new VoileError('CONFIG_INVALID', 'The upstream FHIR URL must not carry a query, fragment or credentials');
  }
  return url;
}
