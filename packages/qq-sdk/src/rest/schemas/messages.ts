import * as z from '../../internal/zod.js';

/**
 * Outbound message bodies and send responses.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */

/**
 * Native markdown `{ content }` or a template `{ custom_template_id, params }`. Any of them may
 * carry `force_verify_image_resource: true` (platform 2026-08-12, C2C and groups): the platform
 * then verifies that the markdown's images were re-hosted (转存). UNCONFIRMED: known from the
 * changelog quoted in nonebot/adapter-qq#231 and community clients; what a failed check returns
 * is not documented.
 */
export const MarkdownBodySchema = z.lazy(() =>
  z.union([
    z.strictObject({ content: z.string().min(1, 'must not be empty'), force_verify_image_resource: z.boolean().optional() }),
    z.strictObject({
      custom_template_id: z.string().min(1),
      params: z.array(z.strictObject({ key: z.string().min(1), values: z.array(z.string()).min(1) })).optional(),
      force_verify_image_resource: z.boolean().optional(),
    }),
    z.strictObject({
      template_id: z.union([z.number().int(), z.string().min(1)]),
      params: z.array(z.strictObject({ key: z.string().min(1), values: z.array(z.string()).min(1) })).optional(),
      force_verify_image_resource: z.boolean().optional(),
    }),
  ]),
);
/** A markdown payload. */
export type MarkdownBody = z.output<typeof MarkdownBodySchema>;

/** One keyboard button. */
export const KeyboardButtonBodySchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    render_data: z.looseObject({
      label: z.string().min(1),
      visited_label: z.string(),
      style: z.number().int().min(0),
    }),
    action: z.looseObject({
      type: z.union([z.literal(0), z.literal(1), z.literal(2)]),
      permission: z.looseObject({
        type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
        specify_user_ids: z.array(z.string()).optional(),
        specify_role_ids: z.array(z.string()).optional(),
      }),
      data: z.string(),
      unsupport_tips: z.string().optional(),
      reply: z.boolean().optional(),
      enter: z.boolean().optional(),
      anchor: z.number().int().optional(),
    }),
  }),
);
/** A keyboard button. */
export type KeyboardButtonBody = z.output<typeof KeyboardButtonBodySchema>;

/** A keyboard: a template `{ id }` or custom rows (max 5 rows × 5 buttons). */
export const KeyboardBodySchema = z.lazy(() =>
  z.union([
    z.strictObject({ id: z.string().min(1) }),
    z.strictObject({
      content: z.strictObject({
        rows: z
          .array(z.strictObject({ buttons: z.array(KeyboardButtonBodySchema).min(1).max(5) }))
          .min(1)
          .max(5),
      }),
    }),
  ]),
);
/** A keyboard payload. */
export type KeyboardBody = z.output<typeof KeyboardBodySchema>;

const ArkKvSchema = z.lazy(() =>
  z.looseObject({
    key: z.string().min(1),
    value: z.string().optional(),
    obj: z.array(z.looseObject({ obj_kv: z.array(z.looseObject({ key: z.string(), value: z.string() })) })).optional(),
  }),
);

/** An ark message (templates 23, 24, 37; needs permission). */
export const ArkBodySchema = z.lazy(() => z.looseObject({ template_id: z.number().int().positive(), kv: z.array(ArkKvSchema) }));
/** An ark payload. */
export type ArkBody = z.output<typeof ArkBodySchema>;

/** An embed (guild channels). */
export const EmbedBodySchema = z.lazy(() =>
  z.looseObject({
    title: z.string().optional(),
    prompt: z.string().optional(),
    thumbnail: z.looseObject({ url: z.string() }).optional(),
    fields: z.array(z.looseObject({ name: z.string() })).optional(),
  }),
);
/** An embed payload. */
export type EmbedBody = z.output<typeof EmbedBodySchema>;

/** A quote reply. */
export const MessageReferenceBodySchema = z.lazy(() =>
  z.looseObject({
    message_id: z.string().min(1),
    ignore_get_message_error: z.boolean().optional(),
  }),
);
/** A message reference. */
export type MessageReferenceBody = z.output<typeof MessageReferenceBodySchema>;

/** The rich media of a `msg_type: 7` message: the `file_info` returned by an upload. */
export const MediaRefSchema = z.lazy(() => z.strictObject({ file_info: z.string().min(1) }));
/** A media reference. */
export type MediaRef = z.output<typeof MediaRefSchema>;

