import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import {
  C2CMessageBodySchema,
  ChannelMessageBodySchema,
  GroupMessageBodySchema,
  SentGuildMessageSchema,
  MessageSendResponseSchema,
  C2CStreamChunkBodySchema,
  StreamChunkResponseSchema,
  C2CTypingBodySchema,
  TypingNoticeResponseSchema,
  type C2CTypingBody,
  type TypingNoticeResponse,
  type C2CStreamChunkBody,
  type StreamChunkResponse,
  type C2CMessageBody,
  type ChannelMessageBody,
  type DirectMessageBody,
  type GroupMessageBody,
  type SentGuildMessage,
  type MessageSendResponse,
  ChannelMessageLookupSchema,
  type ChannelMessageLookup,
} from '../schemas/messages.js';
import { checkContentLength } from '../checkContentLength.js';
import { validateBody } from '../validateBody.js';
import type { QQValidationError } from '../../errors/QQValidationError.js';

/** Options of guild-side recalls. */
export interface RecallOptions extends RequestOptions {
  /** Hide the "message was recalled" tip. @defaultValue false */
  readonly hidetip?: boolean | undefined;
}

/**
 * Sends and recalls messages in every scene: C2C (single chat), group, guild channel and guild
 * DM. Bodies are validated before sending; a bad body throws {@link QQValidationError} and sends
 * nothing.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 *
 * @example
 * ```ts
 * // A passive reply: msg_id of the message you answer, msg_seq 1, 2, … per reply
 * await bot.api.messages.sendGroup(groupOpenid, { msg_type: 0, content: 'pong', msg_id: messageId, msg_seq: 1 });
 * await bot.api.messages.sendC2C(openid, { msg_type: 2, markdown: { content: '**hi**' } }); // active
 * await bot.api.messages.recallGroup(groupOpenid, sentMessageId);
 * ```
 */
