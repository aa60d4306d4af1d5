import { DefaultGatewayOptions } from './DefaultGatewayOptions.js';

/** Options for {@link ExponentialBackoff}. */
export interface ExponentialBackoffOptions {
  /**
   * The delay of the first attempt, in ms; each further attempt doubles it.
   * @defaultValue 1000
   */
  baseMs?: number;
  /**
   * The cap on a single delay, in ms.
   * @defaultValue 60000
   */
  maxMs?: number;
  /**
   * The fraction of each delay that is randomized away (0 = none, 1 = anywhere from 0 to the delay),
   * so shards and processes that dropped together do not reconnect together.
   * @defaultValue 0.25
   */
  jitter?: number;
  /** A source of randomness in [0, 1); injected by tests. Defaults to `Math.random`. */
  random?: () => number;
}

/**
 * Capped exponential backoff with jitter for reconnects: `min(maxMs, baseMs · 2^attempt)`, reduced
 * by up to `jitter` of itself. {@link ExponentialBackoff.reset} after a successful READY/RESUMED.
 */
export class ExponentialBackoff {
  readonly #baseMs: number;
  readonly #maxMs: number;
  readonly #jitter: number;
  readonly #random: () => number;
  #attempt = 0;

  /** @param options - Base delay, cap, jitter and randomness. */
  constructor(options: ExponentialBackoffOptions = {}) {
    this.#baseMs = options.baseMs ?? DefaultGatewayOptions.backoff.baseMs;
    this.#maxMs = options.maxMs ?? DefaultGatewayOptions.backoff.maxMs;
    this.#jitter = Math.min(1, Math.max(0, options.jitter ?? DefaultGatewayOptions.backoff.jitter));
    this.#random = options.random ?? Math.random;
  }

  /** How many delays were handed out since the last reset. */
  get attempt(): number {
    return this.#attempt;
  }

  /** Returns the delay for the next attempt in ms and counts the attempt. */
  next(): number {
    // Cap the exponent so 2^attempt never overflows into Infinity after a very long outage.
    const exponent = Math.min(this.#attempt, 30);
    this.#attempt += 1;
    const delay = Math.min(this.#maxMs, this.#baseMs * 2 ** exponent);
    return Math.round(delay * (1 - this.#jitter * this.#random()));
  }

  /** Starts over from the base delay. */
  reset(): void {
    this.#attempt = 0;
  }
}
