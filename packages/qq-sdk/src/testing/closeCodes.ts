/**
 * The gateway close codes of the platform's table, with their effect on the session.
 *
 * - `resumable`: the session survives, a later Resume (op 6) succeeds.
 * - `sticky`: the code stays in force, every later Identify or Resume is closed with it again
 *   (bot delisted / banned) until {@link QQSimulator.unban} is called.
 *
 * 4004 and 4005 are not in the docs' table but in botgo's (`errs/err.go`); a token refused with
 * 4004 leaves the session resumable with a fresh token, as OpenClaw's gateway expects.
 *
 * Codes not in the table (1000, 4900–4913 …) are allowed too: 1000–1999 keep the session
 * resumable, every other code ends it.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/error-trace/websocket.html
 */
export const PLATFORM_CLOSE_CODES = {
  4001: { reason: 'invalid opcode', resumable: false, sticky: false },
  4002: { reason: 'invalid payload', resumable: false, sticky: false },
  4004: { reason: 'authentication failed', resumable: true, sticky: false },
  4005: { reason: 'repeated identify', resumable: true, sticky: false },
  4006: { reason: 'invalid session id, cannot resume', resumable: false, sticky: false },
  4007: { reason: 'invalid seq', resumable: false, sticky: false },
  4008: { reason: 'payload sent too fast', resumable: true, sticky: false },
  4009: { reason: 'connection expired', resumable: true, sticky: false },
  4010: { reason: 'invalid shard', resumable: false, sticky: false },
  4011: { reason: 'too many guilds, shard needed', resumable: false, sticky: false },
  4012: { reason: 'invalid version', resumable: false, sticky: false },
  4013: { reason: 'invalid intent', resumable: false, sticky: false },
  4014: { reason: 'intent not permitted', resumable: false, sticky: false },
  4900: { reason: 'internal error, reconnect', resumable: false, sticky: false },
  4914: { reason: 'bot delisted, only the sandbox is allowed', resumable: false, sticky: true },
  4915: { reason: 'bot banned', resumable: false, sticky: true },
} as const satisfies Record<number, { reason: string; resumable: boolean; sticky: boolean }>;

/** A close code of the platform's table ({@link PLATFORM_CLOSE_CODES}). */
export type PlatformCloseCode = keyof typeof PLATFORM_CLOSE_CODES;

/** Whether closing with `code` keeps the session resumable. */
export function isResumableCloseCode(code: number): boolean {
  const entry = (PLATFORM_CLOSE_CODES as Record<number, { resumable: boolean } | undefined>)[code];
  if (entry) return entry.resumable;
  return code >= 1000 && code < 2000;
}

/** Whether `code` stays in force for later identifies (4914, 4915). */
export function isStickyCloseCode(code: number): boolean {
  return code === 4914 || code === 4915;
}

/** The reason text sent with a close frame for `code`. */
export function closeReason(code: number): string {
  const entry = (PLATFORM_CLOSE_CODES as Record<number, { reason: string } | undefined>)[code];
  if (entry) return entry.reason;
  if (code >= 4900 && code <= 4913) return 'internal error, reconnect';
  return 'closed by the simulator';
}
