import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, type Dispatcher } from 'undici';
import { VoileError, type VoileErrorCode } from '../errors.js';

/**
 * The one HTTP client behind every upstream (FHIR server, PACS): an undici Pool with connect,
 * headers and body timeouts, TLS always verified, one retry of a GET on connection errors, capped
 * reads, and sanitised errors. No upstream byte (status text, body, header) ever reaches a
 * VoileError message: upstream bodies may quote patient data. Failures are reported to an observer
 * with a Voile-defined kind (metrics labels), never with upstream text.
 *
 * What differs between upstreams is small and passed in: the words naming the upstream in errors,
 * default timeout and pool size, and statuses that mean something else for that transport.
 */
export interface UpstreamConnectionOptions {
  /** Base URL of the upstream, e.g. `https://ehr.example/fhir/R4` or `http://pacs:8042/dicom-web`. */
  readonly url: string;
  readonly timeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly connections?: number;
  /** Extra trusted CA certificates (PEM) for the upstream's TLS certificate. */
  readonly ca?: string | readonly string[];
  /** Static headers sent upstream (e.g. the gateway's own credentials). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Called with a Voile-defined kind label, never with upstream text. */
export type UpstreamErrorObserver = (kind: UpstreamErrorKind) => void;
export type UpstreamErrorKind = 'unavailable' | 'timeout' | 'status' | 'bad-response' | 'too-large';

export interface UpstreamSpecifics {
  /** Names the upstream in error messages: `The upstream FHIR server`, `The image archive`. */
  readonly what: string;
  readonly defaultTimeoutMs: number;
  readonly defaultConnections: number;
  /** Statuses this transport maps to a client-side meaning (e.g. DICOMweb 406: the client's Accept). */
  readonly statusErrors?: Readonly<Record<number, readonly [VoileErrorCode, string]>>;
  /** The message of a 404/410 (what was not found). Default `Not found`. */
  readonly notFound?: string;
  readonly onError?: UpstreamErrorObserver;
}

const RETRYABLE_CONNECTION_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const RETRY_DELAY_MS = 50;
/** An error response's body is read and dropped up to this size (the connection is kept), then the connection is closed. */
const ERROR_BODY_DRAIN_BYTES = 64 * 1024;

/** A 2xx response read whole. */
export interface BufferedResponse {
  readonly statusCode: number;
  readonly body: Buffer;
}

/** A failure before any response: the one case `get` and `getBuffered` retry. */
class BeforeResponse extends Error {
  constructor(override readonly cause: unknown) {
    super('no response');
  }
}

function isRetryableConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CONNECTION_ERRORS.has(code);
}

export class UpstreamClient {
  /** Origin and path prefix of the upstream. */
  readonly base: URL;
  readonly #pool: Pool;
  readonly #headers: Record<string, string>;
  readonly #specifics: UpstreamSpecifics;

