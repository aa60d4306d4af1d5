import type { C2CMessageEvent, GroupMessageEvent, GuildMessageEvent } from '../events/types.js';
import type { MessageFace } from './faceTags.js';
import type { MessageEventType } from './MessageEventType.js';
import type { MessageScene, MessageTarget } from './MessageScene.js';
import type { OutgoingMessage } from './OutgoingMessage.js';
import type { ReplyStream, ReplyStreamOptions } from './ReplyStream.js';
import type { KeepTypingOptions, TypingKeepAlive, TypingOptions, TypingResult } from './Typing.js';

/** A file attached to a received message. */
export interface MessageAttachment {
  /** Kind derived from the platform's `content_type`. */
  readonly kind: 'image' | 'video' | 'voice' | 'file';
  /** Download URL (`https:` added when the platform omits the scheme). */
  readonly url: string;
  /** The platform's `content_type`, e.g. `image/jpeg` or `voice`. */
  readonly contentType: string;
  /** Original file name, when given. */
  readonly filename?: string;
  /** Size in bytes, when given. */
  readonly size?: number;
  /** Image width in pixels. */
  readonly width?: number;
  /** Image height in pixels. */
  readonly height?: number;
  /** Voice messages: the audio converted to WAV by the platform. */
  readonly voiceWavUrl?: string;
  /** Voice messages: the platform's speech recognition text. */
  readonly asrText?: string;
}

/** Someone mentioned in a received message. */
export interface MessageMention {
  /** The mentioned user's id in this scene (member openid in groups, user id in guilds). */
  readonly id: string;
  /** Display name, when the platform sends it. */
  readonly username?: string;
  /** Whether the mention is the bot itself. */
  readonly isBot: boolean;
}

/** Who sent a message. */
export interface MessageAuthor {
  /** The sender's id in this scene: user openid (C2C), member openid (group), user id (guild). */
  readonly id: string;
  /** Display name; often empty in C2C and groups. */
  readonly username?: string;
  /** Cross-app union openid, when the platform sends it. */
  readonly unionOpenid?: string;
  /** Whether the sender is a bot. */
  readonly isBot: boolean;
  /** Group role (`member`, `admin`, `owner`) where the platform sends it. */
  readonly role?: string;
}

/** A message the bot sent, as the platform acknowledged it. */
export interface SentMessage {
  /** The platform's id of the sent message (for recall), when it returns one. */
  readonly id?: string;
  /** The `msg_seq` used for a passive reply. */
  readonly msgSeq?: number;
  /** When the platform accepted it. */
  readonly timestamp?: Date;
  /** C2C and groups: its quote index (`ext_info.ref_idx`), which a user's quote of it carries. */
  readonly refIdx?: string;
}

/** The message a received message quotes (see {@link Message.quote}). */
export interface QuotedMessage {
  /** C2C and groups: the quoted message's quote index (`ref_msg_idx`). */
  readonly refIdx?: string;
  /** Guilds: the quoted message's id (`message_reference.message_id`). */
  readonly messageId?: string;
  /** The quoted text, when the platform sent it. */
  readonly content?: string;
  /** The quoted message's attachments, when the platform sent them. */
  readonly attachments: readonly MessageAttachment[];
}

/** What one `reply()` or `send()` call delivered. */
export interface DeliveryResult {
  /** Every message sent: more than one when long text was split into chunks. */
  readonly messages: readonly SentMessage[];
  /** `'passive'` when sent as a reply (msg_id / event_id), `'active'` when sent as an active message. */
  readonly mode: 'passive' | 'active';
  /**
   * With `overflow: 'partial'`, the text that did not fit into the messages this call could send
   * (send it later, e.g. when the user writes again); absent when everything was sent.
   */
  readonly unsent?: string;
}

/**
 * What a call does when its text needs more messages than it may send (the passive replies left,
 * or `maxMessagesPerSend`), decided before anything is sent:
 *
 * - `'throw'` (the default): throws `MessageTooLongError`; nothing is sent, no budget spent.
 * - `'document'`: sends the whole text as one file (`reply.md` / `reply.txt`) in one message, in C2C
 *   and groups; elsewhere throws `MessageTooLongError`.
 * - `'partial'`: sends the messages that fit and returns the rest in `DeliveryResult.unsent`.
 *
 * Either way the text is first packed into fuller messages, so it only overflows when even those
 * are too many.
 */
export type Overflow = 'throw' | 'document' | 'partial';