/** `msg_type` values: 0 text, 2 markdown, 3 ark, 4 embed, 7 media. */
export const MessageTypeSchema = z.lazy(() =>
  z.union([z.literal(0), z.literal(2), z.literal(3), z.literal(4), z.literal(7)], {
    error: 'must be 0 (text), 2 (markdown), 3 (ark), 4 (embed) or 7 (media); 6 (typing notice) is C2C only',
  }),
);
/** A message type. */
export type MessageType = z.output<typeof MessageTypeSchema>;

/** `msg_type` values of a C2C message: those of {@link MessageTypeSchema}, and 6 (a typing notice). */
export const C2CMessageTypeSchema = z.lazy(() =>
  z.union([z.literal(0), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(7)], {
    error: 'must be 0 (text), 2 (markdown), 3 (ark), 4 (embed), 6 (typing notice) or 7 (media)',
  }),
);
/** A C2C message type. */
export type C2CMessageType = z.output<typeof C2CMessageTypeSchema>;

/**
 * The longest typing notice the SDK sends, in seconds. UNCONFIRMED: the platform documents no
 * bound; every client seen sends 60 or less (60 renewed every 50 s, or 10 renewed every 5 s).
 */
export const MAX_TYPING_SECONDS = 60;

/**
 * The `input_notify` object of a C2C typing notice (`msg_type: 6`): "the bot is typing" shows in
 * the user's chat for about `input_second` seconds. `input_type` 1 is
 * "typing", the only value seen. UNCONFIRMED: not in the official docs (commented out in
 * tencent-connect/bot-docs); the shape is the one every OpenClaw QQ plugin and the official
 * openclaw-qqbot send. Without it the platform answers 50059 "input type err".
 */
export const InputNotifySchema = z.lazy(() =>
  z.looseObject({
    input_type: z.number().int().positive('must be a positive integer (1 = typing)'),
    input_second: z
      .number()
      .int('must be a whole number of seconds')
      .min(1, 'must be at least 1 second')
      .max(MAX_TYPING_SECONDS, `must be at most ${MAX_TYPING_SECONDS} seconds`),
  }),
);
/** A typing indicator. */
export type InputNotify = z.output<typeof InputNotifySchema>;

const v2Fields = () => ({
  msg_type: MessageTypeSchema,
  content: z.string().optional(),
  markdown: MarkdownBodySchema.optional(),
  keyboard: KeyboardBodySchema.optional(),
  ark: ArkBodySchema.optional(),
  embed: EmbedBodySchema.optional(),
  media: MediaRefSchema.optional(),
  message_reference: MessageReferenceBodySchema.optional(),
  msg_id: z.string().min(1).optional(),
  event_id: z.string().min(1).optional(),
  msg_seq: z.number().int().positive('must be a positive integer (1, 2, 3 … per msg_id)').optional(),
});

type V2Body = { [K in Exclude<keyof ReturnType<typeof v2Fields>, 'msg_type'>]?: z.output<ReturnType<typeof v2Fields>[K]> } & {
  msg_type?: number;
  input_notify?: unknown;
};

// What a typing notice (msg_type 6) must not carry: it is not a message.
const CONTENT_FIELDS = ['markdown', 'keyboard', 'ark', 'embed', 'media', 'message_reference'] as const;

/** Cross-field rules shared by C2C and group bodies. */
function checkV2(body: V2Body, ctx: z.RefinementCtx): void {
  const need = (field: keyof V2Body, why: string): void => {
    if (body[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: why });
  };
  switch (body.msg_type) {
    case 0:
      if (!body.content || body.content.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['content'], message: 'must not be empty for a text message (msg_type 0)' });
      }
      break;
    case 2:
      need('markdown', 'is required for msg_type 2 (markdown)');
      break;
    case 3:
      need('ark', 'is required for msg_type 3 (ark)');
      break;
    case 4:
      need('embed', 'is required for msg_type 4 (embed)');
      break;
    case 6:
      need('input_notify', 'is required for msg_type 6 (typing notice): { input_type: 1, input_second }');
      if (body.content !== undefined && body.content.trim() !== '') {
        ctx.addIssue({ code: 'custom', path: ['content'], message: 'must be empty for a typing notice (msg_type 6)' });
      }
      for (const field of CONTENT_FIELDS) {
        if (body[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'cannot be sent with a typing notice (msg_type 6)' });
      }
      break;
    case 7:
      need('media', 'is required for msg_type 7 (media); upload first and pass { file_info }');
      break;
    default:
      break;
  }
  if (body.input_notify !== undefined && body.msg_type !== 6) {
    ctx.addIssue({ code: 'custom', path: ['input_notify'], message: 'only goes with msg_type 6, a typing notice (C2C only)' });
  }
  if (body.msg_seq !== undefined && body.msg_id === undefined && body.event_id === undefined) {
    ctx.addIssue({ code: 'custom', path: ['msg_seq'], message: 'only makes sense with msg_id or event_id (a passive reply)' });
  }
  if (body.markdown !== undefined && body.content !== undefined && body.content.trim() !== '') {
    ctx.addIssue({ code: 'custom', path: ['content'], message: 'must be empty when markdown is set' });
  }
}