  constructor(options: UpstreamConnectionOptions, specifics: UpstreamSpecifics) {
    this.#specifics = specifics;
    this.base = parseBaseUrl(options.url, specifics.what);
    const timeout = options.timeoutMs ?? specifics.defaultTimeoutMs;
    this.#pool = new Pool(this.base.origin, {
      connections: options.connections ?? specifics.defaultConnections,
      connectTimeout: Math.min(timeout, 10_000),
      headersTimeout: options.headersTimeoutMs ?? timeout,
      bodyTimeout: timeout,
      // TLS verification is not configurable: a gateway that anonymizes must know whom it talks to.
      connect: { rejectUnauthorized: true, ...(options.ca === undefined ? {} : { ca: options.ca as string | string[] }) },
    });
    this.#headers = { ...options.headers };
  }

  /**
   * GET `pathAndQuery` (absolute path on the upstream's origin). Resolves with a 2xx response whose
   * body the caller must consume or destroy; every other outcome is a sanitised VoileError, and the
   * body of an error response is discarded unread.
   */
  async get(pathAndQuery: string, accept: string, signal?: AbortSignal): Promise<Dispatcher.ResponseData> {
    const options: Dispatcher.RequestOptions = {
      origin: this.base.origin,
      path: pathAndQuery,
      method: 'GET',
      headers: { ...this.#headers, accept },
      ...(signal === undefined ? {} : { signal }),
    };
    // Every failure of `request` comes before a response.
    const response = await this.#withOneRetry(() => this.#pool.request(options).catch((err: unknown) => Promise.reject(new BeforeResponse(err))), signal);
    if (response.statusCode >= 200 && response.statusCode < 300) return response;
    // Small error bodies are drained to keep the socket; none is read into anything.
    response.body.dump({ limit: ERROR_BODY_DRAIN_BYTES }).catch(() => {});
    throw this.#statusError(response.statusCode);
  }

  /**
   * GET `pathAndQuery` and read the whole 2xx body into one Buffer, failing past `maxBytes`. Same
   * outcomes as `get` followed by reading the body (sanitised errors, one retry of a connection that failed
   * before any response, error bodies discarded unread), without a response stream: undici hands
   * the chunks straight to a handler. A stream (RequestHandler, BodyReadable, its events and
   * ticks) per upstream response was ~10 % of a read's CPU for a body that is always read whole.
   */
  async getBuffered(pathAndQuery: string, accept: string, maxBytes: number, signal?: AbortSignal): Promise<BufferedResponse> {
    const options: Dispatcher.DispatchOptions = { origin: this.base.origin, path: pathAndQuery, method: 'GET', headers: { ...this.#headers, accept } };
    return this.#withOneRetry(() => this.#bufferedOnce(options, maxBytes, signal), signal);
  }

  /**
   * Runs `attempt`, and once more if it failed before any response on a connection error (typically
   * a kept-alive socket the upstream had just closed). Done here rather than with undici's retry
   * interceptor, whose per-request handler chain cost ~3 % of a read's CPU for a path that almost
   * never runs. Failures before a response become sanitised connection errors; the attempt's own
   * VoileErrors pass through.
   */
  async #withOneRetry<T>(attempt: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const sanitised = (err: unknown) => (err instanceof BeforeResponse ? this.connectionError(err.cause) : err instanceof VoileError ? err : this.connectionError(err));
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof BeforeResponse) || !isRetryableConnectionError(err.cause) || signal?.aborted === true) throw sanitised(err);
      try {
        await sleep(RETRY_DELAY_MS, undefined, signal === undefined ? undefined : { signal });
        return await attempt();
      } catch (retryErr) {
        throw sanitised(retryErr);
      }
    }
  }

  /** One attempt; a failure before the response headers comes as BeforeResponse (retryable). */
  #bufferedOnce(options: Dispatcher.DispatchOptions, maxBytes: number, signal: AbortSignal | undefined): Promise<BufferedResponse> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let status = 0; // 0: no response yet; a non-2xx status: its body is discarded
      let settled = false;
      let abortRequest: ((reason?: Error) => void) | undefined;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const cancelled = () => Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
      const onAbort = () => {
        settle(() => reject(this.connectionError(cancelled())));
        abortRequest?.(cancelled());
      };
      if (signal?.aborted === true) {
        reject(this.connectionError(cancelled()));
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      const handler: Dispatcher.DispatchHandler = {
        onConnect: (abort) => {
          abortRequest = abort;
          if (settled) abort(cancelled());
        },
        onHeaders: (statusCode) => {
          if (statusCode < 200) return true; // 1xx: the final response follows
          status = statusCode;
          if (statusCode >= 300) settle(() => reject(this.#statusError(statusCode)));
          return true;
        },
        onData: (chunk) => {
          size += chunk.length;
          if (status >= 300) {
            // Small error bodies are drained to keep the socket (as `get` does); none is kept.
            if (size > ERROR_BODY_DRAIN_BYTES) abortRequest?.(cancelled());
            return true;
          }
          if (size > maxBytes) {
            // Settled before aborting: undici may report the abort to onError at once.
            settle(() => reject(this.tooLarge(`limit ${maxBytes} bytes`)));
            abortRequest?.(cancelled());
            return true;
          }
          chunks.push(chunk);
          return true;
        },
        onComplete: () => settle(() => resolve({ statusCode: status, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) })),
        onError: (err) =>
          settle(() => reject(status === 0 ? new BeforeResponse(err) : this.connectionError(err))),
      };
      this.#pool.dispatch(options, handler);
    });
  }

  /** The error for a response (or one part of it) over a size limit, counted in metrics. */
  tooLarge(detail: string): VoileError {
    this.#report('too-large');
    return new VoileError('UPSTREAM_BAD_RESPONSE', `${this.#specifics.what} sent a response over the size limit`, { detail });
  }

  /** The error for a response this transport cannot use (not JSON, wrong shape), counted in metrics. */
  badResponse(message: string): VoileError {
    this.#report('bad-response');
    return new VoileError('UPSTREAM_BAD_RESPONSE', message);
  }

  /** The sanitised error for a failure while connecting or reading (timeouts, resets, cancellation). */
  connectionError(err: unknown): VoileError {
    const what = this.#specifics.what;
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
      this.#report('timeout');
      return new VoileError('UPSTREAM_TIMEOUT', `${what} timed out`, { cause: err });
    }
    if ((err as { name?: unknown } | null)?.name === 'AbortError') {
      return new VoileError('UPSTREAM_UNAVAILABLE', 'The upstream request was cancelled', { cause: err });
    }
    this.#report('unavailable');
    return new VoileError('UPSTREAM_UNAVAILABLE', `${what} is unavailable`, { cause: err });
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }

  #statusError(status: number): VoileError {
    const what = this.#specifics.what;
    const special = this.#specifics.statusErrors?.[status];
    if (special) return new VoileError(special[0], special[1]);
    if (status === 404 || status === 410) return new VoileError('NOT_FOUND', this.#specifics.notFound ?? 'Not found');
    this.#report('status');
    const detail = `upstream status ${status}`;
    if (status === 400 || status === 422) return new VoileError('BAD_REQUEST', `${what} refused the request`, { detail });
    if (status === 503 || status === 429) return new VoileError('UPSTREAM_UNAVAILABLE', `${what} is unavailable`, { detail });
    if (status === 504) return new VoileError('UPSTREAM_TIMEOUT', `${what} timed out`, { detail });
    return new VoileError('UPSTREAM_ERROR', `${what} returned an error`, { detail });
  }

  #report(kind: UpstreamErrorKind): void {
    this.#specifics.onError?.(kind);
  }
}

function parseBaseUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new VoileError('CONFIG_INVALID', `The URL of ${lower(what)} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new VoileError('CONFIG_INVALID', `The URL of ${lower(what)} must use http or https`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new VoileError('CONFIG_INVALID', `The URL of ${lower(what)} must not carry a query, fragment or credentials`);
  }
  return url;
}

function lower(what: string): string {
  return what.charAt(0).toLowerCase() + what.slice(1);
}