/** Options for one `send()` call (an active message). */
export interface SendOptions {
  /** Cancels the call, including uploads and retries. */
  readonly signal?: AbortSignal;
  /** What to do when the text needs more messages than one call may send. @defaultValue 'throw' */
  readonly overflow?: Overflow;
}

/** Options for one `reply()` call. */
export interface ReplyOptions {
  /** Cancels the call, including uploads and retries. */
  readonly signal?: AbortSignal;
  /**
   * What to do when the reply quota or window of the source message is used up: `'throw'` (the
   * default) throws `ReplyQuotaExceededError` / `ReplyWindowExpiredError`; `'active'` sends an active
   * message instead (the platform refuses most of those; its error is thrown, never swallowed).
   */
  readonly onQuotaExhausted?: 'throw' | 'active';
  /** Quote the source message (`message_reference`) where the scene supports it. */
  readonly quote?: boolean;
  /**
   * What to do when the text needs more messages than the replies left (or `maxMessagesPerSend`).
   * @defaultValue 'throw'
   */
  readonly overflow?: Overflow;
}

/** A view of the passive-reply budget left for one received message. */
export interface ReplyQuotaSnapshot {
  /** Passive replies still allowed (`Infinity` where the platform sets no count). */
  readonly remaining: number;
  /** Passive replies already claimed. */
  readonly used: number;
  /** When the reply window closes. */
  readonly expiresAt: Date;
}

/**
 * What a received message has in every scene. {@link Message} is the union of the four scenes;
 * check `msg.scene` to reach the fields of one (`msg.scene === 'group'` makes `msg.groupOpenid` a
 * `string` and `msg.raw` a {@link GroupMessageEvent}).
 */
export interface MessageCommon {
  /** Which scene the message came from. */
  readonly scene: MessageScene;
  /** The platform's message id (the `msg_id` of passive replies). */
  readonly id: string;
  /** The envelope id of the event that carried it (the `event_id` of passive replies). */
  readonly eventId?: string;
  /** The platform event type, e.g. `GROUP_AT_MESSAGE_CREATE`. */
  readonly eventType: MessageEventType;
  /** Where replies and sends go. */
  readonly target: MessageTarget;
  /** Who sent it. */
  readonly author: MessageAuthor;
  /** The C2C user's openid (scene `c2c`). */
  readonly userOpenid?: string;
  /** The group's openid (scene `group`). */
  readonly groupOpenid?: string;
  /** The guild channel id (scene `guild`). */
  readonly channelId?: string;
  /** The guild id (scenes `guild` and `direct`; for `direct` the DM session's guild id). */
  readonly guildId?: string;
  /**
   * The text with the bot's own mention stripped (`<@!id>` in guilds, `<qqbot-at-user id="…" />`
   * in groups; other people's mentions stay), QQ face tags written as their names (`[胖三斤]`,
   * see {@link Message.faces}) and surrounding whitespace trimmed.
   */
  readonly content: string;
  /** The text exactly as received. */
  readonly rawContent: string;
  /** The QQ faces and stickers in the text (`<faceType=…>` tags), in order; empty when none. */
  readonly faces: readonly MessageFace[];
  /** Whether the bot was mentioned (always true for @-message events). */
  readonly mentionedBot: boolean;
  /** Everyone mentioned, the bot included. */
  readonly mentions: readonly MessageMention[];
  /** Attached files. */
  readonly attachments: readonly MessageAttachment[];
  /** When the platform received it. */
  readonly timestamp: Date;
  /** The id of the message this one quotes, when it quotes one (guild `message_reference`). */
  readonly referencedMessageId?: string;
  /**
   * C2C and groups: this message's quote index (`message_scene.ext` `msg_idx=…`), what a later
   * message quoting it carries as `ref_msg_idx`.
   */
  readonly refIdx?: string;
  /**
   * The message this one quotes, as the platform sent it: in C2C and groups its quote index and,
   * when the platform includes them (`msg_elements`), its text and attachments; in guilds its id.
   * A quote of one of the bot's own messages usually carries only `refIdx`: match it against
   * {@link SentMessage.refIdx} of what the bot sent.
   */
  readonly quote?: QuotedMessage;
  /** The validated platform event payload (`d`) it was built from; narrow `scene` for its type. */
  readonly raw: C2CMessageEvent | GroupMessageEvent | GuildMessageEvent;
  /** The passive-reply budget left for this message right now. */
  readonly replyQuota: ReplyQuotaSnapshot;
  /**
   * Replies to this message within QQ's rules: allocates `msg_seq`, claims one unit of the reply
   * budget per message sent, splits long text, applies the URL policy and the markdown fallback.
   */
  reply(content: string | OutgoingMessage, options?: ReplyOptions): Promise<DeliveryResult>;
  /**
   * Starts a streaming reply: write text as it is produced, then `end()`. Uses the platform's
   * stream API in C2C (one bubble updated in place, spending reply budget per update but always
   * keeping one for the final text); elsewhere sends the text as an ordinary reply at the end.
   */
  stream(options?: ReplyStreamOptions): ReplyStream;
  /** Sends an active (non-reply) message to the same target. */
  send(content: string | OutgoingMessage, options?: SendOptions): Promise<DeliveryResult>;
  /**
   * Shows "typing…" to the sender for `seconds` (default 60), anchored to this message. C2C only:
   * in groups and guilds it sends nothing and resolves with `skipped: 'unsupported-scene'`. By
   * default the notice spends one passive reply (UNCONFIRMED on the platform; see
   * `ReplyRule.typingSpendsReply`), claimed through the reply budget so it never overspends, and
   * is skipped (`skipped: 'reply-budget'`) rather than take the last reply, which stays for the
   * answer. Never throws for the budget; throws `QQApiError` when the platform refuses it.
   */
  typing(options?: TypingOptions): Promise<TypingResult>;
  /**
   * Keeps "typing…" showing during long work: a notice now and every `intervalMs` until the handle
   * is stopped, this message is answered (`reply()`, `stream()`, `send()` stop it first), or a
   * bound is reached (`maxDurationMs`, `maxNotices`, the reply budget less one reply, the window).
   * Its timer is unref'd and never outlives it. C2C only; elsewhere the handle is already stopped.
   */
  keepTyping(options?: KeepTypingOptions): TypingKeepAlive;
}

