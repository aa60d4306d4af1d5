import type { MessageScene } from './MessageScene.js';

/** How long a received message can be answered, and how many times. */
export interface ReplyRule {
  /** Milliseconds after the source message during which passive replies are accepted. */
  readonly windowMs: number;
  /** Passive replies allowed per source message (`Infinity` where the platform sets no count). */
  readonly maxReplies: number;
  /**
   * Whether a typing notice (`msg.typing()`, C2C only) spends one of these replies. UNCONFIRMED:
   * the platform does not document it; OpenClaw counts typing against the same budget
   * (openclaw/openclaw#104634), so the default is `true`. With `false` a notice claims nothing and
   * is sent with a `msg_seq` outside the replies' range (10000–65535).
   * @defaultValue true
   */
  readonly typingSpendsReply?: boolean;
}

/**
 * QQ's passive-reply rules per scene, as documented in late 2026: C2C 60 minutes and 4 replies
 * (5 before 2026-01-10), group 5 minutes and 5 replies, guild channel and guild DM 5 minutes with no
 * documented count; a C2C typing notice spends a reply (UNCONFIRMED, see
 * {@link ReplyRule.typingSpendsReply}). The platform changes these; override them with the
 * `replyRules` option.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */
export const DEFAULT_REPLY_RULES: Readonly<Record<MessageScene, ReplyRule>> = {
  c2c: { windowMs: 60 * 60_000, maxReplies: 4 },
  group: { windowMs: 5 * 60_000, maxReplies: 5 },
  guild: { windowMs: 5 * 60_000, maxReplies: Number.POSITIVE_INFINITY },
  direct: { windowMs: 5 * 60_000, maxReplies: Number.POSITIVE_INFINITY },
};

/** Per-scene overrides of {@link DEFAULT_REPLY_RULES}. */
export type ReplyRuleOverrides = Partial<Record<MessageScene, Partial<ReplyRule>>>;
