import * as z from '../../internal/zod.js';
import { unionIdentityShape, userBotShape, userShape } from '../../schemas/user.js';

/**
 * A file attached to a message: image, voice (with a WAV URL and ASR text), video or file.
 * Guild messages usually document only `url`; C2C and group messages carry the rest.
 * Note: some payloads send `url` without a scheme (`gchat.qpic.cn/...`); prefix `https:` before downloading.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/event.html
 */
export const EventAttachmentSchema = z.lazy(() =>
  z.looseObject({
    /** `image/jpeg`, `image/png`, `image/gif`, `video/mp4`, `voice`, `file` … */
    content_type: z.string().optional(),
    /** Download URL. */
    url: z.string(),
    /** Original file name. */
    filename: z.string().optional(),
    /** Size in bytes. */
    size: z.number().optional(),
    /** Image width in pixels. */
    width: z.number().optional(),
    /** Image height in pixels. */
    height: z.number().optional(),
    /** Voice messages: the recording converted to WAV. */
    voice_wav_url: z.string().optional(),
    /** Voice messages: the platform's speech-to-text result. */
    asr_refer_text: z.string().optional(),
    /** Guild attachments: attachment id. */
    id: z.string().optional(),
  }),
);

/**
 * Where a C2C/group message came from; `ext` holds `msg_idx=…` (this message, for quoting),
 * `ref_msg_idx=…` (the quoted message) and similar `key=value` entries.
 */
export const EventMessageSceneSchema = z.lazy(() =>
  z.looseObject({
    /** Usually `default`. */
    source: z.string().optional(),
    /** `key=value` strings such as `msg_idx=REFIDX_…`. */
    ext: z.array(z.string()).optional(),
  }),
);

/**
 * The sender of a C2C or group message (v2 user). C2C sets `user_openid`; groups set
 * `member_openid` (per group) and `member_role`.
 */
export const EventAuthorSchema = z.lazy(() =>
  z.looseObject({
    /** Openid-format id. */
    id: z.string().optional(),
    /** C2C: the user's openid for this bot. */
    user_openid: z.string().optional(),
    /** Group: the member's openid in this group. */
    member_openid: z.string().optional(),
    /** Cross-app id; may be empty. */
    union_openid: z.string().optional(),
    /** Cross-app account; may be empty. */
    union_user_account: z.string().optional(),
    /** Display name; often empty in C2C. */
    username: z.string().optional(),
    /** Whether the sender is a bot. */
    bot: z.boolean().optional(),
    /** Group: `member`, `admin` or `owner`. */
    member_role: z.string().optional(),
  }),
);

/** A user mentioned in a group message (the docs say the bot itself is excluded). */
export const EventMentionSchema = z.lazy(() =>
  z.looseObject({
    /** Openid-format id. */
    id: z.string().optional(),
    /** The member's openid in this group. */
    member_openid: z.string().optional(),
    /** The user's openid. */
    user_openid: z.string().optional(),
    /** Display name. */
    username: z.string().optional(),
    /** Whether the mentioned user is a bot. */
    bot: z.boolean().optional(),
    /** Whether the mention is this bot (community-observed, not in the docs). */
    is_you: z.boolean().optional(),
  }),
);

/** A guild user (guild messages, members, deletes). */
export const GuildUserSchema = z.lazy(() => z.looseObject({ ...userShape(), ...userBotShape(), ...unionIdentityShape() }));

/** A quoted message reference. */
export const MessageReferenceSchema = z.lazy(() =>
  z.looseObject({
    /** The quoted message id. */
    message_id: z.string(),
    /** Whether a failure to fetch the quoted message is ignored. */
    ignore_get_message_error: z.boolean().optional(),
  }),
);

/** A C2C or group message `message_reference` / `msg_elements` entry is platform-defined; kept loose. */
export const MessageElementSchema = z.lazy(() => z.looseObject({}));
