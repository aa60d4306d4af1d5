import * as z from '../../internal/zod.js';
import { EventTimestampSchema } from '../EventTimestamp.js';

/**
 * The `claw_cfg` of a claw-settings update (`INTERACTION_CREATE` with `data.type` 2002): the
 * settings the group's owner or admins changed in the QQ client. Loose: unknown fields pass, and a
 * field in another type than the string seen is kept as it came.
 */
export const ClawConfigUpdateSchema = z.lazy(() =>
  z.looseObject({
    /** `'mention'` (answer only when @-mentioned) or `'always'`. */
    require_mention: z.unknown().optional(),
    /** The group policy. */
    group_policy: z.unknown().optional(),
    /** Mention patterns, comma-separated. */
    mention_patterns: z.unknown().optional(),
    /** The online state. */
    online_state: z.unknown().optional(),
  }),
);

/**
 * `INTERACTION_CREATE`: a button was clicked, a quick menu used, feedback given, etc. Acknowledge it
 * quickly through the REST interaction endpoint.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/trans/msg-btn.html
 */
export const InteractionSchema = z.lazy(() =>
  z.looseObject({
    /** Interaction id; pass it to the acknowledge endpoint. */
    id: z.string(),
    /** 11 button, 12 C2C quick menu, 13 feedback, 14 clear session, 15 story, 16 switch model, 18–20 authorization. */
    type: z.number(),
    /** `c2c`, `group` or `guild`. */
    scene: z.string().optional(),
    /** 0 guild, 1 group, 2 C2C. */
    chat_type: z.number().optional(),
    /** When it happened (RFC 3339). */
    timestamp: EventTimestampSchema.optional(),
    /** Guild id (guild scene). */
    guild_id: z.string().optional(),
    /** Channel id (guild scene). */
    channel_id: z.string().optional(),
    /** The user's openid (C2C scene). */
    user_openid: z.string().optional(),
    /** The group's openid (group scene). */
    group_openid: z.string().optional(),
    /** The member's openid (group scene). */
    group_member_openid: z.string().optional(),
    /** The bot's app id. */
    application_id: z.string().optional(),
    /** Interaction version. */
    version: z.number().optional(),
    /** What was interacted with. */
    data: z
      .looseObject({
        /**
         * Usually the outer `type`; 2001 a claw-settings query and 2002 a claw-settings update
         * from the group's settings page (answer both with `data: { claw_cfg }`).
         */
        type: z.number().optional(),
        /** Details, depending on `type`. */
        resolved: z
          .looseObject({
            /** The clicked button's `data`. */
            button_data: z.string().optional(),
            /** The clicked button's id. */
            button_id: z.string().optional(),
            /** The user's id (guild). */
            user_id: z.string().optional(),
            /** Quick-menu feature id. */
            feature_id: z.string().optional(),
            /** The message the button belongs to. */
            message_id: z.string().optional(),
            /** Feedback option. */
            feedback_opt: z.string().optional(),
            /** Checkbox state. */
            checked: z.number().optional(),
            /** Action name. */
            action: z.string().optional(),
            /** Authorization details (types 18–20). */
            authorize_data: z.looseObject({}).optional(),
            /**
             * The settings a claw-settings update (`data.type` 2002) changes; only the changed
             * fields are sent. UNCONFIRMED shape (docs/platform-reference.md#late-2026).
             */
            claw_cfg: ClawConfigUpdateSchema.optional(),
          })
          .optional(),
      })
      .optional(),
  }),
);
