/** Options of {@link sleep}. */
export interface SleepOptions {
  /** Ends the wait early: the promise rejects with `abortError(signal.reason)`. */
  readonly signal?: AbortSignal | undefined;
  /** Turns the signal's reason into the rejection; default: the reason itself. */
  readonly abortError?: ((reason: unknown) => unknown) | undefined;
  /** Lets the process exit while waiting (a reconnect backoff must not keep a stopped bot alive). */
  readonly unref?: boolean | undefined;
}

/**
 * Resolves after `ms` (at once for `ms <= 0`), or rejects as soon as the signal aborts. The one
 * timer every layer waits on.
 *
 * @internal
 */
export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal, abortError = (reason: unknown) => reason, unref = false } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal.reason));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (unref) (timer as { unref?: () => void }).unref?.();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
