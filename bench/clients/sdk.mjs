// qq-sdk as a bot uses it: QQBot with its defaults (validation, dedup, reply rules), messages
// through bot.on('message'), replies with msg.reply().
import { QQBot } from 'qq-sdk';

export const name = 'qq-sdk';

// QQ_BENCH_SDK_FETCH=global runs the same bot on the global fetch (undici) instead of its default
// node:http transport (the sdk-fetch client).
const transport = () => (process.env.QQ_BENCH_SDK_FETCH === 'global' ? { fetch: (input, init) => fetch(input, init) } : {});

// Diagnostics only (never the reported figures): QQ_BENCH_SDK=no-validation turns event validation
// off, QQ_BENCH_SDK=no-dedup gives a dedup store that remembers nothing, to see what each costs.
const variant = () => {
  if (process.env.QQ_BENCH_SDK === 'no-validation') return { validateEvents: false };
  if (process.env.QQ_BENCH_SDK === 'no-dedup') return { dedupStore: { claim: () => true } };
  return {};
};

/** A bot pointed at the simulator, on the transport this client measures. */
function createBot(config) {
  return new QQBot({
    appId: config.appId,
    clientSecret: config.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    apiBaseUrl: config.apiBaseUrl,
    tokenUrl: config.tokenUrl,
    logLevel: 'silent',
    ...transport(),
    ...variant(),
  });
}

/** Connects; resolves once READY. `hooks.onMessage(msg)` gets each normalized message. */
export async function start(config, hooks) {
  const bot = createBot(config);
  bot.on('ready', (event) => hooks.onReady(event.sessionId));
  bot.on('message', (msg) => hooks.onMessage(msg));
  await bot.start();
  return { reply: (msg) => msg.reply('pong'), stop: () => bot.stop() };
}

/** `count` concurrent active sends from a bot that has no token yet (not started). */
export async function concurrentSends(config, count) {
  const bot = createBot(config);
  const target = { scene: 'group', groupOpenid: config.groupOpenid };
  const results = await Promise.allSettled(Array.from({ length: count }, () => bot.send(target, 'hello')));
  return { sent: results.filter((r) => r.status === 'fulfilled').length };
}