/**
 * Body of a C2C (single chat) message, or of a typing notice (`msg_type: 6` with `input_notify`;
 * see {@link MessagesAPI.sendC2CTyping}).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */
export const C2CMessageBodySchema = z.lazy(() =>
  z
    .looseObject({
      ...v2Fields(),
      msg_type: C2CMessageTypeSchema,
      input_notify: InputNotifySchema.optional(),
      is_wakeup: z.boolean().optional(),
    })
    .superRefine((body, ctx) => {
      checkV2(body, ctx);
      if (body.is_wakeup && (body.msg_id !== undefined || body.event_id !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['is_wakeup'], message: 'cannot be combined with msg_id or event_id' });
      }
    }),
);
/** A C2C message body. */
export type C2CMessageBody = z.input<typeof C2CMessageBodySchema>;

/**
 * Body of a group message.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */
export const GroupMessageBodySchema = z.lazy(() => z.looseObject(v2Fields()).superRefine(checkV2));
/** A group message body. */
export type GroupMessageBody = z.input<typeof GroupMessageBodySchema>;

/**
 * Body of a guild channel or guild DM message. At least one of content, embed, ark, image or
 * markdown is required.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/post_messages.html
 */
export const ChannelMessageBodySchema = z.lazy(() =>
  z
    .looseObject({
      content: z.string().optional(),
      embed: EmbedBodySchema.optional(),
      ark: ArkBodySchema.optional(),
      message_reference: MessageReferenceBodySchema.optional(),
      image: z.url().optional(),
      msg_id: z.string().min(1).optional(),
      event_id: z.string().min(1).optional(),
      markdown: MarkdownBodySchema.optional(),
      keyboard: KeyboardBodySchema.optional(),
    })
    .superRefine((body, ctx) => {
      const hasContent = body.content !== undefined && body.content.trim() !== '';
      if (!hasContent && !body.embed && !body.ark && !body.image && !body.markdown) {
        ctx.addIssue({
          code: 'custom',
          path: ['content'],
          message: 'must not be empty (or give embed, ark, image or markdown)',
        });
      }
    }),
);
/** A guild channel message body. */
export type ChannelMessageBody = z.input<typeof ChannelMessageBodySchema>;
/** A guild DM message body (same shape as a channel message). */
export type DirectMessageBody = ChannelMessageBody;

/** Response of a C2C / group send: the message id and a timestamp (number or RFC 3339 string). */
export const MessageSendResponseSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    timestamp: z.union([z.number(), z.string()]).optional(),
    ext_info: z.looseObject({ ref_idx: z.string().optional() }).optional(),
  }),
);
/** A C2C / group send response. */
export type MessageSendResponse = z.output<typeof MessageSendResponseSchema>;

/**
 * A guild message as returned by channel / DM sends (unknown fields pass through). When the
 * platform queues the message for audit (HTTP 202, code 304023/304024) there is no `id` but a
 * `code` and `data.message_audit.audit_id`; wait for MESSAGE_AUDIT_PASS / REJECT.
 */
export const SentGuildMessageSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    code: z.number().optional(),
    data: z.looseObject({ message_audit: z.looseObject({ audit_id: z.string() }).optional() }).optional(),
    channel_id: z.string().optional(),
    guild_id: z.string().optional(),
    content: z.string().optional(),
    timestamp: z.union([z.number(), z.string()]).optional(),
    author: z.looseObject({ id: z.string(), username: z.string().optional(), bot: z.boolean().optional() }).optional(),
  }),
);
/** A guild message. */
export type SentGuildMessage = z.output<typeof SentGuildMessageSchema>;

