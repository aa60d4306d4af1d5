// One process of a bot run as 4 processes × 4 shards (16 shards in all) sharing one Redis.
// Start four of these with SHARD_PROCESS=0..3 (launchShards.ts does it), each with:
//   QQBOT_APP_ID, QQBOT_APP_SECRET   the bot's credentials
//   REDIS_URL                        e.g. redis://127.0.0.1:6379/0, the same for every process
//   QQBOT_API_BASE_URL, QQBOT_TOKEN_URL   optional: point at a simulator instead of the platform
import { pathToFileURL } from 'node:url';
import { QQBot } from 'qq-sdk';
import { createRedisStores } from 'qq-sdk/redis';
import { handleMessage } from '../echoBot.js';

/** The fleet layout: how many processes, and how many shards each runs. */
export const SHARD_LAYOUT = { processes: 4, shardsPerProcess: 4 } as const;

/** The shards process `index` runs: 0 → 0..3, 1 → 4..7, 2 → 8..11, 3 → 12..15. */
export function shardRange(index: number): { from: number; to: number } {
  const from = index * SHARD_LAYOUT.shardsPerProcess;
  return { from, to: from + SHARD_LAYOUT.shardsPerProcess - 1 };
}

/** Settings of one shard process. */
export interface ShardProcessSettings {
  readonly index: number;
  readonly appId: string;
  readonly clientSecret: string;
  readonly redisUrl: string;
  readonly apiBaseUrl?: string;
  readonly tokenUrl?: string;
}

/** Starts the shards of process `index`; resolves with a function that stops them. */
export async function startShardProcess(settings: ShardProcessSettings): Promise<() => Promise<void>> {
  // Every store is namespaced by appId, so several bots can share the Redis.
  const stores = createRedisStores({ redis: settings.redisUrl, appId: settings.appId });
  const bot = new QQBot({
    appId: settings.appId,
    clientSecret: settings.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    ...(settings.apiBaseUrl !== undefined ? { apiBaseUrl: settings.apiBaseUrl } : {}),
    ...(settings.tokenUrl !== undefined ? { tokenUrl: settings.tokenUrl } : {}),
    // A redelivered event is handled once by the whole fleet.
    dedupStore: stores.dedup,
    // Replies to one message share one 5-reply budget and one msg_seq sequence.
    replyLedger: stores.replyLedger,
    // A shard restarted here or in another process resumes its session.
    sessionStore: stores.sessions,
    // One token request per refresh for the whole fleet.
    tokenCache: stores.tokenCache,
    gateway: {
      shardCount: SHARD_LAYOUT.processes * SHARD_LAYOUT.shardsPerProcess,
      shards: shardRange(settings.index),
      // max_concurrency identifies per 5 s for the whole fleet, not per process.
      identifyThrottler: stores.identifyThrottler,
    },
  });
  bot.on('message', handleMessage);
  bot.on('ready', (_event, shardId) => console.log(`process ${settings.index}: shard ${shardId} ready`));
  await bot.start();
  return async () => {
    await bot.stop();
    await stores.close();
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name} (see the comment at the top of shardedBot.ts)`);
  return value;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const apiBaseUrl = process.env['QQBOT_API_BASE_URL'];
  const tokenUrl = process.env['QQBOT_TOKEN_URL'];
  const stop = await startShardProcess({
    index: Number(required('SHARD_PROCESS')),
    appId: required('QQBOT_APP_ID'),
    clientSecret: required('QQBOT_APP_SECRET'),
    redisUrl: required('REDIS_URL'),
    ...(apiBaseUrl !== undefined ? { apiBaseUrl } : {}),
    ...(tokenUrl !== undefined ? { tokenUrl } : {}),
  });
  process.send?.({ ready: Number(process.env['SHARD_PROCESS']) });
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
}
