/** The channel id this plugin registers with OpenClaw. */
export const CHANNEL_ID = 'qqbot';

/** The label OpenClaw shows for this channel. */
export const CHANNEL_LABEL = 'QQ Bot (Official API)';
