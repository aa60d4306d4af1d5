// Bun: QQBOT_APP_ID=… QQBOT_APP_SECRET=… bun run server.js; see docs/webhook.md.
import { createEdgeBot } from '../bot.js';

const handler = createEdgeBot(Bun.env);
const server = Bun.serve({
  hostname: Bun.env.HOST ?? '0.0.0.0',
  port: Number(Bun.env.PORT ?? 8000),
  fetch: (request) => handler(request),
});
console.log(`listening on http://${server.hostname}:${server.port}`);
