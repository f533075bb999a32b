import { readFileSync } from 'node:fs';

/**
 * The PS3.6 data dictionary (tag → VR, keyword), generated into profiles/dicom/dictionary.json by
 * profiles/dicom/generate.mjs. Loaded once, on first use. The path is the same from src/ and dist/.
 */
let dictionary: Map<number, readonly [string, string]> | undefined;
/** Keyword → tag, built with the dictionary: query keys are looked up on every QIDO request. */
let byKeyword: Map<string, number> | undefined;

function load(): Map<number, readonly [string, string]> {
  if (dictionary) return dictionary;
  const raw = JSON.parse(readFileSync(new URL('../../../profiles/dicom/dictionary.json', import.meta.url), 'utf8')) as Record<string, [string, string]>;
  const map = new Map<number, readonly [string, string]>();
  const keywords = new Map<string, number>();
  for (const [key, entry] of Object.entries(raw)) {
    const tag = Number.parseInt(key, 16) >>> 0;
    map.set(tag, entry);
    if (!keywords.has(entry[1])) keywords.set(entry[1], tag);
  }
  dictionary = map;
  byKeyword = keywords;
  return map;
}

/** VR of a public attribute, or undefined for private and unknown tags. */
export function dictionaryVr(tag: number): string | undefined {
  return load().get(tag)?.[0];
}

export function dictionaryKeyword(tag: number): string | undefined {
  return load().get(tag)?.[1];
}

export function isDictionaryTag(tag: number): boolean {
  return load().has(tag);
}

/** Tag of a keyword (tests, docs, query keys). */
export function tagOfKeyword(keyword: string): number | undefined {
  load();
  return byKeyword!.get(keyword);
}
