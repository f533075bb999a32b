import type { Doc, Lang } from './types.js';

/**
 * Folding keeps one output code unit per input code unit, so every offset found on the folded
 * view is an offset in the original. That is what lets recognizers ignore case, accents and odd
 * spaces ("Né le", "ne le", "NÉ LE") without any offset bookkeeping.
 */
const foldCache = new Map<number, string>();

export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const cached = foldCache.get(code);
  if (cached !== undefined) return cached;
  let out = ch;
  if (code === 0xa0 || code === 0x202f || code === 0x2007 || code === 0x2009) out = ' ';
  else if (code === 0x2019 || code === 0x2018 || code === 0x02bc) out = "'";
  else if (code === 0x2010 || code === 0x2011 || code === 0x2013 || code === 0x2014) out = '-';
  else if (code === 0x0153) out = 'o';
  else if (code === 0x0152) out = 'o';
  else if (code === 0x00e6 || code === 0x00c6) out = 'a';
  else if (code === 0x00df) out = 's';
  else {
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    out = base.length === 1 ? base : ch.length === 1 ? ch.toLowerCase().slice(0, 1) || ch : ch;
    if (out.length !== 1) out = ch;
  }
  foldCache.set(code, out);
  return out;
}

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

const FR_HINTS = /\b(le|la|les|des|du|une|est|et|pour|avec|dans|patient[e]?|ans|sous|sans|au|aux|mme|monsieur|madame|douleur|examen|traitement|suivi)\b/g;
// English forms, logs and tables have few function words: clinical words found in English only count too
// (without them 34 of 1,447 English eval documents tied and went French).
const EN_HINTS = /\b(the|and|of|with|for|is|was|patient|years|old|she|he|his|her|pain|exam|treatment|follow|mr|mrs|ms|to|in|hospital|health|medical|clinic|ward|nurse|daily|weekly|referral|discharged|admitted|review|dob|name|from|on|at|by|log|list|report|assessment|center|program|male|female|yo|hx|dx)\b/g;

/** A cheap per-document language guess: counts of frequent function words. Ties go to French. */
export function detectLang(folded: string): Lang {
  const sample = folded.length > 4000 ? folded.slice(0, 4000) : folded;
  const fr = sample.match(FR_HINTS)?.length ?? 0;
  const en = sample.match(EN_HINTS)?.length ?? 0;
  return en > fr ? 'en' : 'fr';
}

export function makeDoc(text: string, lang: Lang | 'auto' | undefined): Doc {
  const folded = fold(text);
  return { text, folded, lang: lang === 'fr' || lang === 'en' ? lang : detectLang(folded) };
}
