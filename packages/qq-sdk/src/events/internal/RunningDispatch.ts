import type { DispatchMeta, DispatchOutcome } from '../dispatchTypes.js';
import type { HandlerAbandonReason } from '../HandlerTimeoutError.js';

/** Where a {@link RunningDispatch} reports handler failures and abandoned handlers. */
export interface RunningDispatchReporter {
  /** A handler of the event threw or rejected. */
  handlerFailed(error: unknown, listener: string, meta: DispatchMeta, outcome: DispatchOutcome): void;
  /** A handler was still running when the dispatch was abandoned. */
  handlerAbandoned(listener: string, meta: DispatchMeta, abandonment: Abandonment): void;
  /** The dispatch is over (every handler settled, or it was abandoned): its slot is free. */
  finished(running: RunningDispatch): void;
}

/** Why and when a dispatch was given up on. */
export interface Abandonment {
  /** The budget ran out, or `stop()` stopped waiting. */
  readonly reason: HandlerAbandonReason;
  /** The limit that ran out, in ms (the handler budget or the drain time). */
  readonly limitMs: number;
  /** How long the handlers had been running, in ms. */
  readonly runningMs: number;
}

/**
 * One event whose handlers returned promises: it settles when the last of them settles, or
 * earlier when it is abandoned (handler budget, or `stop()` draining), whichever comes first.
 */
export class RunningDispatch {
  /** The outcome reported to the transport. */
  readonly outcome: DispatchOutcome;
  /** The event's delivery details. */
  readonly meta: DispatchMeta;
  /** When the handlers started (`performance.now()`). */
  readonly startedAt: number;
  /** Resolves with the outcome once the dispatch is over. */
  readonly settled: Promise<DispatchOutcome>;
  /**
   * Links of the scheduler's running list (oldest first). Kept on the dispatch itself: a Set of
   * running dispatches cost ~10% peak RSS on the reply bench (its table kept them through
   * scavenges), a list costs no allocation.
   */
  previous: RunningDispatch | undefined;
  /** See {@link RunningDispatch.previous}. */
  next: RunningDispatch | undefined;
  readonly #reporter: RunningDispatchReporter;
  /** Names of the listeners still running, one entry per handler. */
  readonly #pending: string[] = [];
  #over = false;
  #resolve!: (outcome: DispatchOutcome) => void;

  /**
   * @param outcome - The outcome being filled in by the dispatcher.
   * @param meta - The event's delivery details.
   * @param reporter - Where failures and the end of the dispatch are reported.
   */
  constructor(outcome: DispatchOutcome, meta: DispatchMeta, reporter: RunningDispatchReporter) {
    this.outcome = outcome;
    this.meta = meta;
    this.#reporter = reporter;
    this.startedAt = performance.now();
    this.settled = new Promise<DispatchOutcome>((resolve) => (this.#resolve = resolve));
  }

  /** Whether the dispatch is over. */
  get over(): boolean {
    return this.#over;
  }

  /**
   * Follows one handler's promise. A rejection is reported even after the dispatch was abandoned:
   * the handler did fail.
   */
  watch(listener: string, result: PromiseLike<unknown>): void {
    this.#pending.push(listener);
    Promise.resolve(result).then(
      () => this.#handlerDone(listener),
      (error: unknown) => {
        this.outcome.errors++;
        this.#reporter.handlerFailed(error, listener, this.meta, this.outcome);
        this.#handlerDone(listener);
      },
    );
  }

  /** Gives up waiting: reports every handler still running, then settles. */
  abandon(reason: HandlerAbandonReason, limitMs: number): void {
    if (this.#over) return;
    const abandonment: Abandonment = { reason, limitMs, runningMs: Math.round(performance.now() - this.startedAt) };
    this.outcome.abandoned = this.#pending.length;
    for (const listener of this.#pending) this.#reporter.handlerAbandoned(listener, this.meta, abandonment);
    this.#finish();
  }

  #handlerDone(listener: string): void {
    if (this.#over) return;
    const index = this.#pending.indexOf(listener);
    if (index >= 0) this.#pending.splice(index, 1);
    if (this.#pending.length === 0) this.#finish();
  }

  #finish(): void {
    this.#over = true;
    this.#pending.length = 0;
    this.#reporter.finished(this);
    this.#resolve(this.outcome);
  }
}
