import * as z from '../../internal/zod.js';

/**
 * Group management shapes. UNCONFIRMED: these invite-only APIs are documented only on the 2026
 * wiki (docs/platform-reference.md#group-management); responses are loose objects so every field the platform sends
 * is kept, and only the fields known from the reference are typed.
 */

/** A loose platform object whose fields are not documented in the sources. */
export const LooseRecordSchema = z.lazy(() => z.looseObject({}));
/** A loose platform object. */
export type LooseRecord = z.output<typeof LooseRecordSchema>;

/** A page of group members; pass `next_cursor` (if present) as the next `cursor`. */
export const GroupMembersPageSchema = z.lazy(() =>
  z.looseObject({
    members: z.array(z.looseObject({ member_openid: z.string().optional() })).optional(),
    next_cursor: z.string().optional(),
  }),
);
/** A page of group members. */
export type GroupMembersPage = z.output<typeof GroupMembersPageSchema>;

/** Body of a join-request decision. */
export const JoinRequestDecisionBodySchema = z.lazy(() =>
  z.strictObject({
    op: z.enum(['approve', 'decline']),
    join_request_id: z.string().min(1),
    reject_reason: z.string().optional(),
    add_to_member_blacklist: z.boolean().optional(),
  }),
);
/** A join-request decision body. */
export type JoinRequestDecisionBody = z.input<typeof JoinRequestDecisionBodySchema>;

/** Body of `POST /v2/generate_url_link`. */
export const GenerateUrlLinkBodySchema = z.lazy(() => z.strictObject({ callback_data: z.string().min(1) }));
/** A generate-URL-link body. */
export type GenerateUrlLinkBody = z.input<typeof GenerateUrlLinkBodySchema>;

/** The longest group mute the platform accepts: 30 days, in seconds. */
export const GROUP_MUTE_MAX_SECONDS = 30 * 24 * 60 * 60;

/** An RFC 3339 date-time with an offset, e.g. `2026-08-31T20:00:00+08:00`. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;

const Rfc3339String = () => z.string().regex(RFC3339, 'must be an RFC 3339 date-time with an offset, e.g. 2026-08-31T20:00:00+08:00');

/**
 * One change of `POST /v2/groups/{group_openid}/restrict_chat_setting`: `add` or `update` mutes
 * `member_openid` until `mute_expire_at` (RFC 3339, at most 30 days ahead; ordinary members only,
 * not the owner, admins or bots), `del` lifts the mute. UNCONFIRMED (platform 2026-08-10, field
 * names from community SDKs).
 */
export const MemberMuteChangeSchema = z.lazy(() =>
  z
    .looseObject({
      op: z.enum(['add', 'update', 'del']),
      member_openid: z.string().min(1),
      /** Mute end, RFC 3339; required for `add` / `update`, may be empty or left out for `del`. */
      mute_expire_at: z.string().optional(),
    })
    .superRefine((change, ctx) => {
      const at = change.mute_expire_at;
      if (change.op === 'del') {
        if (at !== undefined && at !== '' && !RFC3339.test(at)) {
          ctx.addIssue({ code: 'custom', path: ['mute_expire_at'], message: 'must be empty or an RFC 3339 date-time' });
        }
        return;
      }
      if (at === undefined || !RFC3339.test(at)) {
        ctx.addIssue({
          code: 'custom',
          path: ['mute_expire_at'],
          message: `is required for op '${change.op}' as an RFC 3339 date-time, e.g. 2026-08-31T20:00:00+08:00`,
        });
        return;
      }
      const seconds = (Date.parse(at) - Date.now()) / 1000;
      if (Number.isNaN(seconds)) {
        ctx.addIssue({ code: 'custom', path: ['mute_expire_at'], message: 'is not a valid date-time' });
      } else if (seconds > GROUP_MUTE_MAX_SECONDS) {
        ctx.addIssue({
          code: 'custom',
          path: ['mute_expire_at'],
          message: `is more than 30 days ahead (${Math.ceil(seconds / 86_400)} days); the platform mutes for 30 days at most`,
        });
      }
    }),
);
/** One member mute change. */
export type MemberMuteChange = z.input<typeof MemberMuteChangeSchema>;

