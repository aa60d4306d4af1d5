import * as z from '../../internal/zod.js';
import { channelShape } from '../../schemas/channel.js';
import { memberShape } from '../../schemas/member.js';
import { userBotShape, userShape } from '../../schemas/user.js';

/**
 * Guild-side objects and request bodies: channels, members, roles, pins, reactions, announces,
 * message settings, mute. Unknown fields pass through.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/guild/get_guild.html
 */

/** A channel (子频道). */
export const ChannelSchema = z.lazy(() =>
  z.looseObject({
    ...channelShape(),
    private_type: z.number().optional(),
    speak_permission: z.number().optional(),
    application_id: z.string().optional(),
    permissions: z.string().optional(),
  }),
);
/** A channel. */
export type Channel = z.output<typeof ChannelSchema>;

/** Body of `POST /guilds/{guild_id}/channels`. */
export const CreateChannelBodySchema = z.lazy(() =>
  z.looseObject({
    name: z.string().min(1),
    type: z.number().int(),
    sub_type: z.number().int().optional(),
    position: z.number().int().optional(),
    parent_id: z.string().optional(),
    private_type: z.number().int().optional(),
    private_user_ids: z.array(z.string()).optional(),
    speak_permission: z.number().int().optional(),
    application_id: z.string().optional(),
  }),
);
/** A create-channel body. */
export type CreateChannelBody = z.input<typeof CreateChannelBodySchema>;

/** Body of `PATCH /channels/{channel_id}` (at least one field). */
export const EditChannelBodySchema = z.lazy(() =>
  z
    .looseObject({
      name: z.string().min(1).optional(),
      position: z.number().int().optional(),
      parent_id: z.string().optional(),
      private_type: z.number().int().optional(),
      speak_permission: z.number().int().optional(),
    })
    .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change', path: ['name'] }),
);
/** An edit-channel body. */
export type EditChannelBody = z.input<typeof EditChannelBodySchema>;

/** A guild member. */
export const MemberSchema = z.lazy(() =>
  z.looseObject({
    user: z.looseObject({ ...userShape(), ...userBotShape() }).optional(),
    ...memberShape(),
  }),
);
/** A guild member. */
export type Member = z.output<typeof MemberSchema>;

/** Body of `DELETE /guilds/{guild_id}/members/{user_id}`. */
export const DeleteMemberBodySchema = z.lazy(() =>
  z.strictObject({
    add_blacklist: z.boolean().optional(),
    delete_history_msg_days: z.union([z.literal(-1), z.literal(0), z.literal(3), z.literal(7), z.literal(15), z.literal(30)]).optional(),
  }),
);
/** A delete-member body. */
export type DeleteMemberBody = z.input<typeof DeleteMemberBodySchema>;

/** Response of `GET /guilds/{guild_id}/roles/{role_id}/members`. */
export const RoleMembersSchema = z.lazy(() => z.looseObject({ data: z.array(MemberSchema), next: z.string().optional() }));
/** A page of role members. */
export type RoleMembers = z.output<typeof RoleMembersSchema>;

/** A guild role. */
export const RoleSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    color: z.number().optional(),
    hoist: z.number().optional(),
    number: z.number().optional(),
    member_limit: z.number().optional(),
  }),
);
/** A role. */
export type Role = z.output<typeof RoleSchema>;

/** Response of `GET /guilds/{guild_id}/roles`. */
export const GuildRolesSchema = z.lazy(() =>
  z.looseObject({
    guild_id: z.string().optional(),
    roles: z.array(RoleSchema),
    role_num_limit: z.string().optional(),
  }),
);
/** The roles of a guild. */
export type GuildRoles = z.output<typeof GuildRolesSchema>;

/** Body of role create / edit. */
export const RoleBodySchema = z.lazy(() =>
  z
    .strictObject({
      name: z.string().min(1).optional(),
      color: z.number().int().nonnegative().optional(),
      hoist: z.union([z.literal(0), z.literal(1)]).optional(),
    })
    .refine((body) => Object.keys(body).length > 0, { message: 'give at least one of name, color, hoist', path: ['name'] }),
);
/** A role body. */
export type RoleBody = z.input<typeof RoleBodySchema>;