/**
 * One chunk of a C2C stream message (the bubble updates as chunks arrive). UNCONFIRMED: not in
 * the official docs; shape from docs/platform-reference.md#stream-messages-and-typing. The first chunk carries the passive
 * anchor (`msg_id` or `event_id`) and no `stream_msg_id`; later chunks carry the `id` the first
 * response returned. `input_state` 1 = generating, 10 = finished. Groups do not support streams.
 */
export const C2CStreamChunkBodySchema = z.lazy(() =>
  z
    .looseObject({
      input_mode: z.literal('replace'),
      input_state: z.union([z.literal(1), z.literal(10)]),
      index: z.number().int().nonnegative(),
      content_type: z.enum(['markdown', 'text']),
      content_raw: z.string(),
      msg_id: z.string().min(1).optional(),
      event_id: z.string().min(1).optional(),
      msg_seq: z.number().int().positive().optional(),
      stream_msg_id: z.string().min(1).optional(),
    })
    .superRefine((body, ctx) => {
      if (body.stream_msg_id === undefined && body.msg_id === undefined && body.event_id === undefined) {
        ctx.addIssue({ code: 'custom', path: ['msg_id'], message: 'the first chunk needs msg_id or event_id; later chunks need stream_msg_id' });
      }
    }),
);
/** A C2C stream chunk body. */
export type C2CStreamChunkBody = z.input<typeof C2CStreamChunkBodySchema>;

/** Response of a stream chunk: `id` is the `stream_msg_id` for the following chunks. */
export const StreamChunkResponseSchema = z.lazy(() => z.looseObject({ id: z.string().optional() }));
/** A stream chunk response. */
export type StreamChunkResponse = z.output<typeof StreamChunkResponseSchema>;

/**
 * What {@link MessagesAPI.sendC2CTyping} sends besides the fixed `msg_type: 6` and
 * `input_notify.input_type: 1`. UNCONFIRMED against the docs (docs/platform-reference.md#stream-messages-and-typing): every
 * client seen anchors the notice to the message it answers (`msg_id` with its own `msg_seq`), so
 * it is a passive call; OpenClaw counts it against the same per-message reply budget as replies.
 */
export const C2CTypingBodySchema = z.lazy(() =>
  z
    .strictObject({
      input_second: z
        .number()
        .int('must be a whole number of seconds')
        .min(1, 'must be at least 1 second')
        .max(MAX_TYPING_SECONDS, `must be at most ${MAX_TYPING_SECONDS} seconds`)
        .optional(),
      msg_id: z.string().min(1).optional(),
      event_id: z.string().min(1).optional(),
      msg_seq: z.number().int().positive('must be a positive integer').optional(),
    })
    .superRefine((body, ctx) => {
      if (body.msg_seq !== undefined && body.msg_id === undefined && body.event_id === undefined) {
        ctx.addIssue({ code: 'custom', path: ['msg_seq'], message: 'only makes sense with msg_id or event_id (a passive notice)' });
      }
    }),
);
/** The options of a C2C typing notice. */
export type C2CTypingBody = z.input<typeof C2CTypingBodySchema>;

/**
 * Response of a typing notice. UNCONFIRMED: clients ignore it; some read an `id`. Every field is
 * optional and unknown fields pass.
 */
export const TypingNoticeResponseSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    timestamp: z.union([z.number(), z.string()]).optional(),
  }),
);
/** A typing notice response. */
export type TypingNoticeResponse = z.output<typeof TypingNoticeResponseSchema>;

/**
 * Answer of `GET /channels/{channel_id}/messages/{message_id}`: `{ message }` in the legacy docs
 * (UNCONFIRMED in api-v2); loose, so the message's fields pass through as sent.
 */
export const ChannelMessageLookupSchema = z.lazy(() =>
  z.looseObject({
    /** The message, as guild message events carry it. */
    message: z.looseObject({ id: z.string().optional(), channel_id: z.string().optional(), content: z.string().optional() }).optional(),
  }),
);
/** A looked-up guild channel message. */
export type ChannelMessageLookup = z.output<typeof ChannelMessageLookupSchema>;
