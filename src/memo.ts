/**
 * Extracts repeat the same few thousand spellings (a regency, a sex, a desil) a million times:
 * remembering each answer turns per-row regex and lookup work into one Map hit.
 * Bounded: the cache is simply cleared when it grows past `limit`.
 */
export function memoByString<T>(fn: (key: string) => T, limit = 50_000): (key: string) => T {
  let cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      v = fn(key);
      if (cache.size >= limit) cache = new Map();
      // A copy, not the key itself: a field sliced from a 1 MB chunk of the file would keep the
      // whole chunk alive for as long as the cache lives.
      cache.set(Buffer.from(key, 'utf8').toString('utf8'), v);
    }
    return v as T;
  };
}
