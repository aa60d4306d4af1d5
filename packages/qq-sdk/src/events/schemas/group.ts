import * as z from '../../internal/zod.js';
import { EventTimestampSchema } from '../EventTimestamp.js';

/**
 * `GROUP_MEMBER_ADD` / `GROUP_MEMBER_REMOVE`: someone joined or left a group the bot is in
 * (intent GROUP_MEMBER_EVENT).
 */
export const GroupMemberEventSchema = z.lazy(() =>
  z.looseObject({
    /** The group's openid. */
    group_openid: z.string(),
    /** The member's openid in the group. */
    member_openid: z.string(),
    /** The user's openid; may be empty. */
    user_openid: z.string().optional(),
    /** When it happened (Unix seconds). */
    timestamp: EventTimestampSchema,
  }),
);

/** `GROUP_JOIN_REQUEST`: a user asked to join a group where the bot is an admin. */
export const GroupJoinRequestSchema = z.lazy(() =>
  z.looseObject({
    /** The group's openid. */
    group_openid: z.string(),
    /** Id to approve or reject the request with. */
    join_request_id: z.string(),
    /** The applicant's openid in the group. */
    member_openid: z.string().optional(),
    /** The applicant's cross-app id. */
    union_openid: z.string().optional(),
    /** The applicant's nickname. */
    username: z.string().optional(),
    /** When the request was made. */
    apply_at: EventTimestampSchema.optional(),
    /** `self_apply` or `invited`. */
    apply_source: z.string().optional(),
    /** Who invited the applicant. */
    invited_by: z.string().optional(),
    /** Whether the applicant is a bot. */
    bot: z.boolean().optional(),
    /** Risk hints from the platform. */
    risk_tips: z.string().optional(),
    /** How the group verifies applicants and what they answered. */
    verify_info: z
      .looseObject({
        /** Verification method. */
        method: z.string().optional(),
        /** The applicant's message. */
        verify_message: z.string().optional(),
        /** Questions and answers. */
        review_qa_list: z.array(z.looseObject({ question: z.string().optional(), answer: z.string().optional() })).optional(),
      })
      .optional(),
    /** Set when a strategy approved the request automatically. */
    auto_approved: z.looseObject({ strategy_id: z.string().optional() }).optional(),
  }),
);

/** `SUBSCRIBE_MESSAGE_STATUS`: a user or group allowed or denied subscription (template) messages. */
export const SubscribeMessageStatusSchema = z.lazy(() =>
  z.looseObject({
    /** C2C: the user's openid. */
    openid: z.string().optional(),
    /** Group: the group's openid. */
    group_openid: z.string().optional(),
    /** One entry per template. */
    result: z.array(
      z.looseObject({
        /** Template id. */
        template_id: z.string().optional(),
        /** Your custom template id. */
        custom_template_id: z.string().optional(),
        /** 1 allowed, 2 denied. */
        op: z.number().optional(),
        /** Subscription id. */
        subscribe_id: z.string().optional(),
        /** When the user subscribed (Unix seconds). */
        subscribe_ts: EventTimestampSchema.optional(),
        /** When it last changed (Unix seconds). */
        update_ts: EventTimestampSchema.optional(),
      }),
    ),
  }),
);

/**
 * `ENTER_AIO`: a user opened the chat window with the bot. UNCONFIRMED: the payload is undocumented,
 * so every field is optional.
 */
export const EnterAioSchema = z.lazy(() =>
  z.looseObject({
    /** The user's openid. */
    openid: z.string().optional(),
    /** When it happened. */
    timestamp: EventTimestampSchema.optional(),
  }),
);
