import { dictionaryKeyword, tagOfKeyword } from '../anonymize/dicom/dictionary.js';

const cache = new Map<string, number | undefined>();

/** Keyword → tag with a cache (query keys repeat). */
export function tagOfKeywordFast(keyword: string): number | undefined {
  if (cache.has(keyword)) return cache.get(keyword);
  const tag = tagOfKeyword(keyword);
  if (cache.size < 10_000) cache.set(keyword, tag);
  return tag;
}

export { dictionaryKeyword };
