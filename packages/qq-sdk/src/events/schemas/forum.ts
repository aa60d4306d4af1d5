import * as z from '../../internal/zod.js';
import { EventTimestampSchema } from '../EventTimestamp.js';

// `title` and `content` are JSON strings of the platform's rich-text object; kept as strings.
const forumItem = () => ({
  /** Thread id. */
  thread_id: z.string(),
  /** Rich text as a JSON string. */
  content: z.string().optional(),
  /** When it was published. */
  date_time: EventTimestampSchema.optional(),
});

/**
 * `FORUM_*` (private domain, intent FORUMS_EVENT): a thread, post or reply was created, updated or deleted.
 * Exactly one of `thread_info`, `post_info`, `reply_info` is set, depending on the event.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/event.html
 */
export const ForumEventSchema = z.lazy(() => z.looseObject({
  /** Guild id. */
  guild_id: z.string(),
  /** Forum channel id. */
  channel_id: z.string(),
  /** Author's user id. */
  author_id: z.string(),
  /** FORUM_THREAD_*: the thread. */
  thread_info: z.looseObject({ ...forumItem(), /** Rich-text title as a JSON string. */ title: z.string().optional() }).optional(),
  /** FORUM_POST_*: the post (comment). */
  post_info: z.looseObject({ ...forumItem(), /** Post id. */ post_id: z.string() }).optional(),
  /** FORUM_REPLY_*: the reply. */
  reply_info: z.looseObject({ ...forumItem(), /** Post id. */ post_id: z.string(), /** Reply id. */ reply_id: z.string() }).optional(),
}));

/** `FORUM_PUBLISH_AUDIT_RESULT`: the audit result of something the bot published in a forum. */
export const ForumAuditResultSchema = z.lazy(() => z.looseObject({
  /** Guild id. */
  guild_id: z.string(),
  /** Forum channel id. */
  channel_id: z.string(),
  /** Author's user id. */
  author_id: z.string(),
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
}));

/**
 * `OPEN_FORUM_*` (public domain, intent OPEN_FORUMS_EVENT): only ids are delivered.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/open_forum.html
 */
export const OpenForumEventSchema = z.lazy(() => z.looseObject({
  /** Guild id. */
  guild_id: z.string(),
  /** Forum channel id. */
  channel_id: z.string(),
  /** Author's user id. */
  author_id: z.string(),
}));
