import type { Clock } from '../internal/Clock.js';
import type { Logger, LogLevel } from '../logging/Logger.js';

/** The four scenes a bot can send to: single chat, group, guild channel, guild DM. */
export type SimulatorScene = 'c2c' | 'group' | 'channel' | 'dm';

/** Passive replies allowed per received `msg_id` (or `event_id`), per scene; `null` = unlimited. */
export interface ReplyQuotas {
  /** C2C: 4 since 2026-01-10 (5 before). @defaultValue 4 */
  c2c: number | null;
  /** Group: 5. @defaultValue 5 */
  group: number | null;
  /** Guild channel: not limited in the docs. @defaultValue null */
  channel: number | null;
  /** Guild DM: not limited in the docs. @defaultValue null */
  dm: number | null;
}

/** How long after a received message a passive reply is accepted, per scene, in milliseconds. */
export interface ReplyWindows {
  /** C2C: 60 minutes. @defaultValue 3_600_000 */
  c2c: number;
  /** Group: 5 minutes. @defaultValue 300_000 */
  group: number;
  /** Guild channel: 5 minutes. @defaultValue 300_000 */
  channel: number;
  /** Guild DM: 5 minutes. @defaultValue 300_000 */
  dm: number;
}

/** An optional per-route, per-target send rate limit; over it the simulator answers 429. */
export interface SimulatorRateLimit {
  /** Requests allowed per window for one route and target. */
  limit: number;
  /** The window in milliseconds (on the simulator's clock). */
  windowMs: number;
}

/**
 * The reply-rule policy of the simulated platform. Every field can also be changed while running
 * with {@link QQSimulator.configure}.
 */
export interface SimulatorPolicy {
  /**
   * Whether active (proactive) messages, with neither `msg_id` nor `event_id`, are accepted:
   * `true` for every target, a list of targets (openid, group_openid, channel_id, DM guild_id),
   * or `false` to refuse them all with 40034102 (v2) / 304045 (guild), as the platform does for
   * most bots.
   * @defaultValue false
   */
  allowActiveMessages: boolean | readonly string[];
  /**
   * Targets refused native markdown (`markdown.content`) with 40034012 (v2) / 50056 (guild);
   * `true` refuses it everywhere. Template markdown is always accepted.
   * @defaultValue []
   */
  markdownRefused: boolean | readonly string[];
  /**
   * Domains registered for URLs in messages (a subdomain of a registered domain is accepted).
   * Any other URL or bare domain is refused with 40054010 (v2) / 304003 (guild).
   * @defaultValue []
   */
  registeredDomains: readonly string[];
  /** Passive replies per received message, per scene. */
  replyQuotas: ReplyQuotas;
  /** Reply windows per scene. */
  replyWindows: ReplyWindows;
  /** Optional rate limit on message sends. @defaultValue null (none) */
  rateLimit: SimulatorRateLimit | null;
}

/** A change to the policy for {@link QQSimulator.configure}: omitted fields keep their value. */
export interface SimulatorPolicyUpdate {
  /** See {@link SimulatorPolicy.allowActiveMessages}. */
  allowActiveMessages?: boolean | readonly string[];
  /** See {@link SimulatorPolicy.markdownRefused}. */
  markdownRefused?: boolean | readonly string[];
  /** See {@link SimulatorPolicy.registeredDomains}. */
  registeredDomains?: readonly string[];
  /** Quotas to change, per scene. */
  replyQuotas?: Partial<ReplyQuotas>;
  /** Windows to change, per scene. */
  replyWindows?: Partial<ReplyWindows>;
  /** A new rate limit, or `null` for none. */
  rateLimit?: SimulatorRateLimit | null;
}

