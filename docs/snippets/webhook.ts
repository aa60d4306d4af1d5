import { QQBot } from 'qq-sdk';
import { createWebhookHandler, expressWebhook, honoWebhook, koaWebhook } from 'qq-sdk/webhook';

declare const appId: string;
declare const clientSecret: string;
// The frameworks' own types are not installed here; these are the parts the guide uses.
declare const app: { post(path: string, handler: ReturnType<typeof expressWebhook>): void; listen(port: number): void };
declare const koa: {
  use(middleware: (ctx: Parameters<ReturnType<typeof koaWebhook>>[0] & { path: string }, next: () => Promise<void>) => Promise<void>): void;
};
declare const bot: QQBot;
declare const hono: { post(path: string, handler: ReturnType<typeof honoWebhook>): void };

export async function ownServer(): Promise<void> {
  // #region own-server
  const bot = new QQBot({
    appId,
    clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    transport: 'webhook',
    webhook: { port: 8080, host: '0.0.0.0', path: '/qq/callback' },
  });
  bot.on('message', (msg) => msg.reply('收到'));
  bot.on('webhookListening', ({ url }) => console.log(`callbacks at ${url}`));
  await bot.start();
  // #endregion
}

export async function mounted(): Promise<void> {
  // #region mounted
  const bot = new QQBot({
    appId,
    clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    transport: 'webhook',
    webhook: { listen: false }, // your server receives the callbacks
  });
  bot.on('message', (msg) => msg.reply('收到'));

  app.post('/qq/callback', expressWebhook(bot)); // before express.json(): signatures cover the raw body
  app.listen(8080);
  await bot.start();
  // #endregion
}

// #region other-frameworks
// Koa: the middleware answers every request it gets, so route it
const qq = koaWebhook(bot);
koa.use((ctx, next) => (ctx.path === '/qq/callback' ? qq(ctx) : next()));

// Hono (Node, Bun, Deno, Workers)
hono.post('/qq/callback', honoWebhook(bot));

// Any fetch-style runtime: Bun.serve, Deno.serve, Cloudflare Workers, Next.js route handlers
const handle = createWebhookHandler(bot);
export default { fetch: (request: Request) => handle(request) };
// #endregion