/** Response of role create / edit. */
export const RoleMutationResponseSchema = z.lazy(() =>
  z.looseObject({ role_id: z.string().optional(), guild_id: z.string().optional(), role: RoleSchema.optional() }),
);
/** A role mutation response. */
export type RoleMutationResponse = z.output<typeof RoleMutationResponseSchema>;

/** Pinned messages of a channel. */
export const PinsMessageSchema = z.lazy(() =>
  z.looseObject({
    guild_id: z.string().optional(),
    channel_id: z.string().optional(),
    message_ids: z.array(z.string()),
  }),
);
/** Pinned messages. */
export type PinsMessage = z.output<typeof PinsMessageSchema>;

/** Users who reacted with an emoji (paged by `cookie`). */
export const ReactionUsersSchema = z.lazy(() =>
  z.looseObject({
    users: z.array(z.looseObject(userShape())),
    cookie: z.string().optional(),
    is_end: z.boolean().optional(),
  }),
);
/** A page of reaction users. */
export type ReactionUsers = z.output<typeof ReactionUsersSchema>;

/** An announcement. */
export const AnnounceSchema = z.lazy(() =>
  z.looseObject({
    guild_id: z.string().optional(),
    channel_id: z.string().optional(),
    message_id: z.string().optional(),
    announces_type: z.number().optional(),
  }),
);
/** An announcement. */
export type Announce = z.output<typeof AnnounceSchema>;

/** Body of announce creation: a message to promote, or recommended channels. */
export const CreateAnnounceBodySchema = z.lazy(() =>
  z
    .looseObject({
      message_id: z.string().min(1).optional(),
      channel_id: z.string().min(1).optional(),
      announces_type: z.union([z.literal(0), z.literal(1)]).optional(),
      recommend_channels: z
        .array(z.looseObject({ channel_id: z.string().min(1), introduce: z.string() }))
        .max(3)
        .optional(),
    })
    .refine((body) => body.message_id !== undefined || body.recommend_channels !== undefined, {
      message: 'give message_id or recommend_channels',
      path: ['message_id'],
    }),
);
/** An announce body. */
export type CreateAnnounceBody = z.input<typeof CreateAnnounceBodySchema>;

/** Guild message settings. */
export const MessageSettingSchema = z.lazy(() =>
  z.looseObject({
    disable_create_dm: z.boolean().optional(),
    disable_push_msg: z.boolean().optional(),
    channel_ids: z.array(z.string()).optional(),
    channel_push_max_num: z.number().optional(),
  }),
);
/** Guild message settings. */
export type MessageSetting = z.output<typeof MessageSettingSchema>;

/** Body of guild-wide or member mute: an end timestamp or a duration in seconds (as strings); `"0"` unmutes. */
export const MuteBodySchema = z.lazy(() =>
  z
    .strictObject({
      mute_end_timestamp: z.string().regex(/^\d+$/).optional(),
      mute_seconds: z.string().regex(/^\d+$/).optional(),
      user_ids: z.array(z.string().min(1)).min(1).optional(),
    })
    .refine((body) => body.mute_end_timestamp !== undefined || body.mute_seconds !== undefined, {
      message: 'give mute_end_timestamp or mute_seconds',
      path: ['mute_seconds'],
    }),
);
/** A mute body. */
export type MuteBody = z.input<typeof MuteBodySchema>;

/** Channel permissions of a member or role. */
export const ChannelPermissionsSchema = z.lazy(() =>
  z.looseObject({
    channel_id: z.string().optional(),
    user_id: z.string().optional(),
    role_id: z.string().optional(),
    permissions: z.string(),
  }),
);
/** Channel permissions. */
export type ChannelPermissions = z.output<typeof ChannelPermissionsSchema>;

/** Body of channel permission edits: bit sets as strings. */
export const EditChannelPermissionsBodySchema = z.lazy(() =>
  z
    .strictObject({ add: z.string().regex(/^\d+$/).optional(), remove: z.string().regex(/^\d+$/).optional() })
    .refine((body) => body.add !== undefined || body.remove !== undefined, { message: 'give add or remove', path: ['add'] }),
);
/** A channel permission edit body. */
export type EditChannelPermissionsBody = z.input<typeof EditChannelPermissionsBodySchema>;
