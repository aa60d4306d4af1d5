import type { Logger } from '../logging/Logger.js';

/**
 * An ordered list of base URLs for one endpoint: the one in use, and the ones to move to when it
 * fails in a way another host can fix (no connection, or a server error where the docs moved the
 * endpoint). It moves forward only, each move logged once: the host that answered stays in use.
 *
 * @internal
 */
export class HostFallback {
  readonly #urls: readonly string[];
  readonly #what: string;
  readonly #logger: Logger;
  #index = 0;

  /**
   * @param urls - The base URLs, preferred first (at least one).
   * @param what - What they serve, for the log line (`REST`, `token`).
   * @param logger - Where a move is reported.
   */
  constructor(urls: readonly string[], what: string, logger: Logger) {
    this.#urls = urls;
    this.#what = what;
    this.#logger = logger;
  }

  /** The base URL in use. */
  get current(): string {
    return this.#urls[this.#index] ?? '';
  }

  /** Moves to the next URL if there is one; returns whether it moved. */
  fallBack(reason: string): boolean {
    if (this.#index >= this.#urls.length - 1) return false;
    const from = this.current;
    this.#index += 1;
    this.#logger.warn(`${this.#what} host failed; using the next one from now on`, { from, to: this.current, reason });
    return true;
  }
}
