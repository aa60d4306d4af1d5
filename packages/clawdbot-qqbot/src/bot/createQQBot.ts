import { answerClawConfigQuery, Intents, isClawConfigQuery, parseClawConfigUpdate, QQBot, type IntentName } from 'qq-sdk';
import type { BotFactory } from './QQBotPort.js';

/**
 * The production {@link BotFactory}: qq-sdk's `QQBot` facade behind the plugin's narrow port.
 * The only module that constructs SDK clients.
 */
export const createQQBot: BotFactory = (options) => {
  const bot = new QQBot({
    appId: options.appId,
    clientSecret: options.clientSecret,
    // Config is untyped JSON: Intents.from rejects unknown names with a typed error naming them.
    intents: Intents.from(options.intents as readonly IntentName[]).bitfield,
    transport: options.transport,
    ...(options.sandbox !== undefined ? { sandbox: options.sandbox } : {}),
    ...(options.apiBaseUrl !== undefined ? { apiBaseUrl: options.apiBaseUrl } : {}),
    ...(options.tokenUrl !== undefined ? { tokenUrl: options.tokenUrl } : {}),
    ...(options.proxy !== undefined ? { proxy: options.proxy } : {}),
    ...(options.allowedDomains !== undefined ? { allowedDomains: options.allowedDomains } : {}),
    ...(options.webhook !== undefined
      ? {
          webhook: {
            ...(options.webhook.listen !== undefined ? { listen: options.webhook.listen } : {}),
            ...(options.webhook.host !== undefined ? { host: options.webhook.host } : {}),
            ...(options.webhook.port !== undefined ? { port: options.webhook.port } : {}),
            ...(options.webhook.path !== undefined ? { path: options.webhook.path } : {}),
          },
        }
      : {}),
    logger: options.logger,
  });
  return {
    onMessage: (handler) => void bot.on('message', handler),
    onLifecycle: (handler) => {
      bot.on('ready', () => handler({ type: 'ready' }));
      bot.on('webhookListening', () => handler({ type: 'ready' }));
      bot.on('resumed', () => handler({ type: 'resumed' }));
      bot.on('reconnecting', (event) => handler({ type: 'reconnecting', reason: `${event.reason} (close ${event.code}); ${event.action === 'resume' ? 'resuming' : 're-identifying'}, attempt ${event.attempt}` }));
      // A gateway error means the shard stopped for good (bad token, intents, bot banned/offline).
      bot.on('error', (error) => handler({ type: 'error', error, fatal: true }));
    },
    onClawConfig: (settings) =>
      void bot.on('INTERACTION_CREATE', async (event) => {
        const update = parseClawConfigUpdate(event);
        if (!update && !isClawConfigQuery(event)) return;
        await answerClawConfigQuery(bot.api, event, () => settings(event.group_openid, update));
      }),
    start: () => bot.start(),
    stop: () => bot.stop(),
    panels: bot.api.panels,
    api: bot.api,
    webhookReceiver: () => bot.webhookReceiver,
    send: (target, content, signal) => bot.send(target, content, signal ? { signal } : {}),
  };
};
