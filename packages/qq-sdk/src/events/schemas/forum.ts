import * as z from '../../internal/zod.js';
import { EventTimestampSchema } from '../EventTimestamp.js';

// Ids are strings. The docs' own examples send them as JSON numbers (some beyond 2^53, which the
// SDK's JSON reading keeps exact): those become their decimal strings (events/internal/legacyPayloads.ts).
const forumId = () => z.string();
// `title` and `content` are rich text: a JSON string of it, or (in the docs' examples) the array itself.
const richText = () => z.union([z.string(), z.array(z.unknown())]);

const forumItem = () => ({
  /** Thread id. */
  thread_id: z.string(),
  /** Rich text: a JSON string, or the rich-text array as the docs' examples send it. */
  content: richText().optional(),
  /** When it was published. */
  date_time: EventTimestampSchema.optional(),
});

/**
 * `FORUM_*` (private domain, intent FORUMS_EVENT): a thread, post or reply was created, updated or deleted.
 * Exactly one of `thread_info`, `post_info`, `reply_info` is set, depending on the event.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/event.html
 */
export const ForumEventSchema = z.lazy(() =>
  z.looseObject({
    /** Guild id. */
    guild_id: forumId(),
    /** Forum channel id. */
    channel_id: forumId(),
    /** Author's user id. */
    author_id: forumId(),
    /** FORUM_THREAD_*: the thread. */
    thread_info: z.looseObject({ ...forumItem(), /** Rich-text title: a JSON string or the rich-text array. */ title: richText().optional() }).optional(),
    /** FORUM_POST_*: the post (comment). */
    post_info: z.looseObject({ ...forumItem(), /** Post id. */ post_id: z.string() }).optional(),
    /** FORUM_REPLY_*: the reply. */
    reply_info: z.looseObject({ ...forumItem(), /** Post id. */ post_id: z.string(), /** Reply id. */ reply_id: z.string() }).optional(),
  }),
);

/** `FORUM_PUBLISH_AUDIT_RESULT`: the audit result of something the bot published in a forum. */
export const ForumAuditResultSchema = z.lazy(() =>
  z.looseObject({
    /** Guild id. */
    guild_id: forumId(),
    /** Forum channel id. */
    channel_id: forumId(),
    /** Author's user id. */
    author_id: forumId(),
    /** Thread id. */
    thread_id: z.string().optional(),
    /** Post id. */
    post_id: z.string().optional(),
    /** Reply id. */
    reply_id: z.string().optional(),
    /** What was published: 1 thread, 2 post, 3 reply. */
    type: z.number().optional(),
    /** 0 passed, 1 failed. */
    result: z.number(),
    /** Why it failed. */
    err_msg: z.string().optional(),
  }),
);

/**
 * `OPEN_FORUM_*` (public domain, intent OPEN_FORUMS_EVENT): only ids are delivered.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/open_forum.html
 */
export const OpenForumEventSchema = z.lazy(() =>
  z.looseObject({
    /** Guild id. */
    guild_id: forumId(),
    /** Forum channel id. */
    channel_id: forumId(),
    /** Author's user id. */
    author_id: forumId(),
  }),
);
