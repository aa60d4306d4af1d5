/**
 * The logger qq-sdk writes to. Pass your own (pino, winston, console …) through the `logger`
 * option; qq-sdk never writes to `console` on its own except for warnings and errors when no logger
 * is given. Every method takes a message and an optional object of structured context.
 */
export interface Logger {
  /** Verbose diagnostics: frames, state transitions, retries. */
  debug(message: string, context?: Record<string, unknown>): void;
  /** Notable lifecycle events: connected, resumed. */
  info(message: string, context?: Record<string, unknown>): void;
  /** Something degraded but handled: a reconnect, an event that failed validation. */
  warn(message: string, context?: Record<string, unknown>): void;
  /** Something failed and needs attention. */
  error(message: string, context?: Record<string, unknown>): void;
}

/** The level below which messages are dropped by {@link resolveLogger}. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

const noop = (): void => {};

/**
 * Fills in a partial logger and applies a level: missing `debug`/`info` become no-ops, missing
 * `warn`/`error` fall back to `console`, and anything below `level` is dropped.
 *
 * @param logger - A full or partial logger; `undefined` means "console for warn and error only".
 * @param level - The lowest level to emit. Defaults to `'info'` with a user logger, `'warn'` without.
 *
 * @example
 * ```ts
 * const logger = resolveLogger(pino, 'debug'); // pino's debug/info/warn/error, nothing filtered
 * const quiet = resolveLogger(undefined); // console, warnings and errors only
 * ```
 */
export function resolveLogger(logger?: Partial<Logger>, level?: LogLevel): Logger {
  const threshold = LEVEL_ORDER[level ?? (logger ? 'info' : 'warn')];
  const pick = (name: keyof Logger, fallback: Logger[keyof Logger]): Logger[keyof Logger] => {
    if (LEVEL_ORDER[name] < threshold) return noop;
    const method = logger?.[name];
    return method ? method.bind(logger) : fallback;
  };
  return {
    debug: pick('debug', noop),
    info: pick('info', noop),
    warn: pick('warn', (message, context) => console.warn(`[qq-sdk] ${message}`, context ?? '')),
    error: pick('error', (message, context) => console.error(`[qq-sdk] ${message}`, context ?? '')),
  };
}
