import * as z from '../../internal/zod.js';
import { EventTimestampSchema } from '../EventTimestamp.js';
import {
  EventAttachmentSchema,
  EventMentionSchema,
  EventAuthorSchema,
  MessageElementSchema,
  MessageReferenceSchema,
  EventMessageSceneSchema,
} from './common.js';

// Fields shared by C2C and group messages.
const v2MessageShape = () => ({
  /** Message id; pass it as `msg_id` to reply passively. */
  id: z.string(),
  /** Text content; in group at-messages the mention of the bot is stripped (often leaves a leading space). */
  content: z.string().default(''),
  /** When the message was sent (RFC 3339, +08:00). */
  timestamp: EventTimestampSchema,
  /** The sender. */
  author: EventAuthorSchema,
  /** Images, voice, video and files. */
  attachments: z.array(EventAttachmentSchema).optional(),
  /** 0 text, 3 ark card, 101 parallel, 102 chat record, 103 quote. */
  message_type: z.number().optional(),
  /** Message origin; `ext` carries `msg_idx` / `ref_msg_idx`. */
  message_scene: EventMessageSceneSchema.optional(),
  /** The quoted message, when the platform sends one. */
  message_reference: MessageReferenceSchema.optional(),
  /** Ark card data (`message_type` 3). */
  ark_data: z.unknown().optional(),
  /** Quote / chat-record elements (`message_type` 103, 102). */
  msg_elements: z.array(MessageElementSchema).optional(),
});

/**
 * `C2C_MESSAGE_CREATE`: a user sent the bot a private message.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/event.html
 */
export const C2CMessageSchema = z.lazy(() => z.looseObject(v2MessageShape()));

/**
 * `GROUP_AT_MESSAGE_CREATE` (a member @-mentioned the bot) and `GROUP_MESSAGE_CREATE` (every group
 * message, when the group allows the bot to receive all messages).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/event.html
 */
export const GroupMessageSchema = z.lazy(() =>
  z.looseObject({
    ...v2MessageShape(),
    /** The group's openid for this bot. */
    group_openid: z.string(),
    /** Legacy alias of `group_openid`. */
    group_id: z.string().optional(),
    /** Other users mentioned in the message (excluding the bot). */
    mentions: z.array(EventMentionSchema).optional(),
  }),
);