export class MessagesAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Sends a message to a user in C2C (single chat).
   *
   * @param openid - The user's openid (`author.user_openid`).
   * @param body - The message; `msg_id` + `msg_seq` for a passive reply.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
   * @example
   * ```ts
   * await api.messages.sendC2C(openid, { msg_type: 0, content: 'pong', msg_id, msg_seq: 1 });
   * ```
   */
  async sendC2C(openid: string, body: C2CMessageBody, options: RequestOptions = {}): Promise<MessageSendResponse> {
    const target = route('POST /v2/users/{openid}/messages', { openid });
    const data = validateBody(C2CMessageBodySchema, body, 'C2C message body');
    checkContentLength(data, this.rest.maxContentLength, 'C2C message body');
    return this.rest.request({ ...options, ...target, body: data }, MessageSendResponseSchema);
  }

  /**
   * Sends one chunk of a C2C stream message (a reply that grows as an AI model generates it).
   * Send chunks in order with `index` 0, 1, 2 …, each with the full text so far; end with
   * `input_state: 10`. UNCONFIRMED: not in the official docs (docs/platform-reference.md#stream-messages-and-typing).
   *
   * @param openid - The user's openid.
   * @param body - The chunk.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
   */
  async sendC2CStreamChunk(openid: string, body: C2CStreamChunkBody, options: RequestOptions = {}): Promise<StreamChunkResponse> {
    const target = route('POST /v2/users/{openid}/stream_messages', { openid });
    const data = validateBody(C2CStreamChunkBodySchema, body, 'C2C stream chunk');
    return this.rest.request({ ...options, ...target, body: data }, StreamChunkResponseSchema);
  }

  /**
   * Shows "typing…" in a C2C chat: a `msg_type: 6` message with
   * `input_notify: { input_type: 1, input_second }` (default 60 s, at most 60). Groups and guilds
   * have no typing notice. Pass `msg_id` (and a `msg_seq` from the same sequence as the replies)
   * to anchor it to the message being answered, as every known client does.
   *
   * UNCONFIRMED (docs/platform-reference.md#stream-messages-and-typing): the notice is not in the official docs, and whether the
   * platform counts it against the message's passive-reply budget is not documented; OpenClaw
   * counts it. `msg.typing()` / `msg.keepTyping()` claim the budget through the ReplyQuota.
   *
   * @param openid - The user's openid.
   * @param body - `input_second` and the passive anchor (`msg_id` or `event_id`, `msg_seq`).
   * @param options - Signal, timeout, retries.
   * @example
   * ```ts
   * await api.messages.sendC2CTyping(openid, { input_second: 60, msg_id: messageId, msg_seq: 1 });
   * ```
   */
  async sendC2CTyping(openid: string, body: C2CTypingBody = {}, options: RequestOptions = {}): Promise<TypingNoticeResponse> {
    const target = route('POST /v2/users/{openid}/messages', { openid });
    const { input_second: inputSecond = 60, ...anchor } = validateBody(C2CTypingBodySchema, body, 'C2C typing notice');
    const data = validateBody(
      C2CMessageBodySchema,
      { msg_type: 6, input_notify: { input_type: 1, input_second: inputSecond }, ...anchor },
      'C2C typing notice',
    );
    return this.rest.request({ ...options, ...target, body: data }, TypingNoticeResponseSchema);
  }

  /**
   * Sends a message to a group.
   *
   * @param groupOpenid - The group's openid.
   * @param body - The message; `msg_id` + `msg_seq` for a passive reply.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
   */
  async sendGroup(groupOpenid: string, body: GroupMessageBody, options: RequestOptions = {}): Promise<MessageSendResponse> {
    const target = route('POST /v2/groups/{group_openid}/messages', { group_openid: groupOpenid });
    const data = validateBody(GroupMessageBodySchema, body, 'group message body');
    checkContentLength(data, this.rest.maxContentLength, 'group message body');
    return this.rest.request({ ...options, ...target, body: data }, MessageSendResponseSchema);
  }

  /**
   * Sends a message to a guild text channel. The bot must be online on the gateway (304018 otherwise).
   *
   * @param channelId - The channel id.
   * @param body - The message.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/post_messages.html
   */
  async sendChannel(channelId: string, body: ChannelMessageBody, options: RequestOptions = {}): Promise<SentGuildMessage> {
    const target = route('POST /channels/{channel_id}/messages', { channel_id: channelId });
    const data = validateBody(ChannelMessageBodySchema, body, 'channel message body');
    checkContentLength(data, this.rest.maxContentLength, 'channel message body');
    return this.rest.request({ ...options, ...target, body: data }, SentGuildMessageSchema);
  }

  /**
   * Sends a guild direct message in a DM session (see {@link DMsAPI.create}).
   *
   * @param guildId - The DM session's `guild_id`.
   * @param body - The message.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/dms/post_dms_messages.html
   */
  async sendDirect(guildId: string, body: DirectMessageBody, options: RequestOptions = {}): Promise<SentGuildMessage> {
    const target = route('POST /dms/{guild_id}/messages', { guild_id: guildId });
    const data = validateBody(ChannelMessageBodySchema, body, 'direct message body');
    checkContentLength(data, this.rest.maxContentLength, 'direct message body');
    return this.rest.request({ ...options, ...target, body: data }, SentGuildMessageSchema);
  }

  /**
   * Recalls a C2C message the bot sent (within 2 minutes).
   *
   * @param openid - The user's openid.
   * @param messageId - The id returned by the send.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/reset.html
   */
  async recallC2C(openid: string, messageId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /v2/users/{openid}/messages/{message_id}', { openid, message_id: messageId }) });
  }

  /**
   * Recalls a group message the bot sent (within 2 minutes).
   *
   * @param groupOpenid - The group's openid.
   * @param messageId - The id returned by the send.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/reset.html
   */
  async recallGroup(groupOpenid: string, messageId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({
      ...options,
      ...route('DELETE /v2/groups/{group_openid}/messages/{message_id}', { group_openid: groupOpenid, message_id: messageId }),
    });
  }

  /**
   * Gets one message of a guild channel by id. Only in the legacy (pre api-v2) docs: UNCONFIRMED
   * that every bot may still call it.
   *
   * @param channelId - The channel id.
   * @param messageId - The message id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api/openapi/message/get_message_of_id.html
   * @example
   * ```ts
   * const { message } = await api.messages.getChannelMessage(channelId, messageId);
   * ```
   */
  async getChannelMessage(channelId: string, messageId: string, options: RequestOptions = {}): Promise<ChannelMessageLookup> {
    return this.rest.request(
      { ...options, ...route('GET /channels/{channel_id}/messages/{message_id}', { channel_id: channelId, message_id: messageId }) },
      ChannelMessageLookupSchema,
    );
  }

  /**
   * Recalls a guild channel message (admins may recall members' messages).
   *
   * @param channelId - The channel id.
   * @param messageId - The message id.
   * @param options - `hidetip`, signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/reset.html
   */
  async recallChannel(channelId: string, messageId: string, options: RecallOptions = {}): Promise<void> {
    const { hidetip = false, ...rest } = options;
    await this.rest.request({
      ...rest,
      ...route('DELETE /channels/{channel_id}/messages/{message_id}', { channel_id: channelId, message_id: messageId }),
      query: { hidetip },
    });
  }

  /**
   * Recalls a guild DM the bot sent.
   *
   * @param guildId - The DM session's `guild_id`.
   * @param messageId - The message id.
   * @param options - `hidetip`, signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/reset.html
   */
  async recallDirect(guildId: string, messageId: string, options: RecallOptions = {}): Promise<void> {
    const { hidetip = false, ...rest } = options;
    await this.rest.request({
      ...rest,
      ...route('DELETE /dms/{guild_id}/messages/{message_id}', { guild_id: guildId, message_id: messageId }),
      query: { hidetip },
    });
  }
}
