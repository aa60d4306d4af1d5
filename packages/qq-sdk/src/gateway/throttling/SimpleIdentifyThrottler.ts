import { systemClock, type Clock } from '../../internal/Clock.js';
import type { Logger } from '../../logging/Logger.js';
import { sleep } from '../../internal/sleep.js';
import { DefaultGatewayOptions } from '../DefaultGatewayOptions.js';
import type { IdentifyThrottler, SessionStartLimit } from './IdentifyThrottler.js';

/** Options for {@link SimpleIdentifyThrottler}. */
export interface SimpleIdentifyThrottlerOptions {
  /** `session_start_limit` from GET /gateway/bot. */
  limit: SessionStartLimit;
  /**
   * The window in which `max_concurrency` identifies are allowed, in ms.
   * @defaultValue 5000
   */
  windowMs?: number;
  /** Time source (epoch ms); timers still use `setTimeout`. */
  clock?: Clock;
  /** Where waits for the daily limit are reported. */
  logger?: Logger;
}

/**
 * An in-process {@link IdentifyThrottler}: shards are put in `max_concurrency` buckets by
 * `shardId % max_concurrency`; each bucket identifies at most once per window, in order. When
 * `remaining` reaches zero it waits until `reset_after` has elapsed, then starts again from `total`.
 */
export class SimpleIdentifyThrottler implements IdentifyThrottler {
  readonly #windowMs: number;
  readonly #clock: Clock;
  readonly #logger: Logger | undefined;
  readonly #maxConcurrency: number;
  readonly #total: number;
  #remaining: number;
  #resetAt: number;
  readonly #buckets = new Map<number, { tail: Promise<void>; lastAt: number }>();

  /** @param options - The session start limit and timing. */
  constructor(options: SimpleIdentifyThrottlerOptions) {
    this.#windowMs = options.windowMs ?? DefaultGatewayOptions.identifyWindowMs;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger;
    this.#maxConcurrency = Math.max(1, options.limit.max_concurrency);
    this.#total = options.limit.total;
    this.#remaining = options.limit.remaining;
    this.#resetAt = this.#clock.now() + options.limit.reset_after;
  }

  /** New sessions this throttler still allows before the reset. */
  get remaining(): number {
    return this.#remaining;
  }

  /** {@inheritDoc IdentifyThrottler.waitForIdentify} */
  waitForIdentify(shardId: number, signal?: AbortSignal): Promise<void> {
    const key = shardId % this.#maxConcurrency;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { tail: Promise.resolve(), lastAt: -Infinity };
      this.#buckets.set(key, bucket);
    }
    const current = bucket;
    const turn = current.tail.then(async () => {
      signal?.throwIfAborted();
      const windowWait = current.lastAt + this.#windowMs - this.#clock.now();
      if (windowWait > 0) await sleep(windowWait, { signal, unref: true });
      await this.#takeSessionStart(signal);
      current.lastAt = this.#clock.now();
    });
    // A failed (aborted) turn must not block the shards queued behind it.
    current.tail = turn.catch(() => {});
    return turn;
  }

  async #takeSessionStart(signal: AbortSignal | undefined): Promise<void> {
    if (this.#clock.now() >= this.#resetAt && this.#remaining < this.#total) {
      this.#remaining = this.#total;
      this.#resetAt = this.#clock.now() + 24 * 60 * 60 * 1000;
    }
    if (this.#remaining <= 0) {
      const wait = Math.max(0, this.#resetAt - this.#clock.now());
      this.#logger?.warn('session start limit exhausted; waiting for it to reset before identifying', {
        waitMs: wait,
      });
      await sleep(wait, { signal, unref: true });
      this.#remaining = this.#total;
      this.#resetAt = this.#clock.now() + 24 * 60 * 60 * 1000;
    }
    this.#remaining -= 1;
  }
}
