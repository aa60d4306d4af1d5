import { randomBytes, randomUUID } from 'node:crypto';
import * as z from '../internal/zod.js';
import type { Clock } from '../internal/Clock.js';
import { isPlainObject } from './deepMerge.js';
import { rfc3339Beijing } from './EventFactory.js';
import type { SimulatorOptions, SimulatorPolicy, SimulatorScene } from './SimulatorOptions.js';
import type { InteractionAckRecord, SentMessageRecord, TypingRecord, UploadRecord } from './SimulatorRecords.js';
import type { SimulatorRoute } from './SimulatorRoute.js';
import { MESSAGE_EVENTS, isMessageEventType } from '../events/MessageEvents.js';

/** A handler's answer: status and JSON body, or a platform error code (and message). Internal. */
export type ServiceResult = { status: number; body: unknown } | { error: number; status?: number; message?: string };

/** The options of {@link SimulatorOptions} that change how messages are handled. Internal. */
export type MessageFidelity = Pick<SimulatorOptions, 'typingSpendsReply'>;

/** Something the bot may reply to passively: a received message (`msg_id`) or event (`event_id`). */
interface Replyable {
  scene: SimulatorScene;
  /** The chat it came from; `null` accepts any target of the scene (guild member events). */
  target: string | null;
  receivedAt: number;
  used: number;
  seqs: Set<number>;
}

const V2MessageSchema = z.looseObject({
  // Optional: production takes a body without msg_type as text (qq-official-bot sends text so).
  msg_type: z.number().int().optional(),
  content: z.string().optional(),
  markdown: z.looseObject({}).optional(),
  keyboard: z.looseObject({}).optional(),
  ark: z.looseObject({}).optional(),
  media: z.looseObject({ file_info: z.string() }).optional(),
  msg_id: z.string().optional(),
  event_id: z.string().optional(),
  msg_seq: z.number().int().optional(),
});

const GuildMessageSchema = z.looseObject({
  content: z.string().optional(),
  embed: z.looseObject({}).optional(),
  ark: z.looseObject({}).optional(),
  image: z.string().optional(),
  markdown: z.looseObject({}).optional(),
  msg_id: z.string().optional(),
  event_id: z.string().optional(),
});

const StreamChunkSchema = z.looseObject({
  input_mode: z.literal('replace'),
  input_state: z.union([z.literal(1), z.literal(10)]),
  index: z.number().int().nonnegative(),
  content_type: z.enum(['markdown', 'text']),
  content_raw: z.string(),
  msg_id: z.string().optional(),
  event_id: z.string().optional(),
  msg_seq: z.number().int().optional(),
  stream_msg_id: z.string().optional(),
});

const V2_REPLY_CODES = {
  expired: 40034005,
  badMsgId: 40034024,
  badEventId: 40034025,
  expiredEvent: 40034026,
  active: 40034102,
} as const;

const CreateDmSchema = z.looseObject({ recipient_id: z.string().min(1), source_guild_id: z.string().min(1) });
const InteractionAckSchema = z.looseObject({
  code: z.number().int().min(0).max(5),
  data: z.record(z.string(), z.unknown()).optional(),
});

// input_notify of a typing notice; anything else answers 50059 "input type err" (as reported).
const InputNotifySchema = z.looseObject({
  input_type: z.number().int().positive(),
  input_second: z.number().int().positive(),
});

/** A SILK v3 stream: `#!SILK_V3`, after the 0x02 byte Tencent's encoder writes first. */
function isSilkV3(data: Uint8Array): boolean {
  const start = data[0] === 0x02 ? 1 : 0;
  return Buffer.from(data.subarray(start, start + 9)).toString('latin1') === '#!SILK_V3';
}

/** Messages can be recalled within 2 minutes of sending. */
const RECALL_WINDOW_MS = 2 * 60_000;

const UploadSchema = z.looseObject({
  file_type: z.number().int(),
  url: z.string().optional(),
  file_data: z.string().optional(),
  srv_send_msg: z.boolean().optional(),
});

