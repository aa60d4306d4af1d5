import { DEFAULT_REPLY_RULES } from 'qq-sdk/messaging';

/** The channel id this plugin registers with OpenClaw (see docs/openclaw.md for why `qqbot`). */
export const CHANNEL_ID = 'qqbot';

/**
 * The plugin id (`plugins.entries.<id>`): the channel id, as the host's own qqbot plugin used, so
 * hosts that start only the owner of channel `qqbot` (2026.7.x) start this one. See docs/openclaw.md.
 */
export const PLUGIN_ID = 'qqbot';

/** The label OpenClaw shows for this channel. */
export const CHANNEL_LABEL = 'QQ Bot (Official API)';

/** The id of the account configured at the top level of `channels.qqbot`. */
export const DEFAULT_ACCOUNT_ID = 'default';

/**
 * The most replies one answer uses in any scene: the group limit, the largest the platform sets
 * (C2C allows fewer; guild scenes set none, and an answer in more messages floods the channel).
 */
export const MAX_REPLIES_PER_MESSAGE: number = DEFAULT_REPLY_RULES.group.maxReplies;
