import { stripBotMentions } from './botMentions.js';
import { parseFaceTags, renderFaceTags, type MessageFace } from './faceTags.js';
import type { DispatchMeta } from '../events/dispatchTypes.js';
import { EventTimestamp } from '../events/EventTimestamp.js';
import type { EventAttachment, C2CMessageEvent, GroupMessageEvent, GuildMessageEvent } from '../events/types.js';
import type {
  DeliveryResult,
  Message,
  MessageCommon,
  MessageAttachment,
  MessageAuthor,
  MessageMention,
  QuotedMessage,
  ReplyOptions,
  SendOptions,
  ReplyQuotaSnapshot,
} from './Message.js';
import type { MessageEventPayloads, MessageEventType } from './MessageEventType.js';
import { MESSAGE_EVENTS } from '../events/MessageEvents.js';
import type { MessageScene, MessageTarget } from './MessageScene.js';
import type { MessageSender } from './MessageSender.js';
import type { OutgoingMessage } from './OutgoingMessage.js';
import type { ReplyQuota, ReplySource } from './ReplyQuota.js';
import type { ReplyStream, ReplyStreamOptions } from './ReplyStream.js';
import type { KeepTypingOptions, TypingKeepAlive, TypingOptions, TypingResult } from './Typing.js';

/** What {@link toMessage} needs besides the event. */
export interface InboundMessageContext {
  /** Sends replies. */
  readonly sender: MessageSender;
  /** The reply budget (for `replyQuota` snapshots). */
  readonly quota: ReplyQuota;
  /** The bot's own user id (from READY), to strip `<@!id>` mentions in guild messages. */
  readonly botUserId: string | undefined;
}

function attachmentKind(contentType: string): MessageAttachment['kind'] {
  if (contentType.startsWith('image')) return 'image';
  if (contentType.startsWith('video')) return 'video';
  if (contentType.startsWith('voice') || contentType.startsWith('audio')) return 'voice';
  return 'file';
}

// Older payloads omit the scheme (`//multimedia.nt.qq.com.cn/...` or a bare host).
function withScheme(url: string): string {
  if (url.startsWith('https://') || url.startsWith('http://')) return url;
  if (/^[a-z][a-z0-9+.-]*:/iu.test(url)) return url;
  return url.startsWith('//') ? `https:${url}` : `https://${url}`;
}

function toAttachment(raw: EventAttachment): MessageAttachment {
  const contentType = raw.content_type ?? 'file';
  const attachment: { -readonly [K in keyof MessageAttachment]: MessageAttachment[K] } = {
    kind: attachmentKind(contentType),
    url: withScheme(raw.url),
    contentType,
  };
  setIfPresent(attachment, 'filename', raw.filename);
  setIfPresent(attachment, 'size', raw.size);
  setIfPresent(attachment, 'width', raw.width);
  setIfPresent(attachment, 'height', raw.height);
  if (raw.voice_wav_url !== undefined) attachment.voiceWavUrl = withScheme(raw.voice_wav_url);
  setIfPresent(attachment, 'asrText', raw.asr_refer_text);
  return attachment;
}

/** The value of `key=value` in `message_scene.ext`. */
function sceneExt(ext: readonly string[] | undefined, key: string): string | undefined {
  if (ext === undefined) return undefined;
  // A loop rather than find() with a `${key}=` prefix: no closure or string built per message.
  for (const item of ext) {
    if (item.startsWith(key) && item.charCodeAt(key.length) === 61 /* = */) {
      return item.length > key.length + 1 ? item.slice(key.length + 1) : undefined;
    }
  }
  return undefined;
}

const QUOTE_MESSAGE_TYPE = 103;

