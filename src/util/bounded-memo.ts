/**
 * Adds `key → value` to a memo map that must not grow with the data it sees (ids, references,
 * values from upstream responses): when it holds `limit` entries it is emptied first. Clearing is
 * cheaper than tracking recency, and every memo that uses it can recompute what it lost.
 */
export function rememberBounded<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): void {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
}
