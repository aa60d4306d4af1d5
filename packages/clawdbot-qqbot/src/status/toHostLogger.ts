import type { Logger } from 'qq-sdk';
import type { HostLog } from '../host/HostTypes.js';

/**
 * Adapts the host's per-account log to qq-sdk's {@link Logger}. Every line passes through
 * `redact`, which removes the account's secret should any layer ever include it.
 */
export function toHostLogger(log: HostLog | undefined, prefix: string, secrets: readonly string[]): Logger {
  const redact = (line: string): string =>
    secrets.reduce((text, secret) => (secret.length >= 4 ? text.split(secret).join('[redacted]') : text), line);
  const line = (message: string, context?: Record<string, unknown>): string => {
    let suffix = '';
    if (context !== undefined) {
      try {
        suffix = ` ${JSON.stringify(context)}`;
      } catch {
        suffix = ' [unserializable context]';
      }
    }
    return redact(`${prefix} ${message}${suffix}`);
  };
  return {
    debug: (message, context) => log?.debug?.(line(message, context)),
    info: (message, context) => log?.info?.(line(message, context)),
    warn: (message, context) => log?.warn?.(line(message, context)),
    error: (message, context) => log?.error?.(line(message, context)),
  };
}
