import { PRIORITY, type Doc, type Span } from '../types.js';

/** Emails, URLs and IP addresses: shapes that need no context, validated where a shape allows it. */
export const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu;
// Addresses typed with spaces around the @ ("chatagn57 @ chu-montpellier.fr"), as in copied headers.
const EMAIL_SPACED = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}[ \t]{1,2}@[ \t]{1,2}[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu;
const URL_RE = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'()[\]{}]+[^\s<>"'()[\]{}.,;:!?]/giu;
const BARE_DOMAIN = /(?<![\p{L}\p{N}@./-])(?:[a-z0-9-]{1,63}\.){1,8}(?:fr|com|org|net|eu|io|gouv\.fr|info)(?:\/[^\s<>"'()]*[^\s<>"'().,;:!?])?(?![\p{L}\p{N}@])/gu;
const BARE_DOMAIN_HINT = /\.(?:fr|com|org|net|eu|io|gouv\.fr|info)/;
const IPV6_HINT = /[0-9a-f]:[0-9a-f]{1,4}:/i;
const IPV4 = /(?<![\p{N}.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\p{N}]|\.\d)/gu;
const IPV6 = /(?<![\p{L}\p{N}:])(?:[0-9a-f]{1,4}:){2,7}(?::(?:[0-9a-f]{1,4})?|[0-9a-f]{1,4})(?:(?::[0-9a-f]{1,4}){0,6})?(?![\p{L}\p{N}:])/giu;

export function contactSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  // The email patterns try up to 64 characters before an @ at every position: skip them when there is none.
  if (t.includes('@')) {
    for (const m of emailMatches(t)) out.push(span(m.index, m[0].length, 'EMAIL', 'email'));
    for (const m of /[ \t]@[ \t]/.test(t) ? t.matchAll(EMAIL_SPACED) : []) out.push(span(m.index, m[0].length, 'EMAIL', 'email-spaced'));
  }
  // A URL opens with "://" after its scheme or with "www." (any case: the folded view is lower case).
  for (const m of t.includes('://') || doc.folded.includes('www.') ? t.matchAll(URL_RE) : []) out.push(span(m.index, m[0].length, 'URL', 'url'));
  // BARE_DOMAIN and IPV6 are tried at every position: only when their top-level domain, or two hex
  // groups each followed by a colon, are there at all.
  for (const m of BARE_DOMAIN_HINT.test(doc.folded) ? doc.folded.matchAll(BARE_DOMAIN) : []) out.push(span(m.index, m[0].length, 'URL', 'url'));
  for (const m of t.matchAll(IPV4)) {
    if ([m[1], m[2], m[3], m[4]].every((o) => Number(o) <= 255 && !(o!.length > 1 && o!.startsWith('0')))) out.push(span(m.index, m[0].length, 'IP', 'ipv4'));
  }
  for (const m of IPV6_HINT.test(t) ? t.matchAll(IPV6) : []) {
    // Needs hex letters or a '::' to tell it apart from times such as 12:30:45.
    if ((/::/.test(m[0]) || /[a-f]/i.test(m[0])) && m[0].split(':').length >= 3 && !/^\d{1,2}:\d{2}(:\d{2})?$/.test(m[0])) out.push(span(m.index, m[0].length, 'IP', 'ipv6'));
  }
  return out;
}

/**
 * The matches of EMAIL, as `t.matchAll(EMAIL)` finds them, without trying the pattern at every position
 * of a long note: an address's @ comes at most 64 code points (128 UTF-16 units) after its start, so no
 * match starts more than 128 units before the next @, and the search jumps there.
 */
export function emailMatches(t: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let from = 0; ; ) {
    const at = t.indexOf('@', from);
    if (at < 0) break;
    let start = Math.max(from, at - 128);
    // Never between the two halves of a surrogate pair, where the search from 0 never stops either.
    if (start > from && isTrailSurrogate(t.charCodeAt(start)) && isLeadSurrogate(t.charCodeAt(start - 1))) start--;
    EMAIL.lastIndex = start;
    const m = EMAIL.exec(t);
    if (!m) break;
    out.push(m);
    from = m.index + m[0].length;
  }
  EMAIL.lastIndex = 0;
  return out;
}

const isLeadSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isTrailSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function span(start: number, length: number, label: Span['label'], source: string): Span {
  return { start, end: start + length, label, score: 0.99, priority: PRIORITY.validated, source };
}
