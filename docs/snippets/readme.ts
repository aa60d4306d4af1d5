import { FileSessionStore, messages, QQApiError, QQBot, type Logger } from 'qq-sdk';
import { createRedisStores } from 'qq-sdk/redis';

declare const appId: string;
declare const clientSecret: string;
declare const groupOpenid: string;
declare const pino: Logger;

export async function rest(bot: QQBot): Promise<void> {
  // #region rest
  const me = await bot.api.users.getMe();
  const { file_info } = await bot.api.media.uploadGroup(groupOpenid, { file_type: 'image', url: 'https://example.com/a.png' });
  await bot.api.messages.sendGroup(groupOpenid, { msg_type: 7, content: ' ', media: { file_info } });

  // or let the SDK build, upload and send it, within the reply rules:
  await bot.send({ scene: 'group', groupOpenid }, messages.image('https://example.com/a.png', `from ${me.username}`));
  // #endregion
}

export function gateway(): void {
  // #region gateway
  const bot = new QQBot({
    appId,
    clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    sessionStore: new FileSessionStore('.qq-sdk-sessions'), // resume after a restart, no missed events
  });

  bot.on('GROUP_ADD_ROBOT', async (event, meta) => {
    await bot.send({ scene: 'group', groupOpenid: event.group_openid }, '谢谢邀请！', {
      replyToEvent: { eventId: meta.eventId ?? '', receivedAt: new Date(meta.receivedAt) },
    });
  });
  bot.on('reconnecting', ({ action, attempt, code }, shardId) => console.log(`shard ${shardId}: ${action} #${attempt} after ${code}`));
  bot.on('error', (error) => console.error(error.message)); // a fatal close code: what to fix
  // #endregion
}

export function webhook(): void {
  // #region webhook
  const bot = new QQBot({
    appId,
    clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    transport: 'webhook',
    webhook: { port: 8080, host: '0.0.0.0', path: '/qq/callback' }, // verifies every Ed25519 signature
  });
  bot.on('message', (msg) => msg.reply('收到'));
  // #endregion
}

export async function errors(bot: QQBot): Promise<void> {
  // #region errors
  try {
    await bot.send({ scene: 'group', groupOpenid }, 'hello');
  } catch (error) {
    if (!(error instanceof QQApiError)) throw error;
    // kind: auth | rate_limit | permission | not_found | content_rejected | reply_quota | invalid_request | server | unknown
    console.error(error.kind, error.code, error.traceId, error.message); // the message says what to do
  }
  // #endregion
}

export async function retries(bot: QQBot): Promise<void> {
  // #region retries
  const controller = new AbortController();
  const me = await bot.api.users.getMe({ timeoutMs: 5_000, maxRetries: 0, signal: controller.signal });
  // #endregion
  void me;
}

export function logging(): void {
  // #region logging
  const bot = new QQBot({
    appId,
    clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    logger: pino, // anything with debug/info/warn/error(message, context); secrets are never logged
    logLevel: 'debug',
  });
  // #endregion
  void bot;
}

export function scaling(): void {
  // #region scaling
  const stores = createRedisStores({ redis: 'redis://127.0.0.1:6379', appId }); // or an ioredis client
  const bot = new QQBot({
    appId,
    clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    dedupStore: stores.dedup,
    replyLedger: stores.replyLedger,
    sessionStore: stores.sessions,
    gateway: { shardCount: 16, shards: { from: 0, to: 3 }, identifyThrottler: stores.identifyThrottler },
  });
  // #endregion
  void bot;
}