/**
 * Body of `POST /v2/groups/{group_openid}/restrict_chat_setting`: 1 to 20 member changes.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_group_openid_restrict_chat_setting.post.html
 */
export const SetRestrictChatSettingBodySchema = z.lazy(() =>
  z.looseObject({
    members: z.array(MemberMuteChangeSchema).min(1).max(20, 'at most 20 members per call'),
  }),
);
/** A `POST …/restrict_chat_setting` body. */
export type SetRestrictChatSettingBody = z.input<typeof SetRestrictChatSettingBodySchema>;

/**
 * Response of `GET /v2/groups/{group_openid}/restrict_chat_setting`: the group-wide rule
 * (`mode` with one-off `schedule_rules` and weekly `recurring_rules`) and the members muted now.
 * UNCONFIRMED field names (community SDKs).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_group_openid_restrict_chat_setting.get.html
 */
export const RestrictChatSettingSchema = z.lazy(() =>
  z.looseObject({
    global_rule: z
      .looseObject({
        mode: z.string().optional(),
        schedule_rules: z.array(z.looseObject({})).optional(),
        recurring_rules: z.array(z.looseObject({})).optional(),
      })
      .optional(),
    members: z
      .array(
        z.looseObject({
          member_openid: z.string().optional(),
          /** RFC 3339. */
          mute_expire_at: z.string().optional(),
          username: z.string().optional(),
          union_openid: z.string().optional(),
        }),
      )
      .optional(),
  }),
);
/** A group's mute settings. */
export type RestrictChatSetting = z.output<typeof RestrictChatSettingSchema>;

/**
 * Response of `GET /v2/groups/{group_openid}/join_request_list`: pending requests in `list`
 * (each with the `join_request_id` a decision needs) and `next_cursor`. UNCONFIRMED field names.
 */
export const JoinRequestListSchema = z.lazy(() =>
  z.looseObject({
    list: z
      .array(
        z.looseObject({
          join_request_id: z.string().optional(),
          member_openid: z.string().optional(),
          username: z.string().optional(),
          apply_at: z.string().optional(),
        }),
      )
      .optional(),
    next_cursor: z.string().optional(),
  }),
);
/** A page of join requests. */
export type JoinRequestList = z.output<typeof JoinRequestListSchema>;

/** QQ group numbers: strings (or numbers) of digits. */
const GroupIdList = () =>
  z
    .array(z.union([z.string().regex(/^\d+$/u, 'must be a QQ group number (digits)'), z.number().int().positive()]))
    .min(1)
    .max(100, 'at most 100 groups');
const GroupOpenidList = () => z.array(z.string().min(1)).min(1).max(100, 'at most 100 groups');

/**
 * Body of `POST /v2/groups/join_approval_strategy`: a strategy approves join requests from its
 * whitelisted QQ numbers in its groups (the bot must be a group admin). Exactly one of
 * `group_openids` / `group_ids` (QQ group numbers), at most 100; `is_enable` defaults to `on`,
 * `expire_at` (RFC 3339) to one year ahead. A bot has at most 20 strategies. UNCONFIRMED
 * (platform 2026-08-10, field names from community SDKs).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy.post.html
 */
export const CreateJoinApprovalStrategyBodySchema = z.lazy(() =>
  z
    .looseObject({
      group_openids: GroupOpenidList().optional(),
      group_ids: GroupIdList().optional(),
      is_enable: z.enum(['on', 'off']).optional(),
      expire_at: Rfc3339String().optional(),
      remark: z.string().max(255).optional(),
    })
    .superRefine((body, ctx) => {
      if ((body.group_openids === undefined) === (body.group_ids === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['group_openids'], message: 'give exactly one of group_openids and group_ids' });
      }
    }),
);
/** A strategy-creation body. */
export type CreateJoinApprovalStrategyBody = z.input<typeof CreateJoinApprovalStrategyBodySchema>;

