import {
  ReplyQuotaExceededError,
  ReplyStream,
  type DeliveryResult,
  type Message,
  type MessageAttachment,
  type MessageTarget,
  type OutgoingMessage,
  type ReplyOptions,
} from 'qq-sdk';
import { TypingKeepAlive, type MessageCommon, type TypingResult } from 'qq-sdk/messaging';

/** One reply or send a fake message recorded. */
export interface RecordedSend {
  readonly content: string | OutgoingMessage;
  readonly options?: ReplyOptions | undefined;
  readonly mode: 'passive' | 'active' | 'stream';
  /** Stream chunks: 1 generating, 10 finished. */
  readonly state?: number;
}

/** A Message whose reply() follows a fixed budget, recording every call (unit tests only). */
export type FakeMessage = Message & {
  readonly sent: RecordedSend[];
};

let counter = 0;

/** Builds a normalized message for a scene, as qq-sdk would hand it to handlers. */
export function fakeMessage(
  scene: Message['scene'],
  overrides: Partial<Omit<MessageCommon, 'reply' | 'send' | 'replyQuota' | 'stream' | 'typing' | 'keepTyping'>> & { budget?: number; expiresAt?: Date } = {},
): FakeMessage {
  counter += 1;
  const id = `ROBOT1.0_msg${counter}`;
  const targets: Record<Message['scene'], MessageTarget> = {
    c2c: { scene: 'c2c', openid: 'E4F3A1B2C3D4E5F60718293A4B5C6D7E' },
    group: { scene: 'group', groupOpenid: 'C9F1AB22D3E4F5061728394A5B6C7D8E' },
    guild: { scene: 'guild', channelId: '1234567', guildId: '7654321' },
    direct: { scene: 'direct', guildId: '99887766' },
  };
  const budget = overrides.budget ?? 5;
  const expiresAt = overrides.expiresAt ?? new Date(Date.now() + 300_000);
  const sent: RecordedSend[] = [];
  let used = 0;
  const { budget: _b, expiresAt: _e, ...fields } = overrides;
  const target = targets[scene];
  // The id field of the scene, as qq-sdk sets it next to `target`.
  const sceneIds =
    target.scene === 'c2c'
      ? { userOpenid: target.openid }
      : target.scene === 'group'
        ? { groupOpenid: target.groupOpenid }
        : target.scene === 'guild'
          ? { channelId: target.channelId, guildId: '7654321' }
          : { guildId: target.guildId };
  const fake: MessageCommon & { readonly sent: RecordedSend[] } = {
    scene,
    id,
    ...sceneIds,
    eventType:
      scene === 'c2c'
        ? 'C2C_MESSAGE_CREATE'
        : scene === 'group'
          ? 'GROUP_AT_MESSAGE_CREATE'
          : scene === 'guild'
            ? 'AT_MESSAGE_CREATE'
            : 'DIRECT_MESSAGE_CREATE',
    target,
    author: { id: scene === 'guild' || scene === 'direct' ? '11223344556677' : 'A1B2C3D4E5F60718293A4B5C6D7E8F90', isBot: false },
    content: '你好',
    rawContent: '你好',
    faces: [],
    mentionedBot: scene === 'group' || scene === 'guild',
    mentions: [],
    attachments: [],
    timestamp: new Date('2026-11-25T12:00:00Z'),
    raw: { id, content: '你好', timestamp: new Date('2026-11-25T12:00:00Z'), author: {} } as unknown as MessageCommon['raw'],
    ...fields,
    sent,
    get replyQuota() {
      return { remaining: Math.max(0, budget - used), used, expiresAt };
    },
    async reply(content: string | OutgoingMessage, options?: ReplyOptions): Promise<DeliveryResult> {
      if (used >= budget) {
        if (options?.onQuotaExhausted === 'active') {
          sent.push({ content, options, mode: 'active' });
          return { mode: 'active', messages: [{ id: `active-${sent.length}` }] };
        }
        throw new ReplyQuotaExceededError({ sourceId: id, limit: budget, expiresAt });
      }
      used += 1;
      sent.push({ content, options, mode: 'passive' });
      return { mode: 'passive', messages: [{ id: `reply-${sent.length}`, msgSeq: used }] };
    },
    stream(options) {
      // A real ReplyStream over a recording port: chunks are recorded as 'stream' sends.
      return new ReplyStream(
        {
          streamable: scene === 'c2c',
          prepare: (text) => text,
          remaining: () => Math.max(0, budget - used),
          claim: async () => {
            if (used >= budget) throw new ReplyQuotaExceededError({ sourceId: id, limit: budget, expiresAt });
            used += 1;
            return used;
          },
          post: async (body) => {
            sent.push({ content: { kind: 'text', content: body.content_raw ?? '' }, mode: 'stream', state: body.input_state });
            return 'stream-1';
          },
          fallback: (text) => message.reply(text),
        },
        { minIntervalMs: 0, ...options },
      );
    },
    async send(content: string | OutgoingMessage): Promise<DeliveryResult> {
      sent.push({ content, mode: 'active' });
      return { mode: 'active', messages: [{ id: `active-${sent.length}` }] };
    },
    // Typing notices are not recorded: they send nothing the tests look at.
    async typing(): Promise<TypingResult> {
      return { sent: false, skipped: 'unsupported-scene', spentReply: false };
    },
    keepTyping() {
      const silent = () => undefined;
      const logger = { debug: silent, info: silent, warn: silent, error: silent };
      return new TypingKeepAlive({ send: () => message.typing(), logger, skip: 'unsupported-scene' });
    },
  };
  // `scene`, `target`, `eventType` and the scene's id are set together above, as qq-sdk does.
  const message = fake as FakeMessage;
  return message;
}

/** An attachment as qq-sdk normalizes it. */
export function attachment(kind: MessageAttachment['kind'], extra: Partial<MessageAttachment> = {}): MessageAttachment {
  const contentType = { image: 'image/jpeg', video: 'video/mp4', voice: 'voice', file: 'file' }[kind];
  return { kind, url: `https://multimedia.nt.qq.com.cn/download?fileid=${kind}`, contentType, ...extra };
}
