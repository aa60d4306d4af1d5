import { QQError } from '../errors/QQError.js';

/**
 * Why a shard stopped for good. Each value maps to one fatal row of the close-code table
 * ({@link GATEWAY_CLOSE_CODES}) or to a failure the gateway detects on its own.
 */
export type GatewayErrorReason =
  | 'invalid-opcode'
  | 'invalid-payload'
  | 'invalid-shard'
  | 'too-many-guilds'
  | 'invalid-version'
  | 'invalid-intents'
  | 'disallowed-intents'
  | 'bot-offline'
  | 'bot-banned'
  | 'invalid-session-loop'
  | 'invalid-url';

/** What {@link GatewayError} is constructed from. */
export interface GatewayErrorOptions extends ErrorOptions {
  /** Why the shard stopped. */
  reason: GatewayErrorReason;
  /** The shard that stopped. */
  shardId: number;
  /** The WebSocket close code the platform sent, if the stop came from a close. */
  closeCode?: number;
  /** The intents bitfield the shard identified with, for intent errors. */
  intents?: number;
}

/**
 * A shard stopped and will not reconnect on its own: the platform refused the bot (bad token,
 * intents it may not use, bot delisted or banned) or the configuration is wrong. The message names
 * the cause and what to do; `reason` and `closeCode` are stable for programmatic handling.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/error-trace/websocket.html
 */
export class GatewayError extends QQError {
  override readonly name: string = 'GatewayError';
  /** Why the shard stopped. */
  readonly reason: GatewayErrorReason;
  /** The shard that stopped. */
  readonly shardId: number;
  /** The close code the platform sent, if any. */
  readonly closeCode: number | undefined;
  /** The intents bitfield the shard identified with, if relevant. */
  readonly intents: number | undefined;

  /**
   * @param message - What went wrong and what to do about it.
   * @param options - The reason, shard and close code, plus the standard `cause`.
   */
  constructor(message: string, options: GatewayErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason;
    this.shardId = options.shardId;
    this.closeCode = options.closeCode;
    this.intents = options.intents;
  }
}