/**
 * Body of `PATCH /v2/groups/join_approval_strategy/{strategy_id}`: any of `is_enable`,
 * `expire_at`, `remark`, and `group_action` to add or remove groups (identified the same way as
 * at creation).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy_strategy_id.patch.html
 */
export const UpdateJoinApprovalStrategyBodySchema = z.lazy(() =>
  z
    .looseObject({
      is_enable: z.enum(['on', 'off']).optional(),
      expire_at: Rfc3339String().optional(),
      remark: z.string().max(255).optional(),
      group_action: z
        .looseObject({
          op: z.enum(['add', 'del']),
          group_openids: GroupOpenidList().optional(),
          group_ids: GroupIdList().optional(),
        })
        .superRefine((action, ctx) => {
          if ((action.group_openids === undefined) === (action.group_ids === undefined)) {
            ctx.addIssue({ code: 'custom', path: ['group_openids'], message: 'give exactly one of group_openids and group_ids' });
          }
        })
        .optional(),
    })
    .superRefine((body, ctx) => {
      if (Object.values(body).every((value) => value === undefined)) {
        ctx.addIssue({ code: 'custom', path: [], message: 'change at least one of is_enable, expire_at, remark, group_action' });
      }
    }),
);
/** A strategy-update body. */
export type UpdateJoinApprovalStrategyBody = z.input<typeof UpdateJoinApprovalStrategyBodySchema>;

/**
 * Body of `POST /v2/groups/join_approval_strategy/{strategy_id}/whitelist_users`: add or remove
 * QQ numbers (as strings, up to 10000 per call; a strategy holds up to 100000).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy_strategy_id_whitelist_users.post.html
 */
export const StrategyWhitelistBodySchema = z.lazy(() =>
  z.looseObject({
    op: z.enum(['add', 'del']),
    whitelist_users: z.array(z.string().regex(/^\d+$/u, 'must be a QQ number (digits, as a string)')).min(1).max(10_000, 'at most 10000 per call'),
  }),
);
/** A whitelist change body. */
export type StrategyWhitelistBody = z.input<typeof StrategyWhitelistBodySchema>;

/** Query of `GET /v2/groups/join_approval_strategy` (`limit` 1–100, default 20). */
export const ListJoinApprovalStrategiesQuerySchema = z.lazy(() =>
  z.strictObject({
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }),
);
/** A strategy-list query. */
export type ListJoinApprovalStrategiesQuery = z.input<typeof ListJoinApprovalStrategiesQuerySchema>;

/** A join-approval strategy as the platform returns it (`group_ids` may come back masked). */
export const JoinApprovalStrategySchema = z.lazy(() =>
  z.looseObject({
    strategy_id: z.string(),
    group_openids: z.array(z.string()).optional(),
    group_ids: z.array(z.union([z.string(), z.number()])).optional(),
    whitelist_user_count: z.number().optional(),
    /** `on` or `off`. */
    is_enable: z.string().optional(),
    /** RFC 3339. */
    expire_at: z.string().optional(),
    created_at: z.string().optional(),
    updated_at: z.string().optional(),
    remark: z.string().optional(),
  }),
);
/** A join-approval strategy. */
export type JoinApprovalStrategy = z.output<typeof JoinApprovalStrategySchema>;

/** Response of `GET /v2/groups/join_approval_strategy`: newest first, then `next_cursor`. */
export const JoinApprovalStrategyListSchema = z.lazy(() =>
  z.looseObject({
    strategies: z.array(JoinApprovalStrategySchema).optional(),
    next_cursor: z.string().optional(),
  }),
);
/** A page of strategies. */
export type JoinApprovalStrategyList = z.output<typeof JoinApprovalStrategyListSchema>;

