/**
 * A source of the current time in milliseconds since the epoch. Injected wherever time matters
 * (token expiry, reply windows, dedup TTLs) so tests and the simulator can control it.
 */
export interface Clock {
  /** The current time in epoch milliseconds. */
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
