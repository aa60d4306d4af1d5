import type { DispatchMeta } from '../events/dispatchTypes.js';
import type { EventAttachment, C2CMessageEvent, GroupMessageEvent, GuildMessageEvent } from '../events/types.js';
import type {
  DeliveryResult,
  Message,
  MessageAttachment,
  MessageAuthor,
  MessageMention,
  ReplyOptions,
  ReplyQuotaSnapshot,
} from './Message.js';
import type { MessageScene, MessageTarget } from './MessageScene.js';
import type { MessageSender } from './MessageSender.js';
import type { OutgoingMessage } from './OutgoingMessage.js';
import type { ReplyQuota, ReplySource } from './ReplyQuota.js';
import type { ReplyStream, ReplyStreamOptions } from './ReplyStream.js';

/** The platform events that carry a user message, by payload. */
export type MessageEventPayloads = {
  C2C_MESSAGE_CREATE: C2CMessageEvent;
  GROUP_AT_MESSAGE_CREATE: GroupMessageEvent;
  GROUP_MESSAGE_CREATE: GroupMessageEvent;
  AT_MESSAGE_CREATE: GuildMessageEvent;
  MESSAGE_CREATE: GuildMessageEvent;
  DIRECT_MESSAGE_CREATE: GuildMessageEvent;
};

/** An event type that {@link toMessage} turns into a {@link Message}. */
export type MessageEventType = keyof MessageEventPayloads;

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
  if (/^[a-z][a-z0-9+.-]*:/iu.test(url)) return url;
  return url.startsWith('//') ? `https:${url}` : `https://${url}`;
}

function toAttachment(raw: EventAttachment): MessageAttachment {
  const contentType = raw.content_type ?? 'file';
  return {
    kind: attachmentKind(contentType),
    url: withScheme(raw.url),
    contentType,
    ...(raw.filename !== undefined ? { filename: raw.filename } : {}),
    ...(raw.size !== undefined ? { size: raw.size } : {}),
    ...(raw.width !== undefined ? { width: raw.width } : {}),
    ...(raw.height !== undefined ? { height: raw.height } : {}),
    ...(raw.voice_wav_url !== undefined ? { voiceWavUrl: withScheme(raw.voice_wav_url) } : {}),
    ...(raw.asr_refer_text !== undefined ? { asrText: raw.asr_refer_text } : {}),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V };
}

// Fields every scene's Message has, derived from one normalized description.
interface Normalized {
  scene: MessageScene;
  target: MessageTarget;
  author: MessageAuthor;
  rawContent: string;
  content: string;
  mentionedBot: boolean;
  mentions: MessageMention[];
  ids: Partial<Pick<Message, 'userOpenid' | 'groupOpenid' | 'channelId' | 'guildId'>>;
}

function normalizeV2(type: MessageEventType, data: C2CMessageEvent | GroupMessageEvent): Normalized {
  const author = data.author;
  if (type !== 'C2C_MESSAGE_CREATE') {
    const group = data as GroupMessageEvent;
    const id = author.member_openid ?? author.id ?? '';
    return {
      scene: 'group',
      target: { scene: 'group', groupOpenid: group.group_openid },
      author: {
        id,
        isBot: author.bot ?? false,
        ...optional('username', author.username),
        ...optional('unionOpenid', author.union_openid),
        ...optional('role', author.member_role),
      },
      rawContent: group.content,
      // The platform strips the @bot prefix of group @-messages, usually leaving a leading space.
      content: group.content.trim(),
      mentionedBot: type === 'GROUP_AT_MESSAGE_CREATE' || (group.mentions ?? []).some((m) => m.is_you === true),
      mentions: (group.mentions ?? []).map((m) => ({
        id: m.member_openid ?? m.id ?? m.user_openid ?? '',
        isBot: m.bot ?? false,
        ...optional('username', m.username),
      })),
      ids: { groupOpenid: group.group_openid },
    };
  }
  const openid = author.user_openid ?? author.id ?? '';
  return {
    scene: 'c2c',
    target: { scene: 'c2c', openid },
    author: {
      id: openid,
      isBot: author.bot ?? false,
      ...optional('username', author.username),
      ...optional('unionOpenid', author.union_openid),
    },
    rawContent: data.content,
    content: data.content.trim(),
    mentionedBot: true,
    mentions: [],
    ids: { userOpenid: openid },
  };
}

