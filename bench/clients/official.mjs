// The published peer `qq-official-bot`, pointed at the simulator: its axios instance gets the
// simulator as baseURL and its hard-coded token URL is rewritten by a request interceptor (the
// gateway URL then comes from the simulator's /gateway/bot). The loopback guard loaded by the
// child refuses any other destination.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Bot, ReceiverMode } = require('qq-official-bot');
const TOKEN_URL = 'https://bots.qq.com/app/getAppAccessToken';

export const name = 'qq-official-bot';

function createBot(config) {
  const bot = new Bot({
    appid: config.appId,
    secret: config.clientSecret,
    sandbox: false,
    removeAt: true,
    logLevel: 'off',
    maxRetry: 0,
    intents: ['GROUP_AND_C2C_EVENT'],
    mode: ReceiverMode.WEBSOCKET,
  });
  bot.request.defaults.baseURL = config.apiBaseUrl;
  bot.request.interceptors.request.use((request) => {
    if (request.url === TOKEN_URL) request.url = config.tokenUrl;
    // Its text messages leave out msg_type, which the docs mark required and the simulator enforces
    // (22006/50006): supply the documented 0 (text), the only change made to what it sends.
    const body = request.data;
    if (body && typeof body === 'object' && body.msg_type === undefined && typeof body.content === 'string') body.msg_type = 0;
    return request;
  });
  return bot;
}

/** Connects; resolves once READY. `hooks.onMessage(event)` gets each group message event. */
export async function start(config, hooks) {
  const bot = createBot(config);
  bot.on('message', (event) => hooks.onMessage(event));
  await bot.start();
  hooks.onReady(bot.sessionManager.sessionRecord.sessionID);
  return { reply: (event) => event.reply('pong'), stop: () => bot.stop() };
}

/** `count` concurrent active sends (it needs start() for a token first). */
export async function concurrentSends(config, count) {
  const bot = createBot(config);
  await bot.start();
  const results = await Promise.allSettled(Array.from({ length: count }, () => bot.sendGroupMessage(config.groupOpenid, 'hello')));
  await bot.stop();
  return { sent: results.filter((r) => r.status === 'fulfilled').length };
}
