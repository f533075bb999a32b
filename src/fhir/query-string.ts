import type { FastifyRequest } from 'fastify';
import { VoileError } from '../errors.js';

/** The raw query string of a request (after `?`), undecoded. */
export function rawQuery(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? '' : request.url.slice(q + 1);
}

/**
 * A strict `application/x-www-form-urlencoded` parser for query strings and `_search` bodies:
 * repeated names stay repeated and in order, and invalid percent-encoding is a 400 (never silently
 * kept or replaced characters, which could make the guard and the upstream read different values).
 */
export function parseQuery(text: string, what = 'The query string or form body'): [string, string][] {
  const out: [string, string][] = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq === -1 ? piece : piece.slice(0, eq);
    const value = eq === -1 ? '' : piece.slice(eq + 1);
    try {
      out.push([decodeURIComponent(name.replaceAll('+', ' ')), decodeURIComponent(value.replaceAll('+', ' '))]);
    } catch {
      throw new VoileError('BAD_REQUEST', `${what} is malformed`);
    }
  }
  return out;
}
