// One stateless webhook replica. Run as many as you like behind a load balancer, all with the same
// REDIS_URL: when the platform re-posts a callback (it retries until it gets an op 12 ACK in time)
// and the retry lands on another replica, the shared dedup store drops it there.
//   QQBOT_APP_ID, QQBOT_APP_SECRET, REDIS_URL, PORT (default 8080)
import { pathToFileURL } from 'node:url';
import { QQBot } from 'qq-sdk';
import { createRedisStores } from 'qq-sdk/redis';
import { handleMessage } from '../echoBot.js';

/** Settings of one replica. */
export interface WebhookReplicaSettings {
  readonly appId: string;
  readonly clientSecret: string;
  readonly redisUrl: string;
  readonly port: number;
}

/** Starts one replica; resolves with a function that stops it. */
export async function startWebhookReplica(settings: WebhookReplicaSettings): Promise<() => Promise<void>> {
  const stores = createRedisStores({ redis: settings.redisUrl, appId: settings.appId });
  const bot = new QQBot({
    appId: settings.appId,
    clientSecret: settings.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    transport: 'webhook',
    // Listen on every interface: the load balancer forwards to this port.
    webhook: { port: settings.port, host: '0.0.0.0' },
    dedupStore: stores.dedup,
    replyLedger: stores.replyLedger,
    tokenCache: stores.tokenCache,
  });
  bot.on('message', handleMessage);
  bot.on('webhookListening', ({ url }) => console.log(`replica listening on ${url}`));
  await bot.start();
  return async () => {
    await bot.stop();
    await stores.close();
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { QQBOT_APP_ID: appId, QQBOT_APP_SECRET: clientSecret, REDIS_URL: redisUrl } = process.env;
  if (!appId || !clientSecret || !redisUrl) throw new Error('set QQBOT_APP_ID, QQBOT_APP_SECRET and REDIS_URL');
  const stop = await startWebhookReplica({ appId, clientSecret, redisUrl, port: Number(process.env['PORT'] ?? 8080) });
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
}
