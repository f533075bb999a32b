import { VoileError } from '../errors.js';
import { UpstreamClient, type UpstreamConnectionOptions, type UpstreamErrorObserver } from './client.js';

export type { UpstreamErrorKind, UpstreamErrorObserver } from './client.js';

/**
 * The FHIR upstream: the shared upstream client (src/upstream/client.ts: pool, timeouts, verified
 * TLS, one GET retry, sanitised errors, metrics kinds) plus what is FHIR's own — paths kept under
 * the base (cursors and `next` links cannot leave it), FHIR JSON, a cap on response size.
 */
export interface FhirUpstreamOptions extends UpstreamConnectionOptions {
  /** Largest upstream JSON body Voile will read. Default 32 MiB. */
  readonly maxResponseBytes?: number;
}

export interface UpstreamJson {
  readonly status: number;
  readonly body: unknown;
}

const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export class FhirUpstream {
  /** Origin and path prefix every upstream URL must stay under (guards cursors against SSRF). */
  readonly base: URL;
  readonly #client: UpstreamClient;
  readonly #maxBytes: number;
  #baseWithSlashUrl: URL | undefined;

  constructor(options: FhirUpstreamOptions, onError?: UpstreamErrorObserver) {
    this.#client = new UpstreamClient(options, {
      what: 'The upstream FHIR server',
      defaultTimeoutMs: 30_000,
      defaultConnections: 32,
      notFound: 'Resource not found',
      ...(onError === undefined ? {} : { onError }),
    });
    this.base = this.#client.base;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
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
    const response = await this.#client.getBuffered(url.pathname + url.search, 'application/fhir+json, application/json;q=0.9', this.#maxBytes, signal);
    try {
      return { status: response.statusCode, body: JSON.parse(response.body.toString('utf8')) as unknown };
    } catch {
      throw this.#client.badResponse('The upstream FHIR server sent a response that is not JSON');
    }
  }

  async close(): Promise<void> {
    await this.#client.close();
  }

  #baseWithSlash(): URL {
    // Built once: every resolve/relativize needs it (several per request). Only read, never mutated.
    if (this.#baseWithSlashUrl === undefined) {
      const url = new URL(this.base.href);
      if (!url.pathname.endsWith('/')) url.pathname += '/';
      this.#baseWithSlashUrl = url;
    }
    return this.#baseWithSlashUrl;
  }
}