/** A private (C2C) message from a user. */
export interface C2CMessage extends MessageCommon {
  /** Always `'c2c'`. */
  readonly scene: 'c2c';
  /** Always `C2C_MESSAGE_CREATE`. */
  readonly eventType: 'C2C_MESSAGE_CREATE';
  /** The user, by openid. */
  readonly target: Extract<MessageTarget, { scene: 'c2c' }>;
  /** The user's openid. */
  readonly userOpenid: string;
  /** The `C2C_MESSAGE_CREATE` payload. */
  readonly raw: C2CMessageEvent;
}

/** A message in a QQ group: an @-mention of the bot, or any message where the group allows it. */
export interface GroupMessage extends MessageCommon {
  /** Always `'group'`. */
  readonly scene: 'group';
  /** `GROUP_AT_MESSAGE_CREATE`, or `GROUP_MESSAGE_CREATE` for every message. */
  readonly eventType: 'GROUP_AT_MESSAGE_CREATE' | 'GROUP_MESSAGE_CREATE';
  /** The group, by openid. */
  readonly target: Extract<MessageTarget, { scene: 'group' }>;
  /** The group's openid. */
  readonly groupOpenid: string;
  /** The group message payload. */
  readonly raw: GroupMessageEvent;
}

/** A message in a guild (频道) channel. */
export interface GuildChannelMessage extends MessageCommon {
  /** Always `'guild'`. */
  readonly scene: 'guild';
  /** `AT_MESSAGE_CREATE`, or `MESSAGE_CREATE` for every message (private guilds). */
  readonly eventType: 'AT_MESSAGE_CREATE' | 'MESSAGE_CREATE';
  /** The channel. */
  readonly target: Extract<MessageTarget, { scene: 'guild' }>;
  /** The channel id. */
  readonly channelId: string;
  /** The guild message payload. */
  readonly raw: GuildMessageEvent;
}

/** A guild direct message (私信). */
export interface GuildDirectMessage extends MessageCommon {
  /** Always `'direct'`. */
  readonly scene: 'direct';
  /** Always `DIRECT_MESSAGE_CREATE`. */
  readonly eventType: 'DIRECT_MESSAGE_CREATE';
  /** The DM session, by its guild id. */
  readonly target: Extract<MessageTarget, { scene: 'direct' }>;
  /** The DM session's guild id. */
  readonly guildId: string;
  /** The guild message payload. */
  readonly raw: GuildMessageEvent;
}

/**
 * A received message, normalized across the four scenes, with helpers to answer it within QQ's
 * reply rules. `bot.on('message', msg => msg.reply('hi'))` is the common case; `msg.scene` tells
 * the scenes apart and narrows to {@link C2CMessage}, {@link GroupMessage},
 * {@link GuildChannelMessage} or {@link GuildDirectMessage}.
 */
export type Message = C2CMessage | GroupMessage | GuildChannelMessage | GuildDirectMessage;
