import { Intents, QQBot, type IntentName } from 'qq-sdk';
import { type InteractionEvent } from 'qq-sdk/events';
import { answerClawConfigQuery, isClawConfigQuery, parseClawConfigUpdate } from 'qq-sdk/messaging';
import type { BotFactory, ButtonClick } from './QQBotPort.js';

/** Button type of `INTERACTION_CREATE` (others: quick menu, feedback, claw settings…). */
const BUTTON_INTERACTION = 11;

/** A C2C or group button click, or `undefined` for every other interaction. */
function toButtonClick(event: InteractionEvent, eventId: string, receivedAt: number): ButtonClick | undefined {
  if (event.type !== BUTTON_INTERACTION) return undefined;
  const base = { interactionId: event.id, eventId, receivedAt: new Date(receivedAt), buttonData: event.data?.resolved?.button_data };
  if (event.group_openid !== undefined && event.group_member_openid !== undefined) {
    return { ...base, target: { scene: 'group', groupOpenid: event.group_openid }, userOpenid: event.group_member_openid };
  }
  if (event.user_openid !== undefined && event.group_openid === undefined && event.guild_id === undefined) {
    return { ...base, target: { scene: 'c2c', openid: event.user_openid }, userOpenid: event.user_openid };
  }
  return undefined;
}

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
      bot.on('reconnecting', (event) =>
        handler({
          type: 'reconnecting',
          reason: `${event.reason} (close ${event.code}); ${event.action === 'resume' ? 'resuming' : 're-identifying'}, attempt ${event.attempt}`,
        }),
      );
      // A gateway error means the shard stopped for good (bad token, intents, bot banned/offline).
      bot.on('error', (error) => handler({ type: 'error', error, fatal: true }));
    },
    onClawConfig: (settings) =>
      void bot.on('INTERACTION_CREATE', async (event) => {
        const update = parseClawConfigUpdate(event);
        if (!update && !isClawConfigQuery(event)) return;
        await answerClawConfigQuery(bot.api, event, () => settings(event.group_openid, update));
      }),
    onButtonClick: (handler) =>
      void bot.on('INTERACTION_CREATE', async (event, meta) => {
        const click = toButtonClick(event, meta.eventId ?? event.id, meta.receivedAt);
        if (click === undefined) return;
        const code = handler(click);
        // Acknowledged before anything slow runs: the client's spinner waits only a few seconds.
        if (code !== undefined) await bot.api.interactions.acknowledge(event.id, code);
      }),
    replyToEvent: (target, event, content) => bot.send(target, content, { replyToEvent: event }),
    start: () => bot.start(),
    stop: () => bot.stop(),
    panels: bot.api.panels,
    api: bot.api,
    webhookReceiver: () => bot.webhookReceiver,
    send: (target, content, signal) => bot.send(target, content, signal ? { signal } : {}),
  };
};