function normalizeGuild(type: MessageEventType, data: GuildMessageEvent, botUserId: string | undefined): Normalized {
  const direct = type === 'DIRECT_MESSAGE_CREATE';
  const mentions = (data.mentions ?? []).map((m) => ({
    id: m.id,
    isBot: m.bot ?? false,
    ...optional('username', m.username),
  }));
  const botMention = botUserId !== undefined ? new RegExp(`<@!?${botUserId}>`, 'gu') : /<@!?\d+>/u;
  const mentionedBot = type === 'AT_MESSAGE_CREATE' || (botUserId !== undefined && botMention.test(data.content));
  // Strip the bot's mention (only the leading one when the bot id is unknown).
  const stripped = botUserId !== undefined ? data.content.replace(botMention, '') : data.content.replace(/^\s*<@!?\d+>/u, '');
  return {
    scene: direct ? 'direct' : 'guild',
    target: direct ? { scene: 'direct', guildId: data.guild_id } : { scene: 'guild', channelId: data.channel_id, guildId: data.guild_id },
    author: {
      id: data.author.id,
      isBot: data.author.bot ?? false,
      ...optional('username', data.author.username),
      ...optional('unionOpenid', data.author.union_openid),
    },
    rawContent: data.content,
    content: mentionedBot || type === 'MESSAGE_CREATE' ? stripped.trim() : data.content.trim(),
    mentionedBot,
    mentions,
    ids: { channelId: data.channel_id, guildId: data.guild_id },
  };
}

class InboundMessage implements Message {
  readonly scene: MessageScene;
  readonly id: string;
  readonly eventId?: string;
  readonly eventType: string;
  readonly target: MessageTarget;
  readonly author: MessageAuthor;
  readonly userOpenid?: string;
  readonly groupOpenid?: string;
  readonly channelId?: string;
  readonly guildId?: string;
  readonly content: string;
  readonly rawContent: string;
  readonly mentionedBot: boolean;
  readonly mentions: readonly MessageMention[];
  readonly attachments: readonly MessageAttachment[];
  readonly timestamp: Date;
  readonly referencedMessageId?: string;
  readonly raw: unknown;
  readonly #source: ReplySource;
  readonly #context: InboundMessageContext;

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
    Object.assign(this, normalized.ids);
    this.content = normalized.content;
    this.rawContent = normalized.rawContent;
    this.mentionedBot = normalized.mentionedBot;
    this.mentions = normalized.mentions;
    this.attachments = (data.attachments ?? []).map(toAttachment);
    const sentAt = data.timestamp.getTime();
    // The reply window runs from when the platform received the message; a replayed event is old.
    this.timestamp = Number.isNaN(sentAt) ? new Date(meta.receivedAt) : data.timestamp;
    if (data.message_reference !== undefined) this.referencedMessageId = data.message_reference.message_id;
    this.raw = data;
    this.#context = context;
    this.#source = {
      target: this.target,
      sourceId: this.id,
      receivedAt: new Date(Math.min(this.timestamp.getTime(), meta.receivedAt)),
    };
  }

  get replyQuota(): ReplyQuotaSnapshot {
    return this.#context.quota.snapshot(this.#source);
  }

  reply(content: string | OutgoingMessage, options: ReplyOptions = {}): Promise<DeliveryResult> {
    return this.#context.sender.send(content, {
      target: this.target,
      replyTo: { sourceId: this.id, kind: 'message', receivedAt: this.#source.receivedAt },
      ...options,
    });
  }

  stream(options: ReplyStreamOptions = {}): ReplyStream {
    return this.#context.sender.openStream(
      { target: this.target, replyTo: { sourceId: this.id, kind: 'message', receivedAt: this.#source.receivedAt } },
      options,
    );
  }

  send(content: string | OutgoingMessage, options: Pick<ReplyOptions, 'signal'> = {}): Promise<DeliveryResult> {
    return this.#context.sender.send(content, { target: this.target, ...options });
  }
}

/**
 * Normalizes a message event of any scene into a {@link Message} whose `reply()` answers it within
 * QQ's rules. `QQBot` calls this for `bot.on('message')`; use it directly when you wire the parts
 * yourself.
 */
export function toMessage<K extends MessageEventType>(
  type: K,
  data: MessageEventPayloads[K],
  meta: DispatchMeta,
  context: InboundMessageContext,
): Message {
  const normalized =
    type === 'C2C_MESSAGE_CREATE' || type === 'GROUP_AT_MESSAGE_CREATE' || type === 'GROUP_MESSAGE_CREATE'
      ? normalizeV2(type, data as C2CMessageEvent | GroupMessageEvent)
      : normalizeGuild(type, data as GuildMessageEvent, context.botUserId);
  return new InboundMessage(type, data, meta, normalized, context);
}
