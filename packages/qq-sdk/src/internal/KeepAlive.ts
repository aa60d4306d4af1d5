/**
 * The one handle that keeps a Node process alive while a bot is started. Every timer qq-sdk
 * schedules (heartbeats, backoff, timeouts) is unref'd, so none of them holds a process that has
 * been stopped; the socket holds it while connected. Between connections (backoff, token refresh,
 * resume) nothing else would, and a plain `await bot.start()` program would exit with code 0 at its
 * first reconnect. So a started component holds one ref'd, idle interval until it is stopped.
 *
 * @internal
 */
export class KeepAlive {
  #timer: ReturnType<typeof setInterval> | undefined;

  /** Whether the process is being held. */
  get held(): boolean {
    return this.#timer !== undefined;
  }

  /** Holds the process (idempotent). */
  hold(): void {
    // An interval near the timer maximum: it never fires in practice, it only holds the loop.
    this.#timer ??= setInterval(noop, 2 ** 31 - 1);
  }

  /** Lets the process exit once nothing else holds it (idempotent). */
  release(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

const noop = (): void => {};
