import { readFileSync } from 'node:fs';

/**
 * The PS3.6 data dictionary (tag → VR, keyword), generated into profiles/dicom/dictionary.json by
 * profiles/dicom/generate.mjs. Loaded once, on first use. The path is the same from src/ and dist/.
 */
let dictionary: Map<number, readonly [string, string]> | undefined;

function load(): Map<number, readonly [string, string]> {
  if (dictionary) return dictionary;
  const raw = JSON.parse(readFileSync(new URL('../../../profiles/dicom/dictionary.json', import.meta.url), 'utf8')) as Record<string, [string, string]>;
  const map = new Map<number, readonly [string, string]>();
  for (const [key, entry] of Object.entries(raw)) map.set(Number.parseInt(key, 16) >>> 0, entry);
  dictionary = map;
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
  for (const [tag, entry] of load()) if (entry[1] === keyword) return tag;
  return undefined;
}
