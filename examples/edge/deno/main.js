// Deno: deno run --allow-net --allow-env=QQBOT_APP_ID,QQBOT_APP_SECRET,HOST,PORT main.js
// (on Deno Deploy, main.js is the entry point); see docs/webhook.md.
import { createEdgeBot } from '../bot.js';

const NAMES = ['QQBOT_APP_ID', 'QQBOT_APP_SECRET', 'QQBOT_API_BASE_URL', 'QQBOT_TOKEN_URL'];
const env = Object.fromEntries(NAMES.map((name) => [name, Deno.env.get(name)]));
const handler = createEdgeBot(env);

Deno.serve(
  {
    hostname: Deno.env.get('HOST') ?? '0.0.0.0',
    port: Number(Deno.env.get('PORT') ?? 8000),
    onListen: ({ hostname, port }) => console.log(`listening on http://${hostname}:${port}`),
  },
  (request) => handler(request),
);
