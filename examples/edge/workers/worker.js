// Cloudflare Workers: `npx wrangler deploy` (see wrangler.toml and docs/webhook.md).
import { createEdgeBot } from '../bot.js';

let handler;

export default {
  /**
   * @param {Request} request
   * @param {Record<string, string>} env - QQBOT_APP_ID (a var) and QQBOT_APP_SECRET (a secret).
   * @param {{ waitUntil(promise: Promise<unknown>): void }} ctx - Keeps the handlers running after the op 12 answer.
   */
  fetch(request, env, ctx) {
    handler ??= createEdgeBot(env);
    return handler(request, ctx);
  },
};
