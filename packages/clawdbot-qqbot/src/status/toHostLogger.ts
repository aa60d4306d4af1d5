import type { Logger } from 'qq-sdk';
import type { HostLog } from '../host/HostTypes.js';
import type { RecentLogLines } from './RecentLogLines.js';

/**
 * Adapts the host's per-account log to qq-sdk's {@link Logger}. Every line passes through
 * `redact`, which removes the account's secret should any layer ever include it. Warnings and
 * errors are also kept in `recent` (without the prefix), for `/bot-logs`.
 */
export function toHostLogger(
  log: HostLog | undefined,
  prefix: string,
  secrets: readonly string[],
  recent?: { readonly lines: RecentLogLines; readonly now: () => number },
): Logger {
  const redact = (line: string): string => secrets.reduce((text, secret) => (secret.length >= 4 ? text.split(secret).join('[redacted]') : text), line);
  const line = (message: string, context?: Record<string, unknown>): string => {
    let suffix = '';
    if (context !== undefined) {
      try {
        suffix = ` ${JSON.stringify(context)}`;
      } catch {
        suffix = ' [unserializable context]';
      }
    }
    return redact(`${message}${suffix}`);
  };
  const keep = (level: 'warn' | 'error', text: string): string => {
    recent?.lines.add(level, text, recent.now());
    return `${prefix} ${text}`;
  };
  return {
    debug: (message, context) => log?.debug?.(`${prefix} ${line(message, context)}`),
    info: (message, context) => log?.info?.(`${prefix} ${line(message, context)}`),
    // Kept first: an optional call would skip evaluating its argument when the host has no sink.
    warn: (message, context) => {
      const text = keep('warn', line(message, context));
      log?.warn?.(text);
    },
    error: (message, context) => {
      const text = keep('error', line(message, context));
      log?.error?.(text);
    },
  };
}
