import type { Identity } from '../../identity/index.js';
import { communeRows, isFirstName, namePool } from './gazetteers.js';
import { fold } from './normalize.js';
import { shiftWrittenDate } from './recognizers/dates.js';
import { nirKey } from './recognizers/ids.js';
import type { Doc, Label, Lang, Span } from './types.js';

/**
 * Surrogates that "hide in plain sight": a fake value of the same kind and shape for every span,
 * chosen by a keyed seed of (patient, label, normalised value) so the same real value becomes the
 * same fake value everywhere for that patient — across fields, resources, requests and replicas.
 */
export type SurrogateMode = 'realistic' | 'tags';

export interface SurrogateContext {
  readonly identity: Identity;
  /** Real patient id; texts without a patient share one anonymous context. */
  readonly patientId: string | undefined;
  readonly lang: Lang;
}

export function replaceSpans(doc: Doc, spans: readonly Span[], mode: SurrogateMode, ctx: SurrogateContext): string {
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += doc.text.slice(pos, s.start);
    const original = doc.text.slice(s.start, s.end);
    out += mode === 'tags' ? `[${s.label}]` : surrogate(s.label, original, ctx);
    pos = s.end;
  }
  return out + doc.text.slice(pos);
}

export function surrogate(label: Label, original: string, ctx: SurrogateContext): string {
  const seedOf = (...parts: string[]) => ctx.identity.seed('surrogate', ctx.patientId ?? '', label, ...parts);
  switch (label) {
    case 'PERSON':
      return fakeName(original, ctx);
    case 'DATE': {
      const days = ctx.identity.dateShiftDays(ctx.patientId ?? '');
      return shiftWrittenDate(original, days, { lang: ctx.lang }, fold) ?? reshape(original, seedOf(fold(original)));
    }
    case 'AGE':
      return '90';
    case 'PHONE':
      // Keyed by its digits, or by its words when said in words (two numbers said differently stay two numbers).
      return fakePhone(original, seedOf(/\p{L}{3,}/u.test(original) ? fold(original).replace(/[^a-z0-9]/g, '') : original.replace(/\D/g, '')));
    case 'EMAIL': {
      const n = seedOf(fold(original));
      const pool = namePool(ctx.lang);
      const first = fold(pick(pool.first, n)).replace(/[^a-z]/g, '');
      const last = fold(pick(pool.last, n >>> 8)).replace(/[^a-z]/g, '');
      return `${first}.${last}@example.org`;
    }
    case 'URL':
      return `https://example.org/${(seedOf(original) % 1_000_000).toString(36)}`;
    case 'IP':
      return original.includes(':') ? `2001:db8::${(seedOf(original) % 65535).toString(16)}` : `192.0.2.${1 + (seedOf(original) % 254)}`;
    case 'ID':
      return fakeId(original, seedOf(original.replace(/[\s.-]/g, '').toUpperCase()));
    case 'ZIP': {
      if (/^\d{5}(-\d{4})?$/.test(original) && ctx.lang === 'en' && !/^\d{5}$/.test(original)) return reshape(original, seedOf(original));
      const rows = communeRows();
      const code = rows[seedOf(original.replace(/\s/g, '')) % rows.length]![0];
      return /\s/.test(original) ? `${code.slice(0, 2)} ${code.slice(2)}` : code;
    }
    case 'CITY': {
      const rows = communeRows();
      const big = seedOf(fold(original).replace(/[^a-z]/g, ''));
      // Prefer communes of some size so a surrogate city is as common as real ones are.
      let row = rows[big % rows.length]!;
      for (let k = 1; row[2] < 2000 && k < 40; k++) row = rows[(big + k * 7919) % rows.length]!;
      return sameCase(original, row[1]);
    }
    case 'HOSPITAL': {
      const n = seedOf(fold(original));
      const last = pick(namePool('fr').last, n);
      const city = communeRows()[n % communeRows().length]![1];
      const shape = /hospital|clinic|medical|infirmary|center|centre\b/i.test(original) || ctx.lang === 'en';
      return shape ? `${last} Memorial Hospital` : n % 2 === 0 ? `Hôpital ${last}` : `Centre hospitalier de ${city}`;
    }
    case 'ADDRESS': {
      const n = seedOf(fold(original));
      const last = pick(namePool(ctx.lang).last, n >>> 4);
      const number = 1 + (n % 150);
      const hasNumber = /^\s*\d/.test(original);
      const en = ctx.lang === 'en' || /\b(street|st\.?|avenue|ave\.?|road|rd\.?|lane|drive|blvd)\b/i.test(original);
      const street = en ? `${last} Street` : `rue ${last}`;
      return hasNumber ? `${number} ${street}` : street;
    }
  }
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

function sameCase(model: string, value: string): string {
  const letters = model.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return value.toUpperCase();
  if (letters.length > 0 && letters === letters.toLowerCase()) return value.toLowerCase();
  return value;
}

/**
 * Each name token maps on its own, keyed by (patient, token), so "Jean DUPONT", "Dupont" and
 * "J. Dupont" stay coherent: the surname always becomes the same fake surname for that patient.
 */
function fakeName(original: string, ctx: SurrogateContext): string {
  const pool = namePool(ctx.lang);
  return original.replace(/[\p{L}'’]+(?:-[\p{L}'’]+)*\.?/gu, (token) => {
    const bare = token.replace(/\.$/, '');
    if (/^\p{L}$/u.test(bare)) {
      const n = ctx.identity.seed('surrogate', ctx.patientId ?? '', 'PERSON-initial', fold(bare));
      return sameCase(bare, String.fromCharCode(65 + (n % 26))) + (token.endsWith('.') ? '.' : '');
    }
    if (/^(de|du|des|le|la|van|von|der|den|di|da|del|el|al|ben|d'|l')$/i.test(bare)) return token;
    const first = isFirstName(bare);
    const n = ctx.identity.seed('surrogate', ctx.patientId ?? '', first ? 'PERSON-first' : 'PERSON-last', fold(bare));
    const fake = pick(first ? pool.first : pool.last, n);
    return sameCase(bare, fake) + (token.endsWith('.') ? '.' : '');
  });
}