/** The quoted message: `ref_msg_idx` and `msg_elements[0]` (C2C, groups), `message_reference` (guilds). */
function quoteOf(data: MessageEventPayloads[MessageEventType], refIdx: string | undefined): QuotedMessage | undefined {
  if ('msg_elements' in data || 'message_type' in data) {
    const v2 = data as C2CMessageEvent;
    const element = v2.msg_elements?.[0] as Record<string, unknown> | undefined;
    if (refIdx === undefined && v2.message_type !== QUOTE_MESSAGE_TYPE) return undefined;
    const quote: { -readonly [K in keyof QuotedMessage]: QuotedMessage[K] } = { attachments: NO_ITEMS };
    const ownIdx = typeof element?.['msg_idx'] === 'string' ? element['msg_idx'] : undefined;
    setIfPresent(quote, 'refIdx', refIdx ?? ownIdx);
    if (typeof element?.['content'] === 'string' && element['content'] !== '') quote.content = renderFaceTags(element['content']);
    const attachments = element?.['attachments'];
    if (Array.isArray(attachments)) {
      quote.attachments = attachments
        .filter((item): item is EventAttachment => typeof item === 'object' && item !== null && typeof (item as { url?: unknown }).url === 'string')
        .map(toAttachment);
    }
    return quote;
  }
  if (refIdx !== undefined) return { refIdx, attachments: NO_ITEMS };
  const reference = (data as GuildMessageEvent).message_reference;
  return reference !== undefined ? { messageId: reference.message_id, attachments: NO_ITEMS } : undefined;
}

// Sets `key` only when the platform sent a non-empty value (optional fields stay absent, not undefined).
// Plain assignment rather than object spreads: this runs for every received message.
function setIfPresent<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

const NO_ITEMS: readonly never[] = Object.freeze([]);

// Validation turns the platform's timestamp into an EventTimestamp; with `validateEvents: false`
// the payload arrives as sent, the timestamp still a string or a number of seconds.
function asDate(timestamp: unknown): Date {
  if (timestamp instanceof Date) return timestamp;
  return typeof timestamp === 'string' || typeof timestamp === 'number' ? new EventTimestamp(timestamp) : new Date(Number.NaN);
}

// Every mention form and face tag starts with `<`: text without one (most messages) skips the regexes.
const mayHoldTags = (content: string): boolean => content.includes('<');

// The ids a group message's mentions mark as the bot's own (`is_you`), without building arrays
// for the usual case of none.
function ownMentionIds(mentions: GroupMessageEvent['mentions']): string[] {
  const own: string[] = [];
  if (mentions === undefined) return own;
  for (const m of mentions) if (m.is_you === true) own.push(m.member_openid ?? m.id ?? m.user_openid ?? '');
  return own;
}

function toMention(id: string, bot: boolean | undefined, username: string | undefined): MessageMention {
  const mention: { -readonly [K in keyof MessageMention]: MessageMention[K] } = { id, isBot: bot ?? false };
  setIfPresent(mention, 'username', username);
  return mention;
}

function toAuthor(
  id: string,
  raw: { bot?: boolean | undefined; username?: string | undefined; union_openid?: string | undefined },
  role?: string,
): MessageAuthor {
  const author: { -readonly [K in keyof MessageAuthor]: MessageAuthor[K] } = { id, isBot: raw.bot ?? false };
  setIfPresent(author, 'username', raw.username);
  setIfPresent(author, 'unionOpenid', raw.union_openid);
  setIfPresent(author, 'role', role);
  return author;
}

// Fields every scene's Message has, derived from one normalized description.
interface Normalized {
  scene: MessageScene;
  target: MessageTarget;
  author: MessageAuthor;
  rawContent: string;
  content: string;
  mentionedBot: boolean;
  mentions: readonly MessageMention[];
  userOpenid?: string;
  groupOpenid?: string;
  channelId?: string;
  guildId?: string;
}

