import type { GatewayErrorReason } from './GatewayError.js';

/**
 * What the gateway does after a connection ends:
 * - `resume`: reconnect and RESUME the session (IDENTIFY if there is none);
 * - `identify`: forget the session, reconnect and IDENTIFY;
 * - `fatal`: stop the shard with a {@link GatewayError}; never retried.
 */
export type GatewayCloseAction = 'resume' | 'identify' | 'fatal';

/** One row of the close-code table. */
export interface GatewayCloseCodeRule {
  /** What to do after this close. */
  readonly action: GatewayCloseAction;
  /** What the code means, in the platform's terms. */
  readonly meaning: string;
  /** For fatal codes: the {@link GatewayError} reason. */
  readonly reason?: GatewayErrorReason;
  /** For fatal codes: what the operator should do. */
  readonly remedy?: string;
  /** A minimum wait before reconnecting, when the platform asks to slow down. */
  readonly minDelayMs?: number;
  /** The token sent was refused: fetch a new one before reconnecting. */
  readonly refreshToken?: boolean;
}

/**
 * The platform's close-code table (docs/platform-reference.md#close-codes), the only place close codes are interpreted.
 * Codes missing from it follow {@link resolveCloseCode}.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/error-trace/websocket.html
 */
export const GATEWAY_CLOSE_CODES: Readonly<Record<number, GatewayCloseCodeRule>> = {
  4001: {
    action: 'fatal',
    meaning: 'invalid opcode',
    reason: 'invalid-opcode',
    remedy: 'the SDK sent an opcode the platform does not accept; report this as a qq-sdk bug',
  },
  4002: {
    action: 'fatal',
    meaning: 'invalid payload',
    reason: 'invalid-payload',
    remedy: 'the SDK sent a malformed payload; report this as a qq-sdk bug',
  },
  // botgo's table: authentication failed. The session is fine; the token is not (expired or
  // revoked): refresh it and resume, as OpenClaw's qqbot gateway does (docs/platform-reference.md#close-codes).
  4004: { action: 'resume', meaning: 'authentication failed', refreshToken: true },
  // botgo's table: a repeated identify on one connection. The first one made a session: resume it.
  4005: { action: 'resume', meaning: 'repeated identify' },
  4006: { action: 'identify', meaning: 'invalid session id, cannot resume' },
  4007: { action: 'identify', meaning: 'invalid seq on resume' },
  // The table marks 4008 resumable but asks to wait before coming back.
  4008: { action: 'resume', meaning: 'payloads sent too fast', minDelayMs: 60_000 },
  // Sent about every 30 minutes; treating it as a new session is the classic message gap.
  4009: { action: 'resume', meaning: 'connection expired' },
  4010: {
    action: 'fatal',
    meaning: 'invalid shard',
    reason: 'invalid-shard',
    remedy: 'check the shard id and shard count (shard id must be < count; use shardCount: "auto")',
  },
  4011: {
    action: 'fatal',
    meaning: 'too many guilds for this shard',
    reason: 'too-many-guilds',
    remedy: 'run more shards (shardCount: "auto" follows the platform recommendation)',
  },
  4012: {
    action: 'fatal',
    meaning: 'invalid gateway version',
    reason: 'invalid-version',
    remedy: 'connect to the URL returned by GET /gateway/bot',
  },
  4013: {
    action: 'fatal',
    meaning: 'invalid intent',
    reason: 'invalid-intents',
    remedy: 'remove unknown intent bits; build intents with Intents.from([...])',
  },
  4014: {
    action: 'fatal',
    meaning: 'intent not permitted',
    reason: 'disallowed-intents',
    remedy: 'remove the intents this bot has not been granted, or apply for them on the QQ Open Platform console',
  },
  4914: {
    action: 'fatal',
    meaning: 'bot delisted (offline); only the sandbox environment is allowed',
    reason: 'bot-offline',
    remedy: 'connect to the sandbox gateway, or publish the bot again on the QQ Open Platform console',
  },
  4915: {
    action: 'fatal',
    meaning: 'bot banned',
    reason: 'bot-banned',
    remedy: 'the bot has been banned; contact QQ Open Platform support',
  },
};

/**
 * Looks up what to do after the connection closed with `code`:
 * the table rows above; 4900–4913 (internal errors) IDENTIFY; any other 4xxx follows the
 * platform's summary rule (IDENTIFY); non-4xxx codes (1000, 1001, 1006 a dropped TCP connection …)
 * RESUME when a session exists.
 *
 * @param code - The WebSocket close code.
 * @returns The rule for that code.
 */
export function resolveCloseCode(code: number): GatewayCloseCodeRule {
  const rule = GATEWAY_CLOSE_CODES[code];
  if (rule) return rule;
  if (code >= 4900 && code <= 4913) return { action: 'identify', meaning: 'internal platform error' };
  if (code >= 4000 && code <= 4999) return { action: 'identify', meaning: 'unknown gateway close code' };
  return { action: 'resume', meaning: code === 1006 ? 'connection dropped' : 'connection closed' };
}
