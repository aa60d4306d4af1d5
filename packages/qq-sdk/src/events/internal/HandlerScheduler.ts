import type { HandlerAbandonReason } from '../HandlerTimeoutError.js';
import type { RunningDispatch } from './RunningDispatch.js';

/** Limits of a {@link HandlerScheduler}. */
export interface HandlerSchedulerOptions {
  /** Events whose handlers may run at once; `Infinity` for no bound. */
  readonly maxConcurrent: number;
  /** Time budget of an event's handlers in ms; `Infinity` for none. */
  readonly timeoutMs: number;
}

/**
 * Decides when an event's handlers may start and when they are given up on.
 *
 * - **Concurrency.** At most `maxConcurrent` events have handlers running. Beyond that, events wait
 *   in one FIFO queue and start as slots free up. One queue for all chats keeps the order in which
 *   handlers start the order in which events arrived, so per-chat order holds; nothing is dropped.
 *   Only events whose handlers return promises hold a slot.
 * - **Budget.** An event still running `timeoutMs` after its handlers started is abandoned. All
 *   events share one budget, so the running list (oldest first) is also ordered by deadline: one
 *   sweep timer checks from the oldest and stops at the first that still has time. No timer per event.
 */
export class HandlerScheduler {
  readonly #maxConcurrent: number;
  readonly #timeoutMs: number;
  /** The running dispatches as a doubly linked list through their own links, oldest first. */
  #oldest: RunningDispatch | undefined;
  #newest: RunningDispatch | undefined;
  #runningCount = 0;
  #queue: QueuedStart[] = [];
  #queueHead = 0;
  #sweepTimer: ReturnType<typeof setInterval> | undefined;

  /** @param options - The concurrency bound and the time budget. */
  constructor(options: HandlerSchedulerOptions) {
    this.#maxConcurrent = options.maxConcurrent;
    this.#timeoutMs = options.timeoutMs;
  }

  /** Events whose handlers are running. */
  get running(): number {
    return this.#runningCount;
  }

  /** Events waiting for a slot. */
  get queued(): number {
    return this.#queue.length - this.#queueHead;
  }

  /** Whether a new event has to wait: every slot is taken, or earlier events are still waiting. */
  get saturated(): boolean {
    return this.#runningCount >= this.#maxConcurrent || this.#queueHead < this.#queue.length;
  }

  /**
   * Runs `start` once a slot is free and resolves with what it returns (awaited); if the queue is
   * dropped first ({@link HandlerScheduler.dropQueued}), resolves with what `skipped` returns instead.
   */
  enqueue<T>(start: () => T | Promise<T>, skipped: () => T): Promise<T> {
    return new Promise<T>((resolve) => {
      this.#queue.push({ start: () => resolve(start()), skip: () => resolve(skipped()) });
    });
  }

  /** Holds a slot for `running` and watches its budget. */
  track(running: RunningDispatch): void {
    running.previous = this.#newest;
    running.next = undefined;
    if (this.#newest !== undefined) this.#newest.next = running;
    else this.#oldest = running;
    this.#newest = running;
    this.#runningCount += 1;
    if (this.#sweepTimer === undefined && Number.isFinite(this.#timeoutMs)) {
      // Checked a few times per budget: an abandoned event is reported at most a quarter late.
      const period = Math.min(Math.max(this.#timeoutMs / 4, 10), 1000);
      this.#sweepTimer = setInterval(() => this.#sweep(), period);
      // The budget must not keep a process alive that has nothing else to do.
      this.#sweepTimer.unref?.();
    }
  }

  /** Frees the slot of a dispatch that is over and starts waiting events. */
  release(running: RunningDispatch): void {
    const { previous, next } = running;
    if (previous === undefined && this.#oldest !== running) return; // not in the list
    if (previous !== undefined) previous.next = next;
    else this.#oldest = next;
    if (next !== undefined) next.previous = previous;
    else this.#newest = previous;
    running.previous = undefined;
    running.next = undefined;
    this.#runningCount -= 1;
    this.#startWaiting();
  }

  /**
   * Abandons every running event (`stop()` gave up waiting after `limitMs`).
   * @returns How many there were.
   */
  abandonRunning(reason: HandlerAbandonReason, limitMs: number): number {
    const running: RunningDispatch[] = [];
    for (let dispatch = this.#oldest; dispatch !== undefined; dispatch = dispatch.next) running.push(dispatch);
    for (const dispatch of running) dispatch.abandon(reason, limitMs);
    return running.length;
  }

  /** Forgets the events still waiting for a slot, without running them. @returns How many there were. */
  dropQueued(): number {
    const waiting = this.#queue.slice(this.#queueHead);
    this.#queue = [];
    this.#queueHead = 0;
    for (const entry of waiting) entry.skip();
    return waiting.length;
  }

  #startWaiting(): void {
    while (this.#runningCount < this.#maxConcurrent && this.#queueHead < this.#queue.length) {
      const entry = this.#queue[this.#queueHead] as QueuedStart;
      this.#queue[this.#queueHead] = STARTED;
      this.#queueHead += 1;
      if (this.#queueHead === this.#queue.length) {
        this.#queue = [];
        this.#queueHead = 0;
      } else if (this.#queueHead > 1024 && this.#queueHead * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#queueHead);
        this.#queueHead = 0;
      }
      entry.start();
    }
  }

  #sweep(): void {
    // Stopped lazily, at the first sweep with nothing running: a busy bot empties and refills the
    // running set all the time, and a timer per burst would cost more than one idle tick.
    if (this.#runningCount === 0 && this.#sweepTimer !== undefined) {
      clearInterval(this.#sweepTimer);
      this.#sweepTimer = undefined;
      return;
    }
    const deadline = performance.now() - this.#timeoutMs;
    // Abandoning unlinks the oldest (and may start waiting events at the newest end, with time
    // left); bounded by the count anyway, so a dispatch that failed to unlink cannot spin here.
    for (let left = this.#runningCount; left > 0; left--) {
      const oldest = this.#oldest;
      if (oldest === undefined || oldest.startedAt > deadline) break;
      oldest.abandon('timeout', this.#timeoutMs);
    }
  }
}

interface QueuedStart {
  start: () => void;
  skip: () => void;
}

const noop = (): void => {};
/** Replaces a started entry so the queue does not keep its event alive until compaction. */
const STARTED: QueuedStart = { start: noop, skip: noop };
