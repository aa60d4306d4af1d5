// One QQ bot for every fetch runtime (Cloudflare Workers, Deno, Bun): webhook callbacks in, replies
// out over REST, with QQ's reply rules. workers/, deno/ and bun/ each serve it in a few lines.
import { createWebhookHandler, QQBot, ReplyQuotaExceededError, RuntimeFeatures, VERSION } from 'qq-sdk/fetch';

/**
 * Builds the bot from the runtime's environment and returns its request handler.
 *
 * @param {Record<string, string | undefined>} env - QQBOT_APP_ID and QQBOT_APP_SECRET; tests also
 *   set QQBOT_API_BASE_URL and QQBOT_TOKEN_URL to point the bot at the simulator.
 * @param {{ dedupStore?: import('qq-sdk/fetch').DedupStore, replyLedger?: import('qq-sdk/fetch').ReplyLedgerStore }} [stores] -
 *   State shared by every instance of the bot (see workers/BotState.js); in memory when left out.
 * @returns {(request: Request, context?: { waitUntil?(promise: Promise<unknown>): void }) => Promise<Response>}
 */
export function createEdgeBot(env, stores = {}) {
  console.log(`qq-sdk ${VERSION}, ${RuntimeFeatures.build} build, ${stores.replyLedger ? 'shared' : 'in-memory'} state`);
  const bot = new QQBot({
    appId: env.QQBOT_APP_ID ?? '',
    clientSecret: env.QQBOT_APP_SECRET ?? '',
    intents: ['GROUP_AND_C2C_EVENT'],
    // The runtime serves the requests; the bot only answers them.
    transport: 'webhook',
    webhook: { listen: false, ...(stores.dedupStore ? { replayStore: stores.dedupStore } : {}) },
    ...(stores.dedupStore ? { dedupStore: stores.dedupStore } : {}),
    ...(stores.replyLedger ? { replyLedger: stores.replyLedger } : {}),
    ...(env.QQBOT_API_BASE_URL ? { apiBaseUrl: env.QQBOT_API_BASE_URL } : {}),
    ...(env.QQBOT_TOKEN_URL ? { tokenUrl: env.QQBOT_TOKEN_URL } : {}),
  });

  bot.on('message', async (msg) => {
    if (msg.content.trim() !== '/burst') {
      await msg.reply(`pong: ${msg.content.trim()}`);
      return;
    }
    // Shows the reply budget: QQ allows a few passive replies per message, and the next one is
    // refused by qq-sdk before it is sent.
    let sent = 0;
    try {
      for (;;) {
        await msg.reply(`reply ${sent + 1}`);
        sent += 1;
      }
    } catch (error) {
      if (!(error instanceof ReplyQuotaExceededError)) throw error;
      console.log(`reply budget spent after ${sent} replies`);
    }
  });

  const handle = createWebhookHandler(bot);
  // Started on the first request: a Worker may not make requests while its module loads. A failed
  // start (a wrong secret, say) is tried again on the next request.
  let started;
  return async (request, context) => {
    started ??= bot.start().catch((error) => {
      started = undefined;
      throw error;
    });
    await started;
    return handle(request, context);
  };
}