// Any URL or bare domain (`example.com`, `https://a.b.cn/x`): the platform refuses both.
const URL_PATTERN = /(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![a-z0-9-])/gi;

/**
 * The message and media endpoints with the platform's reply rules (docs/platform-reference.md#reply-rules): msg_seq dedup, passive
 * reply quotas and windows, active-message permission, markdown and URL restrictions, optional
 * rate limits. Internal; driven by {@link QQSimulator}.
 */
export class MessageService {
  readonly sent: SentMessageRecord[] = [];
  readonly interactionAcks: InteractionAckRecord[] = [];
  readonly typing: TypingRecord[] = [];
  // Guild facts learned from dispatched events and DM sessions, for realistic send responses.
  private readonly channelGuilds = new Map<string, string>();
  private readonly dmSessions = new Map<string, { channelId?: string; srcGuildId?: string }>();
  private readonly byMsgId = new Map<string, Replyable>();
  private readonly byEventId = new Map<string, Replyable>();
  private readonly fileInfos = new Map<string, UploadRecord>();
  /** Every rich-media upload accepted, in order. */
  readonly uploads: UploadRecord[] = [];
  private readonly rateWindows = new Map<string, number[]>();
  private readonly streams = new Map<string, { record: SentMessageRecord; lastIndex: number; finished: boolean }>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: () => SimulatorPolicy,
    private readonly botUser: { id: string; username: string },
    private readonly fidelity: MessageFidelity = {},
  ) {}

  /** Makes a dispatched event replyable by `msg_id` / `event_id`, as the platform does. */
  register(type: string, envelopeId: string, data: unknown): void {
    if (!isPlainObject(data)) return;
    const now = this.clock.now();
    const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
    const author = isPlainObject(data['author']) ? data['author'] : {};
    const entry = (scene: SimulatorScene, target: string | null): Replyable => ({
      scene,
      target,
      receivedAt: now,
      used: 0,
      seqs: new Set(),
    });
    this.learnGuild(type, data);
    const messageId = str(data['id']);
    const addMessage = (scene: SimulatorScene, target: string | undefined): void => {
      if (messageId && target) this.byMsgId.set(messageId, entry(scene, target));
    };
    const addEvent = (scene: SimulatorScene, target: string | undefined | null): void => {
      if (target !== undefined) this.byEventId.set(envelopeId, entry(scene, target));
    };
    if (isMessageEventType(type)) {
      // A message is answered in the chat it was written in, named by the send endpoint's path id.
      switch (MESSAGE_EVENTS[type].scene) {
        case 'c2c':
          return addMessage('c2c', str(author['user_openid']) ?? str(author['id']));
        case 'group':
          return addMessage('group', str(data['group_openid']));
        case 'guild':
          return addMessage('channel', str(data['channel_id']));
        case 'direct':
          return addMessage('dm', str(data['guild_id']));
      }
    }
    switch (type) {
      case 'FRIEND_ADD':
      case 'C2C_MSG_RECEIVE':
        return addEvent('c2c', str(data['openid']));
      case 'GROUP_ADD_ROBOT':
      case 'GROUP_MSG_RECEIVE':
        return addEvent('group', str(data['group_openid']));
      case 'MESSAGE_REACTION_ADD':
      case 'MESSAGE_REACTION_REMOVE':
        return addEvent('channel', str(data['channel_id']));
      case 'GUILD_MEMBER_ADD':
      case 'GUILD_MEMBER_UPDATE':
      case 'GUILD_MEMBER_REMOVE':
        return addEvent('channel', null);
      case 'INTERACTION_CREATE': {
        const scene = data['scene'];
        if (scene === 'group') return addEvent('group', str(data['group_openid']));
        if (scene === 'c2c') return addEvent('c2c', str(data['user_openid']));
        if (scene === 'guild') return addEvent('channel', str(data['channel_id']));
        return;
      }
      default:
        return;
    }
  }

  /** Handles a message or upload route; `undefined` if the route is not one of them. */
  handle(route: SimulatorRoute, params: Readonly<Record<string, string>>, body: unknown): ServiceResult | undefined {
    switch (route) {
      case 'POST /v2/users/{openid}/messages':
        return this.sendV2('c2c', params['openid'] ?? '', body, route);
      case 'POST /v2/groups/{group_openid}/messages':
        return this.sendV2('group', params['group_openid'] ?? '', body, route);
      case 'POST /v2/users/{openid}/stream_messages':
        return this.streamChunk(params['openid'] ?? '', body);
      case 'POST /channels/{channel_id}/messages':
        return this.sendGuild('channel', params['channel_id'] ?? '', body, route);
      case 'POST /dms/{guild_id}/messages':
        return this.sendGuild('dm', params['guild_id'] ?? '', body, route);
      case 'POST /v2/users/{openid}/files':
        return this.upload('c2c', params['openid'] ?? '', body);
      case 'POST /v2/groups/{group_openid}/files':
        return this.upload('group', params['group_openid'] ?? '', body);
      case 'DELETE /v2/users/{openid}/messages/{message_id}':
        return this.recall('c2c', params['openid'] ?? '', params['message_id'] ?? '');
      case 'DELETE /v2/groups/{group_openid}/messages/{message_id}':
        return this.recall('group', params['group_openid'] ?? '', params['message_id'] ?? '');
      case 'DELETE /channels/{channel_id}/messages/{message_id}':
        return this.recall('channel', params['channel_id'] ?? '', params['message_id'] ?? '');
      case 'DELETE /dms/{guild_id}/messages/{message_id}':
        return this.recall('dm', params['guild_id'] ?? '', params['message_id'] ?? '');
      case 'POST /users/@me/dms': {
        const parsed = CreateDmSchema.safeParse(body);
        if (!parsed.success) return { error: 50035 };
        const guildId = `dm-${parsed.data.recipient_id}`;
        const channelId = `${guildId}-channel`;
        this.dmSessions.set(guildId, { channelId, srcGuildId: parsed.data.source_guild_id });
        return {
          status: 200,
          body: { guild_id: guildId, channel_id: channelId, create_time: rfc3339Beijing(this.clock.now()) },
        };
      }
      case 'PUT /interactions/{interaction_id}': {
        const parsed = InteractionAckSchema.safeParse(body);
        if (!parsed.success) return { error: 50035 };
        const record: InteractionAckRecord = { interactionId: params['interaction_id'] ?? '', code: parsed.data.code, at: this.clock.now() };
        if (parsed.data.data !== undefined) record.data = parsed.data.data;
        this.interactionAcks.push(record);
        return { status: 200, body: {} };
      }
      default:
        return undefined;
    }
  }

  private sendV2(scene: 'c2c' | 'group', target: string, raw: unknown, route: SimulatorRoute): ServiceResult {
    const parsed = V2MessageSchema.safeParse(raw);
    if (!parsed.success) return { error: isPlainObject(raw) && 'msg_type' in raw ? 22006 : 50006 };
    const body = parsed.data;
    if (body.msg_type === 6) return scene === 'c2c' ? this.typingNotice(target, body) : { error: 22006 };
    // No msg_type: text, as production takes it.
    switch (body.msg_type ?? 0) {
      case 0:
        if (!body.content?.trim()) return { error: 50006 };
        break;
      case 2:
        if (!body.markdown) return { error: 22006 };
        break;
      case 3:
        if (!body.ark) return { error: 22006 };
        break;
      case 7: {
        if (!body.media) return { error: 22006 };
        const uploadedFor = this.fileInfos.get(body.media.file_info)?.scene;
        if (uploadedFor !== scene) return { error: 40034004 };
        break;
      }
      default:
        return { error: 22006 };
    }
    const limited = this.rateLimited(route, target);
    if (limited) return { error: 22009, ...limited };
    const markdownContent = isPlainObject(body.markdown) ? body.markdown['content'] : undefined;
    if (typeof markdownContent === 'string' && this.listed(this.policy().markdownRefused, target)) {
      return { error: 40034012 };
    }
    if (this.unregisteredUrl(body)) return { error: 40054010 };
    return this.accept(scene, target, body, body.msg_id, body.event_id, body.msg_seq, {
      expired: 40034005,
      badMsgId: 40034024,
      badEventId: 40034025,
      expiredEvent: 40034026,
      active: 40034102,
    });
  }

  private sendGuild(scene: 'channel' | 'dm', target: string, raw: unknown, route: SimulatorRoute): ServiceResult {
    const parsed = GuildMessageSchema.safeParse(raw);
    if (!parsed.success) return { error: 50006 };
    const body = parsed.data;
    if (!body.content?.trim() && !body.embed && !body.ark && !body.image && !body.markdown) return { error: 50006 };
    const limited = this.rateLimited(route, target);
    if (limited) return { error: 20028, ...limited };
    const markdownContent = isPlainObject(body.markdown) ? body.markdown['content'] : undefined;
    if (typeof markdownContent === 'string' && this.listed(this.policy().markdownRefused, target)) {
      return { error: 50056 };
    }
    if (this.unregisteredUrl(body)) return { error: 304003 };
    const result = this.accept(scene, target, body, body.msg_id, body.event_id, undefined, {
      expired: 304027,
      badMsgId: 40034024,
      badEventId: 40034025,
      expiredEvent: 40034026,
      active: 304045,
    });
    if ('error' in result) return result;
    const { id, timestamp } = result.body as { id: string; timestamp: string };
    return { status: 200, body: this.guildMessage(scene, target, id, timestamp, body) };
  }

  /**
   * The Message object a channel or DM send returns (bot-docs post_messages.md): the real
   * guild_id (learned from the channel's events; absent if the simulator never saw the channel),
   * the bot as author. For a DM, guild_id is the DM session's and channel_id/src_guild_id are the
   * session's when known (DIRECT_MESSAGE_CREATE or POST /users/@me/dms); never invented.
   */
  private guildMessage(scene: 'channel' | 'dm', target: string, id: string, timestamp: string, body: Record<string, unknown>): Record<string, unknown> {
    const message: Record<string, unknown> = { id };
    if (scene === 'channel') {
      message['channel_id'] = target;
      const guildId = this.channelGuilds.get(target);
      if (guildId !== undefined) message['guild_id'] = guildId;
    } else {
      const session = this.dmSessions.get(target);
      if (session?.channelId !== undefined) message['channel_id'] = session.channelId;
      message['guild_id'] = target;
    }
    Object.assign(message, {
      content: typeof body['content'] === 'string' ? body['content'] : '',
      timestamp,
      tts: false,
      mention_everyone: false,
      author: { id: this.botUser.id, username: this.botUser.username, avatar: '', bot: true },
      pinned: false,
      type: 0,
      flags: 0,
    });
    if (isPlainObject(body['embed'])) message['embeds'] = [body['embed']];
    if (isPlainObject(body['ark'])) message['ark'] = body['ark'];
    if (isPlainObject(body['message_reference'])) message['message_reference'] = body['message_reference'];
    if (scene === 'dm') {
      message['direct_message'] = true;
      const src = this.dmSessions.get(target)?.srcGuildId;
      if (src !== undefined) message['src_guild_id'] = src;
    }
    return message;
  }

  /** Remembers which guild a channel belongs to, and a DM session's channel, from an event. */
  private learnGuild(type: string, data: Record<string, unknown>): void {
    const channelId = data['channel_id'];
    const guildId = data['guild_id'];
    if (typeof channelId !== 'string' || channelId === '' || typeof guildId !== 'string' || guildId === '') return;
    if (type.startsWith('DIRECT_MESSAGE_')) {
      const src = data['src_guild_id'];
      this.dmSessions.set(guildId, { channelId, ...(typeof src === 'string' && src !== '' ? { srcGuildId: src } : {}) });
      return;
    }
    if (this.channelGuilds.size >= 10_000 && !this.channelGuilds.has(channelId)) {
      const oldest = this.channelGuilds.keys().next();
      if (oldest.done !== true) this.channelGuilds.delete(oldest.value);
    }
    this.channelGuilds.set(channelId, guildId);
  }

  /**
   * A C2C typing notice (`msg_type: 6`): `input_notify` is required (50059 otherwise, as
   * reported); a passive one is checked like a reply (msg_id, window) and, with
   * `typingSpendsReply` (default), spends one reply and its msg_seq. Recorded in `typing`, not
   * `sent`: it is not a message.
   */
  private typingNotice(target: string, body: z.output<typeof V2MessageSchema>): ServiceResult {
    const notify = InputNotifySchema.safeParse(body['input_notify']);
    if (!notify.success) return { error: 50059, message: 'input type err' };
    const spends = this.fidelity.typingSpendsReply ?? true;
    const claimed = this.claim('c2c', target, body.msg_id, body.event_id, body.msg_seq, V2_REPLY_CODES, spends);
    if ('error' in claimed) return claimed;
    const at = this.clock.now();
    const record: TypingRecord = {
      target,
      inputType: notify.data.input_type,
      inputSeconds: notify.data.input_second,
      passive: body.msg_id !== undefined || body.event_id !== undefined,
      spentReply: spends && claimed.seq !== undefined,
      body,
      at,
    };
    if (body.msg_id !== undefined) record.msgId = body.msg_id;
    else if (body.event_id !== undefined) record.eventId = body.event_id;
    if (claimed.seq !== undefined) record.msgSeq = claimed.seq;
    this.typing.push(record);
    return { status: 200, body: { id: `ROBOT1.0_${randomBytes(24).toString('base64url')}`, timestamp: rfc3339Beijing(at) } };
  }

  private upload(scene: 'c2c' | 'group', target: string, raw: unknown): ServiceResult {
    const parsed = UploadSchema.safeParse(raw);
    if (!parsed.success || parsed.data.file_type < 1 || parsed.data.file_type > 4) return { error: 850019 };
    const body = parsed.data;
    if (!body.url && !body.file_data) return { error: 850026 };
    const fileInfo = Buffer.from(`${scene}:${randomUUID()}`).toString('base64');
    const upload: UploadRecord = { scene, target, fileType: body.file_type, fileInfo, at: this.clock.now() };
    if (body.url) upload.url = body.url;
    if (body.file_data) {
      upload.data = new Uint8Array(Buffer.from(body.file_data, 'base64'));
      if (body.file_type === 3) upload.silk = isSilkV3(upload.data);
    }
    this.fileInfos.set(fileInfo, upload);
    this.uploads.push(upload);
    const response: Record<string, unknown> = { file_uuid: randomUUID(), file_info: fileInfo, ttl: 3600 };
    if (body.srv_send_msg) {
      // The platform sends it at once, and it counts as an active message.
      const sent = this.accept(scene, target, { msg_type: 7, media: { file_info: fileInfo } }, undefined, undefined, undefined, {
        expired: 40034005,
        badMsgId: 40034024,
        badEventId: 40034025,
        expiredEvent: 40034026,
        active: 40034102,
      });
      if ('error' in sent) return sent;
      response['id'] = (sent.body as { id: string }).id;
    }
    return { status: 200, body: response };
  }

  /** Recalls a message the bot sent to `target` within the last 2 minutes. */
  private recall(scene: SimulatorScene, target: string, messageId: string): ServiceResult {
    const message = this.sent.find((m) => m.id === messageId && m.scene === scene && m.target === target);
    if (!message || message.recalledAt !== undefined) return { error: 306001 };
    const now = this.clock.now();
    if (now - message.at > RECALL_WINDOW_MS) return { error: 306011 };
    message.recalledAt = now;
    return { status: 200, body: {} };
  }

  /** Applies the passive/active rules and records the message if accepted. */
  private accept(
    scene: SimulatorScene,
    target: string,
    body: Record<string, unknown>,
    msgId: string | undefined,
    eventId: string | undefined,
    msgSeq: number | undefined,
    codes: { expired: number; badMsgId: number; badEventId: number; expiredEvent: number; active: number },
  ): ServiceResult {
    const claim = this.claim(scene, target, msgId, eventId, msgSeq, codes);
    if ('error' in claim) return claim;
    const record = this.record(scene, target, body, msgId, eventId, claim.seq);
    if (scene !== 'c2c' && scene !== 'group') return { status: 200, body: { id: record.id, timestamp: rfc3339Beijing(record.at) } };
    // The 2026 wiki's send response carries the message's quote index (ext_info.ref_idx).
    record.refIdx = `REFIDX_${randomBytes(12).toString('base64url')}`;
    return { status: 200, body: { id: record.id, timestamp: rfc3339Beijing(record.at), ext_info: { ref_idx: record.refIdx } } };
  }

  /**
   * Checks a passive reply against its source (window, msg_seq, quota) and spends one reply; with
   * `spend` false only the source and window are checked.
   */
  private claim(
    scene: SimulatorScene,
    target: string,
    msgId: string | undefined,
    eventId: string | undefined,
    msgSeq: number | undefined,
    codes: { expired: number; badMsgId: number; badEventId: number; expiredEvent: number; active: number },
    spend = true,
  ): { seq: number | undefined } | { error: number } {
    const policy = this.policy();
    if (msgId === undefined && eventId === undefined) {
      return this.listed(policy.allowActiveMessages, target) ? { seq: undefined } : { error: codes.active };
    }
    const source = msgId !== undefined ? this.byMsgId.get(msgId) : this.byEventId.get(eventId ?? '');
    const bad = msgId !== undefined ? codes.badMsgId : codes.badEventId;
    if (!source || source.scene !== scene || (source.target !== null && source.target !== target)) return { error: bad };
    if (this.clock.now() - source.receivedAt > policy.replyWindows[scene]) {
      return { error: msgId !== undefined ? codes.expired : codes.expiredEvent };
    }
    // msg_seq is a field of the v2 (C2C, group) send only, defaulting to 1 there; guild sends have
    // none, so replies to one guild message are never deduplicated by it.
    const seq = msgSeq ?? (scene === 'c2c' || scene === 'group' ? 1 : undefined);
    if (!spend) return { seq };
    if (seq !== undefined && source.seqs.has(seq)) return { error: 40054005 };
    const quota = policy.replyQuotas[scene];
    if (quota !== null && source.used >= quota) return { error: 22009 };
    source.used++;
    if (seq !== undefined) source.seqs.add(seq);
    return { seq };
  }

  private record(
    scene: SimulatorScene,
    target: string,
    body: Record<string, unknown>,
    msgId: string | undefined,
    eventId: string | undefined,
    seq: number | undefined,
  ): SentMessageRecord {
    const record: SentMessageRecord = {
      scene,
      target,
      id: `ROBOT1.0_${randomBytes(24).toString('base64url')}`,
      body,
      text: messageText(body),
      passive: msgId !== undefined || eventId !== undefined,
      at: this.clock.now(),
    };
    if (msgId !== undefined) record.msgId = msgId;
    else if (eventId !== undefined) record.eventId = eventId;
    if (seq !== undefined) record.msgSeq = seq;
    const media = isPlainObject(body['media']) ? body['media']['file_info'] : undefined;
    const upload = typeof media === 'string' ? this.fileInfos.get(media) : undefined;
    if (upload !== undefined) record.media = upload;
    this.sent.push(record);
    return record;
  }

  /**
   * A C2C stream chunk. The first chunk (no `stream_msg_id`) opens the stream as one sent message;
   * later chunks replace its text. Every chunk that carries `msg_id`/`event_id` spends one passive
   * reply with its own `msg_seq`, as reported for the platform.
   */
  private streamChunk(target: string, raw: unknown): ServiceResult {
    const parsed = StreamChunkSchema.safeParse(raw);
    if (!parsed.success) return { error: 50035 };
    const chunk = parsed.data;
    const stream = chunk.stream_msg_id !== undefined ? this.streams.get(chunk.stream_msg_id) : undefined;
    if (chunk.stream_msg_id !== undefined && (!stream || stream.record.target !== target)) return { error: 40034024 };
    if (stream?.finished) return { error: 40054005 };
    if (stream && chunk.index <= stream.lastIndex) return { error: 40054005 };
    if (this.unregisteredUrl({ content: chunk.content_raw })) return { error: 40054010 };
    const anchored = chunk.msg_id !== undefined || chunk.event_id !== undefined;
    if (!stream && !anchored) return { error: 40034102 };
    const claimed = anchored ? this.claim('c2c', target, chunk.msg_id, chunk.event_id, chunk.msg_seq, V2_REPLY_CODES) : { seq: undefined };
    if ('error' in claimed) return claimed;
    const body = { msg_type: chunk.content_type === 'markdown' ? 2 : 0, content: chunk.content_raw, stream: { index: chunk.index, state: chunk.input_state } };
    if (!stream) {
      const record = this.record('c2c', target, body, chunk.msg_id, chunk.event_id, claimed.seq);
      record.streamChunks = 1;
      this.streams.set(record.id, { record, lastIndex: chunk.index, finished: chunk.input_state === 10 });
      return { status: 200, body: { id: record.id } };
    }
    stream.record.body = body;
    stream.record.text = chunk.content_raw;
    stream.record.streamChunks = (stream.record.streamChunks ?? 1) + 1;
    stream.lastIndex = chunk.index;
    stream.finished = chunk.input_state === 10;
    return { status: 200, body: { id: stream.record.id } };
  }

  private listed(setting: boolean | readonly string[], target: string): boolean {
    return setting === true || (Array.isArray(setting) && setting.includes(target));
  }

  /** Whether the message text carries a URL or domain that is not registered. */
  private unregisteredUrl(body: Record<string, unknown>): boolean {
    const registered = this.policy().registeredDomains.map((d) => d.toLowerCase());
    for (const text of collectStrings(body, ['content', 'markdown', 'embed', 'ark'])) {
      for (const match of text.matchAll(URL_PATTERN)) {
        const host = match[1]!.toLowerCase();
        if (!registered.some((d) => host === d || host.endsWith(`.${d}`))) return true;
      }
    }
    return false;
  }

  /** Counts a send against the optional rate limit; returns the 429 status if over it. */
  private rateLimited(route: SimulatorRoute, target: string): { status: number } | undefined {
    const limit = this.policy().rateLimit;
    if (!limit) return undefined;
    const now = this.clock.now();
    const key = `${route} ${target}`;
    const hits = (this.rateWindows.get(key) ?? []).filter((t) => now - t < limit.windowMs);
    if (hits.length >= limit.limit) {
      this.rateWindows.set(key, hits);
      return { status: 429 };
    }
    hits.push(now);
    this.rateWindows.set(key, hits);
    return undefined;
  }
}

/** Every string inside the given top-level fields of a message body (content, markdown params …). */
function collectStrings(body: Record<string, unknown>, fields: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 6) return;
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else if (isPlainObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        // Template ids and keys are not message text.
        if (key === 'key' || key.endsWith('template_id')) continue;
        walk(inner, depth + 1);
      }
    }
  };
  for (const field of fields) walk(body[field], 0);
  return out;
}

/** The readable text of a sent message: `content`, else native markdown content. */
function messageText(body: Record<string, unknown>): string {
  if (typeof body['content'] === 'string' && body['content'].trim() !== '') return body['content'];
  const markdown = body['markdown'];
  if (isPlainObject(markdown) && typeof markdown['content'] === 'string') return markdown['content'];
  return typeof body['content'] === 'string' ? body['content'] : '';
}