/** Options of {@link QQSimulator.start}. */
export interface SimulatorOptions extends Partial<Omit<SimulatorPolicy, 'replyQuotas' | 'replyWindows'>> {
  /** The simulated bot's appId. @defaultValue '102000000' */
  appId?: string;
  /** The simulated bot's client secret (AppSecret). @defaultValue 'simulator-secret-0123456789abcdef' */
  clientSecret?: string;
  /** Port to listen on, on 127.0.0.1. @defaultValue 0 (a free port) */
  port?: number;
  /** `heartbeat_interval` sent in Hello, in ms; keep it small in tests. @defaultValue 41250 */
  heartbeatIntervalMs?: number;
  /** Lifetime of an access token in seconds. @defaultValue 7200 */
  tokenLifetimeSeconds?: number;
  /** The time source for tokens, reply windows and records; pass a {@link ManualClock} to control it. */
  clock?: Clock;
  /** Shard count recommended by `/gateway/bot`; identifying with fewer closes with 4011. @defaultValue 1 */
  shards?: number;
  /**
   * `session_start_limit` of `/gateway/bot`; `remaining` goes down with each identify, and is
   * `total` again once `reset_after` has run down on the simulator's clock.
   */
  sessionStartLimit?: Partial<SessionStartLimit>;
  /**
   * Close every gateway connection with 4009 (connection expired, resumable) this many real
   * milliseconds after it opened, as the platform does roughly every 30 minutes.
   * @defaultValue undefined (never)
   */
  connectionLifetimeMs?: number;
  /**
   * After op 7 (Reconnect) the platform closes the connection with 4009 right away (botgo's
   * close-code table: "发了 reconnect 之后马上关闭连接"); this is how long after op 7 the
   * simulator does, in real milliseconds. `null` leaves the connection open (a bot must then act
   * on op 7 alone). @defaultValue 200
   */
  reconnectCloseDelayMs?: number | null;
  /**
   * What an Identify or Resume with a token that is not (or no longer) valid gets: `4004`
   * closes the connection with 4004 "authentication failed" (the docs' close-code table, botgo, and
   * OpenClaw's gateway, which refreshes the token and resumes); `'invalid-session'` answers op 9
   * instead. A Resume refused this way leaves its session resumable with a fresh token.
   * @defaultValue 4004
   */
  invalidGatewayToken?: 4004 | 'invalid-session';
  /**
   * Refuse with op 9 (`d: false`) an Identify beyond `session_start_limit.max_concurrency` in 5 s
   * (on the simulator clock), to test an identify throttle. How the platform reacts is not
   * documented.
   * @defaultValue false
   */
  enforceMaxConcurrency?: boolean;
  /**
   * Intent bits the bot is permitted; identifying with another known bit closes with 4014.
   * @defaultValue every known intent
   */
  permittedIntents?: number;
  /** Passive replies per received message, per scene (merged over the defaults). */
  replyQuotas?: Partial<ReplyQuotas>;
  /** Reply windows per scene in ms (merged over the defaults). */
  replyWindows?: Partial<ReplyWindows>;
  /**
   * Whether a C2C typing notice (`msg_type: 6`) with `msg_id`/`event_id` spends one of the source
   * message's passive replies (and its `msg_seq`), as replies do. UNCONFIRMED on the platform:
   * OpenClaw counts typing against the same five-call budget after seeing 22009 on long turns
   * (openclaw/openclaw#104634), so the default follows it. With `false` the notice is still checked
   * (msg_id, window) but spends nothing. Notices are recorded in {@link QQSimulator.typingNotices}.
   * @defaultValue true
   */
  typingSpendsReply?: boolean;
  /** Dispatches kept per session for Resume replay. @defaultValue 200_000 */
  replayBufferSize?: number;
  /** Delay before re-posting an unacknowledged webhook callback, in ms. @defaultValue 1000 */
  webhookRetryDelayMs?: number;
  /** Re-posts of an unacknowledged webhook callback. @defaultValue 3 */
  webhookRetries?: number;
  /** The bot user returned in READY and `/users/@me`. */
  botUser?: { id?: string; username?: string };
  /**
   * Serve the HTTP control API under `/_simulator/` (inject, webhook, gateway actions, failures,
   * read-back) for bots in other processes; the `qq-sdk-simulator` CLI turns it on.
   * @defaultValue false
   */
  controlApi?: boolean;
  /** Where the simulator logs (debug: every frame). */
  logger?: Partial<Logger>;
  /** The lowest level logged. */
  logLevel?: LogLevel;
  /**
   * Serves the console at `/_console` on the simulator's port: a page that looks like a QQ
   * conversation list, where you type as simulated users, click the bot's buttons, see every API
   * call with its `msg_id`/`msg_seq` and reply budget, and inject faults (docs/testing.md).
   * @defaultValue false
   */
  console?: boolean;
}

/** The `session_start_limit` object of `/gateway/bot`. */
export interface SessionStartLimit {
  /** Sessions allowed per 24 h. @defaultValue 1000 */
  total: number;
  /** Sessions left; each identify uses one, at 0 identifies get op 9. @defaultValue 1000 */
  remaining: number;
  /** Milliseconds until `remaining` resets; counts down on the simulator's clock, then every 24 h. @defaultValue 86_400_000 */
  reset_after: number;
  /** Identifies allowed per 5 s. @defaultValue 1 */
  max_concurrency: number;
}
