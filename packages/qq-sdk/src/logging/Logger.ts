import { redactDeep, redactText } from '../errors/knownSecrets.js';

/**
 * The logger qq-sdk writes to. Pass your own (pino, winston, console …) through the `logger`
 * option; qq-sdk never writes to `console` on its own except for warnings and errors when no logger
 * is given. Every method takes a message and an optional object of structured context. What the SDK
 * hands a logger has every AppSecret and access token redacted (see `redactSecrets`).
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

/** Loggers made by {@link resolveLogger}: passing one on to another layer keeps its level. */
const resolvedLoggers = new WeakSet<Logger>();

const toConsole =
  (method: 'debug' | 'info' | 'warn' | 'error') =>
  (message: string, context?: Record<string, unknown>): void =>
    // eslint-disable-next-line no-console -- the default logger is the console; users pass their own.
    console[method](`[qq-sdk] ${message}`, context ?? '');

/**
 * Fills in a partial logger and applies a level: missing methods fall back to `console` at or
 * above the level, anything below `level` is dropped.
 *
 * - No logger, no level: `console` for warnings and errors only.
 * - No logger, a level (`logLevel: 'debug'`): `console` from that level up.
 * - A logger, no level: everything from `info` up, or the level it was resolved with if it is a
 *   logger this function returned (layers pass the bot's logger on without losing its level).
 *
 * @param logger - A full or partial logger; `undefined` means the console.
 * @param level - The lowest level to emit.
 *
 * @example
 * ```ts
 * const logger = resolveLogger(pino, 'debug'); // pino's debug/info/warn/error, nothing filtered
 * const quiet = resolveLogger(undefined); // console, warnings and errors only
 * const verbose = resolveLogger(undefined, 'debug'); // console.debug and up
 * ```
 */
export function resolveLogger(logger?: Partial<Logger>, level?: LogLevel): Logger {
  if (level === undefined && logger !== undefined && resolvedLoggers.has(logger as Logger)) return logger as Logger;
  const threshold = LEVEL_ORDER[level ?? (logger ? 'info' : 'warn')];
  // Without a logger, debug and info go to the console only when a level asks for them.
  const quietByDefault = logger === undefined && level === undefined;
  const pick = (name: keyof Logger, fallback: Logger[keyof Logger]): Logger[keyof Logger] => {
    if (LEVEL_ORDER[name] < threshold) return noop;
    const method = logger?.[name];
    return redacting(method ? method.bind(logger) : fallback);
  };
  const resolved: Logger = {
    debug: pick('debug', quietByDefault || logger !== undefined ? noop : toConsole('debug')),
    info: pick('info', quietByDefault || logger !== undefined ? noop : toConsole('info')),
    warn: pick('warn', toConsole('warn')),
    error: pick('error', toConsole('error')),
  };
  resolvedLoggers.add(resolved);
  return resolved;
}

/** The last gate before a line leaves the SDK: no secret gets past it, whoever wrote the line. */
function redacting(write: Logger[keyof Logger]): Logger[keyof Logger] {
  if (write === noop) return noop;
  return (message, context) => (context === undefined ? write(redactText(message)) : write(redactText(message), redactDeep(context)));
}

/**
 * Whether `logger` (from {@link resolveLogger}) emits debug lines: lets a hot path skip building
 * the context of a line nobody reads.
 *
 * @internal
 */
export function logsDebug(logger: Logger): boolean {
  return logger.debug !== noop;
}
