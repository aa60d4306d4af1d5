import * as z from '../../internal/zod.js';
import { EventTimestampSchema } from '../EventTimestamp.js';

/**
 * `FRIEND_ADD` / `FRIEND_DEL`: a user added or removed the bot. `C2C_MSG_REJECT` / `C2C_MSG_RECEIVE`:
 * the user turned proactive messages off or on.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/user/manage/event.html
 */
export const FriendEventSchema = z.lazy(() =>
  z.looseObject({
    /** The user's openid. */
    openid: z.string(),
    /** When it happened (Unix seconds). */
    timestamp: EventTimestampSchema,
    /** FRIEND_ADD: 1000 default, 1001/1002 search, 1003 group, 1004 Qzone, 2001–2004 share pages/links. */
    scene: z.number().optional(),
    /** FRIEND_ADD: the `callback_data` of the share link that brought the user. */
    scene_param: z.string().optional(),
    /** Cross-app identity. */
    author: z
      .looseObject({
        /** Cross-app id; may be empty. */
        union_openid: z.string().optional(),
      })
      .optional(),
    /** Short code, when the platform sends one. */
    short_code: z.string().optional(),
  }),
);

/**
 * `GROUP_ADD_ROBOT`, `GROUP_DEL_ROBOT`, `GROUP_MSG_REJECT`, `GROUP_MSG_RECEIVE`: the bot was added to
 * or removed from a group, or a member turned its proactive messages off or on.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/group/manage/event.html
 */
export const GroupRobotEventSchema = z.lazy(() =>
  z.looseObject({
    /** The group's openid. */
    group_openid: z.string(),
    /** The member who did it. */
    op_member_openid: z.string(),
    /** When it happened (Unix seconds). */
    timestamp: EventTimestampSchema,
  }),
);