function normalizeV2(type: MessageEventType, data: C2CMessageEvent | GroupMessageEvent, botUserId: string | undefined): Normalized {
  const author = data.author;
  if (MESSAGE_EVENTS[type].scene === 'group') {
    const group = data as GroupMessageEvent;
    const id = author.member_openid ?? author.id ?? '';
    // @-messages usually arrive with the @bot prefix already removed (leaving a space); every group
    // message may carry the bot's own <qqbot-at-user id="…" /> tag, which content drops.
    const own = ownMentionIds(group.mentions);
    // Without mention data, an @-message's leading tag can only be the bot's.
    const leading = MESSAGE_EVENTS[type].atBot && group.mentions === undefined;
    const mention = mayHoldTags(group.content)
      ? stripBotMentions(group.content, botUserId !== undefined ? [...own, botUserId] : own, leading)
      : { content: group.content, found: false };
    return {
      scene: 'group',
      target: { scene: 'group', groupOpenid: group.group_openid },
      author: toAuthor(id, author, author.member_role),
      rawContent: group.content,
      content: mention.content.trim(),
      mentionedBot: MESSAGE_EVENTS[type].atBot || own.length > 0 || mention.found,
      mentions: group.mentions?.map((m) => toMention(m.member_openid ?? m.id ?? m.user_openid ?? '', m.bot, m.username)) ?? NO_ITEMS,
      groupOpenid: group.group_openid,
    };
  }
  const openid = author.user_openid ?? author.id ?? '';
  return {
    scene: 'c2c',
    target: { scene: 'c2c', openid },
    author: toAuthor(openid, author),
    rawContent: data.content,
    content: data.content.trim(),
    mentionedBot: true,
    mentions: NO_ITEMS,
    userOpenid: openid,
  };
}

function normalizeGuild(type: MessageEventType, data: GuildMessageEvent, botUserId: string | undefined): Normalized {
  const direct = MESSAGE_EVENTS[type].scene === 'direct';
  const mentions = data.mentions?.map((m) => toMention(m.id, m.bot, m.username)) ?? NO_ITEMS;
  // Strip the bot's mention (only the leading one when the bot id is unknown).
  const mention = mayHoldTags(data.content)
    ? stripBotMentions(data.content, botUserId !== undefined ? [botUserId] : [], botUserId === undefined)
    : { content: data.content, found: false };
  const mentionedBot = MESSAGE_EVENTS[type].atBot || (botUserId !== undefined && mention.found);
  const stripped = mention.content;
  return {
    scene: direct ? 'direct' : 'guild',
    target: direct ? { scene: 'direct', guildId: data.guild_id } : { scene: 'guild', channelId: data.channel_id, guildId: data.guild_id },
    author: toAuthor(data.author.id, data.author),
    rawContent: data.content,
    content: mentionedBot || !direct ? stripped.trim() : data.content.trim(),
    mentionedBot,
    mentions,
    channelId: data.channel_id,
    guildId: data.guild_id,
  };
}

class InboundMessage implements MessageCommon {
  readonly scene: MessageScene;
  readonly id: string;
  readonly eventId?: string;
  readonly eventType: MessageEventType;
  readonly target: MessageTarget;
  readonly author: MessageAuthor;
  readonly userOpenid?: string;
  readonly groupOpenid?: string;
  readonly channelId?: string;
  readonly guildId?: string;
  readonly content: string;
  readonly rawContent: string;
  readonly faces: readonly MessageFace[];
  readonly mentionedBot: boolean;
  readonly mentions: readonly MessageMention[];
  readonly attachments: readonly MessageAttachment[];
  readonly timestamp: Date;
  readonly referencedMessageId?: string;
  readonly refIdx?: string;
  readonly quote?: QuotedMessage;
  readonly raw: MessageEventPayloads[MessageEventType];
  // Start of the reply window (epoch ms); the ReplySource is built only when replying.
  readonly #windowStart: number;
  readonly #context: InboundMessageContext;
  // Typing keep-alives to stop when this message is answered.
  #typing: Set<TypingKeepAlive> | undefined;

