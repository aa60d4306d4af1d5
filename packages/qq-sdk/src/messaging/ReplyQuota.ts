import { systemClock, type Clock } from '../internal/Clock.js';
import { MemoryReplyLedgerStore } from './MemoryReplyLedgerStore.js';
import { targetKey, type MessageTarget } from './MessageScene.js';
import type { ReplyQuotaSnapshot } from './Message.js';
import type { ReplyLedgerStore } from './ReplyLedgerStore.js';
import { ReplyQuotaExceededError } from './ReplyQuotaExceededError.js';
import { DEFAULT_REPLY_RULES, type ReplyRule, type ReplyRuleOverrides } from './ReplyRules.js';
import { ReplyWindowExpiredError } from './ReplyWindowExpiredError.js';
import { QQValidationError } from '../errors/QQValidationError.js';
import { renamedOption } from '../internal/renamedOption.js';

/** Options of {@link ReplyQuota}. */
export interface ReplyQuotaOptions {
  /** Where claims are counted; share a Redis store between processes. Defaults to memory. */
  readonly replyLedger?: ReplyLedgerStore;
  /** @deprecated Renamed {@link ReplyQuotaOptions.replyLedger} (as in `QQBot`); still accepted, with a warning. */
  readonly store?: ReplyLedgerStore;
  /** Per-scene overrides of the window and reply count. */
  readonly rules?: ReplyRuleOverrides;
  /** Time source. */
  readonly clock?: Clock;
}

/** The message a passive reply answers. */
export interface ReplySource {
  /** Where the message came from (and so where the reply goes). */
  readonly target: MessageTarget;
  /** The message id (`msg_id`) or, for events without a message, the event id (`event_id`). */
  readonly sourceId: string;
  /** When the source message or event was received (start of the reply window). */
  readonly receivedAt: Date;
}

/** Options of one {@link ReplyQuota.claim}. */
export interface ClaimOptions {
  /**
   * Replies this claim must leave unclaimed: it is refused (as exhausted) rather than take one of
   * the last `reserve` replies. Typing notices keep one for the answer. @defaultValue 0
   */
  readonly reserve?: number;
}

/** A granted passive reply. */
export interface ReplyPermit {
  /** The `msg_seq` to send. */
  readonly msgSeq: number;
  /** Replies left after this one. */
  readonly remaining: number;
  /** When the reply window closes. */
  readonly expiresAt: Date;
}

// Keep ledger keys a little past the window, so a late claim still sees the spent count.
const LEDGER_MARGIN_MS = 60_000;

/**
 * QQ's passive-reply budget: allocates `msg_seq` per source message and grants at most the scene's
 * number of replies within its window, atomically, so concurrent replies (text, media, typing
 * notices, stream chunks) for one message never overspend it. `msg.reply()` uses it; bots that
 * call REST directly can use it on its own.
 *
 * @example
 * ```ts
 * const quota = new ReplyQuota();
 * const { msgSeq } = await quota.claim({ target, sourceId: event.id, receivedAt: new Date(event.timestamp) });
 * await api.messages.sendGroup(groupOpenid, { msg_type: 0, content: 'hi', msg_id: event.id, msg_seq: msgSeq });
 * ```
 */
export class ReplyQuota {
  readonly #store: ReplyLedgerStore;
  readonly #rules: Readonly<Record<keyof typeof DEFAULT_REPLY_RULES, ReplyRule>>;
  readonly #clock: Clock;
  // The last count this process saw per key, for synchronous snapshots.
  readonly #seen = new Map<string, number>();

  /** @param options - Store, rule overrides and clock. */
  constructor(options: ReplyQuotaOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#store =
      renamedOption('ReplyQuota', ['replyLedger', options.replyLedger], ['store', options.store]) ?? new MemoryReplyLedgerStore({ clock: this.#clock });
    const rules = options.rules ?? {};
    this.#rules = {
      c2c: { ...DEFAULT_REPLY_RULES.c2c, ...rules.c2c },
      group: { ...DEFAULT_REPLY_RULES.group, ...rules.group },
      guild: { ...DEFAULT_REPLY_RULES.guild, ...rules.guild },
      direct: { ...DEFAULT_REPLY_RULES.direct, ...rules.direct },
    };
  }

  /** The rule in force for a scene. */
  ruleFor(scene: MessageTarget['scene']): ReplyRule {
    return this.#rules[scene];
  }

  /**
   * Claims one passive reply to `source`.
   *
   * @param source - The message or event answered.
   * @param options - `reserve`: replies to leave for later claims.
   * @throws {@link ReplyWindowExpiredError} when the window has closed.
   * @throws {@link ReplyQuotaExceededError} when every reply (but the reserved ones) has been used.
   */
  async claim(source: ReplySource, options: ClaimOptions = {}): Promise<ReplyPermit> {
    const rule = this.ruleFor(source.target.scene);
    const reserve = options.reserve ?? 0;
    if (!Number.isInteger(reserve) || reserve < 0)
      throw new QQValidationError('claim options', [{ path: 'reserve', message: `must be a non-negative integer, got ${String(reserve)}` }]);
    const expiresAt = new Date(source.receivedAt.getTime() + rule.windowMs);
    const key = this.#key(source);
    if (this.#clock.now() >= expiresAt.getTime()) {
      throw new ReplyWindowExpiredError({
        sourceId: source.sourceId,
        remaining: Math.max(0, rule.maxReplies - (this.#seen.get(key) ?? 0)),
        expiresAt,
      });
    }
    // A store may count refused claims too (Redis INCRs before it compares), which would eat the
    // reserved replies: refuse here when this process already knows nothing is left above the reserve.
    if (reserve > 0 && rule.maxReplies - (this.#seen.get(key) ?? 0) <= reserve) {
      throw new ReplyQuotaExceededError({ sourceId: source.sourceId, limit: rule.maxReplies, expiresAt });
    }
    // The store's limit is atomic, so a reserve is a lower limit for this claim alone.
    const claim = await this.#store.claim(key, Math.max(0, rule.maxReplies - reserve), rule.windowMs + LEDGER_MARGIN_MS);
    this.#remember(key, claim.used);
    if (!claim.granted) {
      throw new ReplyQuotaExceededError({ sourceId: source.sourceId, limit: rule.maxReplies, expiresAt });
    }
    return { msgSeq: claim.seq, remaining: rule.maxReplies - claim.used, expiresAt };
  }

  /**
   * The budget left for `source` as this process last saw it. With a shared store other processes
   * may have claimed more since; {@link ReplyQuota.claim} is always exact.
   */
  snapshot(source: ReplySource): ReplyQuotaSnapshot {
    const rule = this.ruleFor(source.target.scene);
    const used = this.#seen.get(this.#key(source)) ?? 0;
    const expiresAt = new Date(source.receivedAt.getTime() + rule.windowMs);
    const open = this.#clock.now() < expiresAt.getTime();
    return { used, remaining: open ? Math.max(0, rule.maxReplies - used) : 0, expiresAt };
  }

  #key(source: ReplySource): string {
    return `${targetKey(source.target)}:${source.sourceId}`;
  }

  #remember(key: string, used: number): void {
    // Bounded: forget the oldest half when it grows large; snapshots are advisory.
    if (this.#seen.size >= 50_000) {
      let drop = 25_000;
      for (const oldKey of this.#seen.keys()) {
        if (drop-- === 0) break;
        this.#seen.delete(oldKey);
      }
    }
    this.#seen.set(key, Math.max(used, this.#seen.get(key) ?? 0));
  }
}