/** Response of creating a strategy: its id, `is_enable` and `expire_at`. */
export const JoinApprovalStrategyCreatedSchema = z.lazy(() =>
  z.looseObject({
    strategy_id: z.string(),
    is_enable: z.string().optional(),
    expire_at: z.string().optional(),
  }),
);
/** A new strategy's id and state. */
export type JoinApprovalStrategyCreated = z.output<typeof JoinApprovalStrategyCreatedSchema>;

/** Response of updating a strategy: its `is_enable` and `expire_at` after the change. */
export const JoinApprovalStrategyStateSchema = z.lazy(() =>
  z.looseObject({
    is_enable: z.string().optional(),
    expire_at: z.string().optional(),
  }),
);
/** A strategy's state after a change. */
export type JoinApprovalStrategyState = z.output<typeof JoinApprovalStrategyStateSchema>;

/** Response of a whitelist change: the strategy's whitelist size after it. */
export const StrategyWhitelistResultSchema = z.lazy(() =>
  z.looseObject({
    strategy_id: z.string().optional(),
    whitelist_user_count: z.number().optional(),
    updated_at: z.string().optional(),
  }),
);
/** A whitelist change result. */
export type StrategyWhitelistResult = z.output<typeof StrategyWhitelistResultSchema>;

/**
 * Body of `POST /v2/groups/{group_openid}/batch_remove_members`: at most 20 members per call, and
 * whether to blacklist them too. UNCONFIRMED field names (the 2026 wiki's autogen API, as community
 * clients send it); other fields pass through.
 */
export const BatchRemoveMembersBodySchema = z.lazy(() =>
  z.looseObject({
    /** The members to remove (1–20). */
    member_openids: z.array(z.string().min(1)).min(1, 'give at least one member_openid').max(20, 'at most 20 members per call'),
    /** Also put them on the group's blacklist. */
    add_to_member_blacklist: z.boolean().optional(),
  }),
);
/** A batch member removal. */
export type BatchRemoveMembersBody = z.input<typeof BatchRemoveMembersBodySchema>;

/** The answer to a batch member removal (UNCONFIRMED: as community clients read it). */
export const BatchRemoveMembersResultSchema = z.lazy(() =>
  z.looseObject({
    /** `"success"` when every member was removed. */
    remove_members_result: z.string().optional(),
    /** Members that could not be blacklisted. */
    add_to_member_blacklist_fail_openids: z.array(z.string()).optional(),
  }),
);
/** The result of a batch member removal. */
export type BatchRemoveMembersResult = z.output<typeof BatchRemoveMembersResultSchema>;

/**
 * Body of `POST /v2/groups/{group_openid}/member_blacklist`: add members to the blacklist or take
 * them off it, at most 20 per call. UNCONFIRMED field names (as community clients send them).
 */
export const UpdateMemberBlacklistBodySchema = z.lazy(() =>
  z.looseObject({
    /** `add` puts members on the blacklist, `del` takes them off. */
    op: z.enum(['add', 'del']),
    /** The members (1–20). */
    member_openids: z.array(z.string().min(1)).min(1, 'give at least one member_openid').max(20, 'at most 20 members per call'),
  }),
);
/** A blacklist update. */
export type UpdateMemberBlacklistBody = z.input<typeof UpdateMemberBlacklistBodySchema>;

/** The answer to a blacklist update (UNCONFIRMED). */
export const UpdateMemberBlacklistResultSchema = z.lazy(() =>
  z.looseObject({
    /** Members the update failed for. */
    fail_openids: z.array(z.string()).optional(),
  }),
);
/** The result of a blacklist update. */
export type UpdateMemberBlacklistResult = z.output<typeof UpdateMemberBlacklistResultSchema>;
