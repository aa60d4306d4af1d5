import { readFileSync } from 'node:fs';
import { createQQBot } from './bot/createQQBot.js';
import { CHANNEL_LABEL, PLUGIN_ID } from './constants.js';
import type { HostPluginApi, HostPluginRuntime } from './host/HostTypes.js';
import type { AccountRegistry } from './gateway/AccountRegistry.js';
import { createQQBotChannelPlugin, type QQBotChannelPlugin } from './plugin.js';
import { createQQApiToolFactory, QQ_API_TOOL_NAME } from './tools/createQQApiTool.js';
import { sharedAccountRegistry } from './tools/sharedAccountRegistry.js';
import { mountWebhookRoutes } from './webhook/mountWebhookRoutes.js';
import { registerReminders } from './reminders/registerReminders.js';
import { WebhookRoutes } from './webhook/WebhookRoutes.js';

/** The object OpenClaw loads from the package entry: `register(api)` registers the `qqbot` channel. */
export interface QQBotPluginEntry {
  /** The plugin id, `qqbot`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** One-line description. */
  readonly description: string;
  /** Schema of `plugins.entries.qqbot.config` (empty: everything lives in `channels.qqbot`). */
  readonly configSchema: Readonly<Record<string, unknown>>;
  /** The channel plugin this entry registers. */
  readonly channelPlugin: QQBotChannelPlugin;
  /** Called by the host at load. */
  register(api: HostPluginApi): void;
}

/**
 * Builds the plugin entry. A plain object, not `defineChannelPluginEntry`, so the package imports
 * nothing from the host at runtime and loads on every host line from 2026.7 on. Nothing here
 * reads the environment or touches the network until the host starts an account.
 */
export function createPluginEntry(): QQBotPluginEntry {
  let runtime: HostPluginRuntime | undefined;
  const webhookRoutes = new WebhookRoutes();
  // Shared with the agent tool, which calls QQ through the running account's bot.
  const registry: AccountRegistry = sharedAccountRegistry();
  const channelPlugin = createQQBotChannelPlugin({
    createBot: createQQBot,
    sources: {
      // Read lazily, only for accounts configured with `useEnv`.
      env: () => process.env,
      readFile: (path) => readFileSync(path, 'utf8'),
    },
    runtime: () => runtime?.channel,
    pluginRuntime: () => runtime,
    webhookRoutes,
    registry,
  });
  return {
    id: PLUGIN_ID,
    name: CHANNEL_LABEL,
    description: 'QQ Bot (Official API) channel for OpenClaw, built on qq-sdk',
    configSchema: { type: 'object', additionalProperties: false, properties: {} },
    channelPlugin,
    register(api) {
      runtime = api.runtime;
      api.registerChannel({ plugin: channelPlugin });
      // Webhook accounts take QQ's callbacks on the gateway's own HTTP server.
      mountWebhookRoutes(api, webhookRoutes);
      // The agent's qqbot_api tool, offered in QQ turns only (the factory returns null elsewhere).
      api.registerTool?.(createQQApiToolFactory(registry), { name: QQ_API_TOOL_NAME });
      // The agent's qqbot_remind tool, over the host's scheduler; reminder runs are logged.
      registerReminders(api, registry);
    },
  };
}
