/** Bots rarely have more than a few secrets; the bound only stops a misuse from growing memory. */
const CACHE_LIMIT = 64;

/**
 * A per-secret cache of derived keys, bounded (the oldest secret is forgotten first).
 *
 * @internal
 */
export function keyCache<T>(derive: (secret: string) => T): (secret: string) => T {
  const cache = new Map<string, T>();
  return (secret) => {
    const cached = cache.get(secret);
    if (cached !== undefined) return cached;
    const keys = derive(secret);
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    cache.set(secret, keys);
    return keys;
  };
}
