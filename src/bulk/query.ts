import { VoileError } from '../errors.js';

/** A strict query parser: invalid percent-encoding is a 400, never silently replaced characters. */
export function parseQuery(query: string, what = 'The query string'): [string, string][] {
  const out: [string, string][] = [];
  for (const piece of query.split('&')) {
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
