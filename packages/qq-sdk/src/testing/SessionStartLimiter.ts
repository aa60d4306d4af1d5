import type { Clock } from '../internal/Clock.js';
import type { SessionStartLimit } from './SimulatorOptions.js';

// After a reset the platform grants `total` session starts for the next 24 hours.
const RESET_PERIOD_MS = 86_400_000;

/**
 * The simulator's `session_start_limit`: each identify takes one of `remaining`, and `reset_after`
 * runs down on the simulator's clock; when it reaches 0, `remaining` is `total` again for another
 * 24 hours. So a test can run a bot out of session starts and, with a `ManualClock`, past the reset.
 */
export class SessionStartLimiter {
  readonly #clock: Clock;
  readonly #total: number;
  readonly #maxConcurrency: number;
  #remaining: number;
  #resetsAt: number;

  /** @param clock - The simulator's clock. @param limit - The limit as it stands at start. */
  constructor(clock: Clock, limit: SessionStartLimit) {
    this.#clock = clock;
    this.#total = limit.total;
    this.#maxConcurrency = limit.max_concurrency;
    this.#remaining = limit.remaining;
    this.#resetsAt = clock.now() + limit.reset_after;
  }

  /** Identifies allowed per 5 s. */
  get maxConcurrency(): number {
    return this.#maxConcurrency;
  }

  /** The limit as `/gateway/bot` reports it now. */
  current(): SessionStartLimit {
    const now = this.#roll();
    return { total: this.#total, remaining: this.#remaining, reset_after: this.#resetsAt - now, max_concurrency: this.#maxConcurrency };
  }

  /** Whether a session start is left. */
  available(): boolean {
    this.#roll();
    return this.#remaining > 0;
  }

  /** Uses one session start (call after {@link SessionStartLimiter.available}). */
  take(): void {
    this.#roll();
    if (this.#remaining > 0) this.#remaining--;
  }

  // Applies every reset that is due; returns the current time.
  #roll(): number {
    const now = this.#clock.now();
    if (now >= this.#resetsAt) {
      this.#remaining = this.#total;
      this.#resetsAt += (Math.floor((now - this.#resetsAt) / RESET_PERIOD_MS) + 1) * RESET_PERIOD_MS;
    }
    return now;
  }
}
