import type { BotLifecycleEvent } from '../bot/QQBotPort.js';
import type { HostAccountStatus } from '../host/HostTypes.js';

/** Explains an error in one line for the host's status (`lastError`); SDK messages say what to do. */
export function explainError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * The status change a bot lifecycle event causes: `ready`/`resumed` → connected; `reconnecting`
 * → recovering with the reason; a fatal `error` → blocked (the host does not restart it); a
 * non-fatal one only records `lastError`.
 */
export function lifecycleStatus(event: BotLifecycleEvent, now: number): Partial<HostAccountStatus> {
  switch (event.type) {
    case 'ready':
    case 'resumed':
      return { running: true, connected: true, lifecycle: 'ready', lastConnectedAt: now, lastError: null };
    case 'reconnecting':
      return { connected: false, lifecycle: 'recovering', ...(event.reason ? { lastError: event.reason } : {}) };
    case 'error':
      return event.fatal
        ? { connected: false, lifecycle: 'blocked', lastError: explainError(event.error), terminalDisconnect: true }
        : { lastError: explainError(event.error) };
  }
}
