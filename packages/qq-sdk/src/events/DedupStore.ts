/**
 * Remembers which events were already delivered, so redeliveries (resume replay, webhook retries,
 * the platform pushing a message twice) reach handlers once. Implement it over a shared store
 * (e.g. Redis `SET key 1 NX PX ttlMs`) to dedup across processes.
 */
export interface DedupStore {
  /**
   * Claims `key` for `ttlMs` milliseconds.
   *
   * @returns `true` the first time a key is claimed within its TTL (deliver the event), `false` for a
   * duplicate. May return a promise; a rejected promise or a throw is treated as `true`
   * (at-least-once beats losing an event).
   */
  claim(key: string, ttlMs: number): boolean | Promise<boolean>;
}
