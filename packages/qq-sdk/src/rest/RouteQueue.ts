import type { Clock } from '../internal/Clock.js';
import { sleep } from './fetchWithTimeout.js';
import { QQAbortError } from '../errors/QQAbortError.js';

/**
 * One rate-limit bucket (route + major id): holds its requests while the bucket is rate limited,
 * and runs them one at a time, in order, within each chain. Requests of different chains (the
 * replies to different messages) run at the same time; requests without a chain share one chain,
 * so calls to one route and target that name none (active messages among them) keep their order.
 * Requests to other buckets are unaffected.
 *
 * @internal
 */
export class RouteQueue {
  /** The bucket key. */
  readonly key: string;
  /** Epoch ms before which no request of this bucket may start. */
  blockedUntil = 0;
  /** Epoch ms of the last activity, for sweeping idle queues. */
  lastUsed: number;
  /** The last request's settlement per chain; a chain is dropped when its last request settles. */
  readonly #tails = new Map<string, Promise<void>>();
  #pending = 0;
  readonly #clock: Clock;

  constructor(key: string, clock: Clock) {
    this.key = key;
    this.#clock = clock;
    this.lastUsed = clock.now();
  }

  /** `true` when nothing is queued or running, so the queue can be dropped. */
  get inactive(): boolean {
    return this.#pending === 0 && this.blockedUntil <= this.#clock.now();
  }

  /** Milliseconds until the bucket unblocks (0 if open). */
  get remainingBlockMs(): number {
    return Math.max(0, this.blockedUntil - this.#clock.now());
  }

  /** Blocks the bucket for `ms` from now (extends, never shortens, a current block). */
  block(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.#clock.now() + ms);
  }

  /**
   * Runs `task` after every earlier task of the same chain in this bucket settled.
   *
   * @param task - The request; receives nothing, returns its result.
   * @param signal - Aborts the wait in line (the order of the others is kept).
   * @param what - Names the request in an abort error.
   * @param chain - The chain the request keeps its order in; `''` (the default) for requests that name none.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal, what = 'request', chain = ''): Promise<T> {
    this.#pending += 1;
    this.lastUsed = this.#clock.now();
    const previous = this.#tails.get(chain) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The next task of the chain waits for ours, and ours waits for the previous one even if we are aborted.
    const tail = previous.then(() => mine);
    this.#tails.set(chain, tail);
    try {
      await waitOrAbort(previous, signal, what);
      return await task();
    } finally {
      this.#pending -= 1;
      this.lastUsed = this.#clock.now();
      void previous.then(() => {
        release();
        if (this.#tails.get(chain) === tail) this.#tails.delete(chain);
      });
    }
  }

  /** Sleeps until the bucket unblocks. */
  async waitUntilOpen(signal?: AbortSignal, what = 'request'): Promise<void> {
    // Bounded: each pass sleeps the full remaining block; blocks only grow through block().
    for (let i = 0; i < 100 && this.remainingBlockMs > 0; i += 1) {
      await sleep(this.remainingBlockMs, signal, what);
    }
  }
}

function waitOrAbort(promise: Promise<void>, signal: AbortSignal | undefined, what: string): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new QQAbortError(what, { cause: signal.reason }));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new QQAbortError(what, { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