/**
 * Keeps the written shape (spaces, dots, '+', parentheses) and the country/area prefix rules valid. A number said in
 * words, whole or in part ("zéro six, douze, …", "nine zero six two …"), becomes a written number of eight or ten
 * digits (by how many parts it was said in), never the words it was said in.
 */
function fakePhone(original: string, n: number): string {
  // A word of three letters or more is a number word ("06 douze 34 …" too): no word of it may stay.
  if (/\p{L}{3,}/u.test(original)) return fakeSpokenPhone(original, n);
  const digits = original.replace(/\D/g, '');
  let keep = 0;
  if (/^\s*(\+|00)33/.test(original)) keep = (original.trim().startsWith('00') ? 4 : 2) + 1; // country code + first digit
  else if (/^\s*0[1-9]/.test(original)) keep = 2;
  else if (/^\s*\+1/.test(original) || digits.length === 11) keep = 1;
  else if (/^\s*\+/.test(original)) keep = Math.min(3, digits.length - 6);
  let state = n || 1;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % 10;
  };
  const fresh = digits.split('').map((d, i) => (i < keep ? d : String(next())));
  // North American numbering: area code and exchange start with 2-9.
  if (digits.length === 10 && !/^0/.test(digits)) {
    fresh[0] = String(2 + (Number(fresh[0]) % 8));
    fresh[3] = String(2 + (Number(fresh[3]) % 8));
  }
  if (digits.length === 11 && keep === 1) {
    fresh[1] = String(2 + (Number(fresh[1]) % 8));
    fresh[4] = String(2 + (Number(fresh[4]) % 8));
  }
  let i = 0;
  return original.replace(/\d/g, () => fresh[i++]!);
}

function fakeSpokenPhone(original: string, n: number): string {
  const parts = original.split(/[\s,;]+/).filter((p) => /\p{L}/u.test(p)).length;
  const pairs = parts >= 5 ? 5 : 4;
  let state = n || 1;
  const out: string[] = [];
  for (let i = 0; i < pairs; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(String((state >>> 16) % 100).padStart(2, '0'));
  }
  // Ten digits read as a French number: a trunk zero and a zone or mobile digit first.
  if (pairs === 5) out[0] = `0${1 + (Number(out[0]) % 9)}`;
  return out.join(' ');
}

/** Same shape: digits → digits, letters → letters of the same case; a NIR gets a valid key again. */
function fakeId(original: string, n: number): string {
  let state = n || 1;
  const next = (mod: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % mod;
  };
  const out = original.replace(/[0-9A-Za-z]/g, (c) => {
    if (/\d/.test(c)) return String(next(10));
    const letter = String.fromCharCode(97 + next(26));
    return c === c.toUpperCase() ? letter.toUpperCase() : letter;
  });
  const compact = original.replace(/[ .]/g, '');
  if (/^[12]\d{4}(?:\d{2}|2[AB])\d{8}$/i.test(compact)) {
    // Rebuild as a valid NIR: fresh sex digit (a quasi-identifier) and body, correct key.
    const pad2 = (v: number) => String(v).padStart(2, '0');
    const dept = 1 + next(95);
    const body = String(1 + next(2)) + pad2(next(100)) + pad2(1 + next(12)) + pad2(dept === 20 ? 21 : dept) + String(next(1_000_000)).padStart(6, '0');
    const key = String(nirKey(body)).padStart(2, '0');
    const whole = body + key;
    let i = 0;
    return original.replace(/[0-9A-Za-z]/g, () => whole[i++]!);
  }
  return out;
}

/** Last resort for a value the specific generators did not understand: keyed same-shape noise. */
function reshape(original: string, n: number): string {
  return fakeId(original, n);
}