  constructor(
    type: MessageEventType,
    data: MessageEventPayloads[MessageEventType],
    meta: DispatchMeta,
    normalized: Normalized,
    context: InboundMessageContext,
  ) {
    this.scene = normalized.scene;
    this.id = data.id;
    if (meta.eventId !== undefined) this.eventId = meta.eventId;
    this.eventType = type;
    this.target = normalized.target;
    this.author = normalized.author;
    if (normalized.userOpenid !== undefined) this.userOpenid = normalized.userOpenid;
    if (normalized.groupOpenid !== undefined) this.groupOpenid = normalized.groupOpenid;
    if (normalized.channelId !== undefined) this.channelId = normalized.channelId;
    if (normalized.guildId !== undefined) this.guildId = normalized.guildId;
    this.content = renderFaceTags(normalized.content);
    this.rawContent = normalized.rawContent;
    const faces = mayHoldTags(normalized.rawContent) ? parseFaceTags(normalized.rawContent) : NO_ITEMS;
    this.faces = faces.length > 0 ? faces : NO_ITEMS;
    this.mentionedBot = normalized.mentionedBot;
    this.mentions = normalized.mentions;
    this.attachments = data.attachments?.map(toAttachment) ?? NO_ITEMS;
    const stamp = asDate(data.timestamp);
    const sentAt = stamp.getTime();
    // The reply window runs from when the platform received the message; a replayed event is old.
    this.timestamp = Number.isNaN(sentAt) ? new Date(meta.receivedAt) : stamp;
    if (data.message_reference !== undefined) this.referencedMessageId = data.message_reference.message_id;
    const scene = 'message_scene' in data ? (data as C2CMessageEvent).message_scene : undefined;
    const refIdx = sceneExt(scene?.ext, 'msg_idx');
    if (refIdx !== undefined) this.refIdx = refIdx;
    const quote = quoteOf(data, sceneExt(scene?.ext, 'ref_msg_idx'));
    if (quote !== undefined) this.quote = quote;
    this.raw = data;
    this.#context = context;
    this.#windowStart = Math.min(this.timestamp.getTime(), meta.receivedAt);
  }

  get #source(): ReplySource {
    return { target: this.target, sourceId: this.id, receivedAt: new Date(this.#windowStart) };
  }

  get replyQuota(): ReplyQuotaSnapshot {
    return this.#context.quota.snapshot(this.#source);
  }

  async reply(content: string | OutgoingMessage, options: ReplyOptions = {}): Promise<DeliveryResult> {
    await this.#stopTyping();
    return this.#context.sender.send(content, {
      target: this.target,
      replyTo: { sourceId: this.id, kind: 'message', receivedAt: new Date(this.#windowStart) },
      ...options,
    });
  }

  stream(options: ReplyStreamOptions = {}): ReplyStream {
    void this.#stopTyping();
    return this.#context.sender.openStream(
      { target: this.target, replyTo: { sourceId: this.id, kind: 'message', receivedAt: new Date(this.#windowStart) } },
      options,
    );
  }

  async send(content: string | OutgoingMessage, options: SendOptions = {}): Promise<DeliveryResult> {
    await this.#stopTyping();
    return this.#context.sender.send(content, { target: this.target, ...options });
  }

  typing(options: TypingOptions = {}): Promise<TypingResult> {
    return this.#context.sender.typing({
      ...options,
      target: this.target,
      replyTo: { sourceId: this.id, kind: 'message', receivedAt: new Date(this.#windowStart) },
    });
  }

  keepTyping(options: KeepTypingOptions = {}): TypingKeepAlive {
    const keepAlive = this.#context.sender.keepTyping(
      { target: this.target, replyTo: { sourceId: this.id, kind: 'message', receivedAt: new Date(this.#windowStart) } },
      options,
      (ended) => this.#typing?.delete(ended),
    );
    if (keepAlive.active && options.stopOnReply !== false) (this.#typing ??= new Set()).add(keepAlive);
    return keepAlive;
  }

  // Stops the keep-alives before an answer goes out, so no notice follows (or races) it.
  async #stopTyping(): Promise<void> {
    if (this.#typing === undefined || this.#typing.size === 0) return;
    await Promise.all([...this.#typing].map((keepAlive) => keepAlive.halt('replied')));
  }
}

/**
 * Normalizes a message event of any scene into a {@link Message} whose `reply()` answers it within
 * QQ's rules. `QQBot` calls this for `bot.on('message')`; use it directly when you wire the parts
 * yourself.
 */
export function toMessage<K extends MessageEventType>(type: K, data: MessageEventPayloads[K], meta: DispatchMeta, context: InboundMessageContext): Message {
  const normalized = MESSAGE_EVENTS[type].openid
    ? normalizeV2(type, data as C2CMessageEvent | GroupMessageEvent, context.botUserId)
    : normalizeGuild(type, data as GuildMessageEvent, context.botUserId);
  // The normalizers set scene, target and the scene's id together, and `type` decides both them and
  // the payload, so the instance is the union member its scene names.
  return new InboundMessage(type, data, meta, normalized, context) as unknown as Message;
}
