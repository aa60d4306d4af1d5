// Cloudflare Workers: `npx wrangler deploy` (see wrangler.toml and docs/webhook.md).
import { createEdgeBot } from '../bot.js';
import { durableObjectStores } from './BotState.js';

// The Durable Object class must be exported by the Worker's main module.
export { BotState } from './BotState.js';

let handler;

export default {
  /**
   * @param {Request} request
   * @param {Record<string, any>} env - QQBOT_APP_ID (a var), QQBOT_APP_SECRET (a secret) and the BOT_STATE Durable Object namespace.
   * @param {{ waitUntil(promise: Promise<unknown>): void }} ctx - Keeps the handlers running after the op 12 answer.
   */
  fetch(request, env, ctx) {
    handler ??= createEdgeBot(env, env.BOT_STATE ? durableObjectStores(env.BOT_STATE) : {});
    return handler(request, ctx);
  },
};
