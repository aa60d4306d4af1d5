import { CHANNEL_ID, CHANNEL_LABEL, PLUGIN_ID } from '../constants.js';
import { QQ_API_TOOL_NAME } from '../tools/createQQApiTool.js';
import { REMIND_TOOL_NAME } from '../tools/createRemindTool.js';
import { channelConfigJsonSchema } from './channelConfigJsonSchema.js';

/**
 * The content of `openclaw.plugin.json`, which OpenClaw reads before running any plugin code.
 * `preferOver` lets this plugin win the `qqbot` channel over the catalog's `openclaw-qqbot` when
 * that one is only enabled by default.
 */
export function pluginManifest(): Record<string, unknown> {
  return {
    id: PLUGIN_ID,
    name: CHANNEL_LABEL,
    description: 'QQ Bot (Official API) channel: C2C, groups, guild channels and guild DMs through qq-sdk.',
    channels: [CHANNEL_ID],
    activation: { onStartup: true },
    // Every tool registered with api.registerTool must be named here.
    contracts: { tools: [QQ_API_TOOL_NAME, REMIND_TOOL_NAME] },
    // Skills the agent reads (skills/<name>/SKILL.md), shipped in the package.
    skills: ['./skills'],
    configSchema: { type: 'object', additionalProperties: false, properties: {} },
    channelConfigs: {
      [CHANNEL_ID]: {
        label: CHANNEL_LABEL,
        description: 'QQ Bot API conversation channel (qq-sdk).',
        preferOver: ['openclaw-qqbot'],
        schema: channelConfigJsonSchema(),
      },
    },
  };
}
