import type { Clock } from '../internal/Clock.js';
import { QQValidationError } from '../errors/QQValidationError.js';

/**
 * A clock that only moves when the test moves it. Pass it as the simulator's `clock` (and to the
 * bot) to expire reply windows or tokens without waiting.
 *
 * @example
 * ```ts
 * const clock = new ManualClock();
 * const sim = await QQSimulator.start({ clock });
 * clock.advance(5 * 60_000 + 1); // the group reply window is now over
 * ```
 */
export class ManualClock implements Clock {
  private current: number;

  /** @param start - The initial time in epoch milliseconds (defaults to `Date.now()`). */
  constructor(start: number = Date.now()) {
    this.current = start;
  }

  /** The current simulated time in epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** Moves the clock forward by `ms` milliseconds (negative values are refused). */
  advance(ms: number): void {
    if (!(ms >= 0))
      throw new QQValidationError('ManualClock.advance() arguments', [{ path: 'ms', message: `must be a number of milliseconds >= 0, got ${String(ms)}` }]);
    this.current += ms;
  }

  /** Sets the clock to an absolute epoch-millisecond time. */
  set(epochMs: number): void {
    this.current = epochMs;
  }
}
