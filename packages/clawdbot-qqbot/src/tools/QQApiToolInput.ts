import * as z from '../config/zod.js';

/** Look-ups the tool always offers. */
export const READ_ACTIONS = [
  'me',
  'current_chat',
  'guilds',
  'guild',
  'channels',
  'channel',
  'members',
  'member',
  'roles',
  'pins',
  'group',
  'group_settings',
] as const;

/** Actions with effects; each runs only when listed in the account's `apiTool.actions`. */
export const WRITE_ACTIONS = ['recall', 'mute', 'pin'] as const;

/** An action with effects. */
export type QQApiWriteAction = (typeof WRITE_ACTIONS)[number];

// Ids travel into URL paths: the SDK encodes them, the pattern keeps the model to id-like values.
const id = z.string().regex(/^[A-Za-z0-9_=-]{1,128}$/, 'an id as QQ sends it (letters, digits, _ = -)');

/**
 * The arguments of `qqbot_api`, checked again in `execute` (the host's validation is TypeBox's
 * compiler over the generated JSON Schema, which coerces; this is the plugin's own boundary).
 */
export const QQApiToolInputSchema = z
  .object({
    action: z
      .enum([...READ_ACTIONS, ...WRITE_ACTIONS])
      .describe(
        "me: the bot itself. current_chat: where this conversation is (scene, ids). guilds: guilds the bot is in. guild / channels / roles: a guild (default: this chat's guild). channel / pins: a guild channel (default: this channel). members / member: guild members (userId for one), or in a QQ group the group's members. group / group_settings: this QQ group's info and chat restrictions. recall: withdraw a message the bot sent in this chat (messageId; QQ allows 2 minutes). mute: mute a member of this guild or group (userId, seconds; 0 unmutes). pin: pin a message in this guild channel (messageId).",
      ),
    guildId: id.optional().describe("Guild id (guild, channels, roles, members, member); default: the current chat's guild."),
    channelId: id.optional().describe('Guild channel id (channel, pins); default: the current channel.'),
    userId: id.optional().describe('Member id (member, mute).'),
    messageId: z.string().min(1).max(256).optional().describe('Message id (recall, pin).'),
    seconds: z.number().int().min(0).max(2_592_000).optional().describe('Mute duration in seconds (mute; 0 unmutes).'),
    limit: z.number().int().min(1).max(100).optional().describe('Most list entries returned (default 20, at most 100).'),
  })
  .strict();

/** Parsed arguments of `qqbot_api`. */
export type QQApiToolInput = z.output<typeof QQApiToolInputSchema>;

/** The JSON Schema the host shows the model and validates calls against. */
export function qqApiToolParameters(): Record<string, unknown> {
  const schema = z.toJSONSchema(QQApiToolInputSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

/** Whether `action` has effects. */
export function isWriteAction(action: QQApiToolInput['action']): action is QQApiWriteAction {
  return (WRITE_ACTIONS as readonly string[]).includes(action);
}
