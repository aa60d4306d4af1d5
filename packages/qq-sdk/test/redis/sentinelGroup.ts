// A throwaway Sentinel setup on 127.0.0.1 for the tests: one master, one replica and one
// redis-sentinel (quorum 1, down after 500 ms) watching them as `mymaster`.
import { Redis } from 'ioredis';
import { RedisServer } from './redisServer.js';

export const MASTER_NAME = 'mymaster';

/** Polls `check` every 50 ms until it returns true; throws after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `action` on a short-lived plain connection to `port` (administration, not the code under test). */
export async function onNode<T>(port: number, action: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return await action(redis);
  } finally {
    redis.disconnect();
  }
}

/** The `field:value` lines of an INFO answer as a map. */
export function parseInfo(info: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of info.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  return fields;
}

/** A master, its replica and a Sentinel, all owned by the test; {@link SentinelGroup.stop} kills them. */
export class SentinelGroup {
  readonly master: RedisServer;
  readonly replica: RedisServer;
  readonly sentinel: RedisServer;

  private constructor(master: RedisServer, replica: RedisServer, sentinel: RedisServer) {
    this.master = master;
    this.replica = replica;
    this.sentinel = sentinel;
  }

  /** Starts the three processes and waits until the Sentinel knows the replica is in sync. */
  static async start(): Promise<SentinelGroup> {
    const servers: RedisServer[] = [];
    try {
      // Full syncs start at once (Redis 7 waits 5 s for more replicas by default).
      const master = await RedisServer.start({ config: ['repl-diskless-sync-delay 0'] });
      servers.push(master);
      const replica = await RedisServer.start({ config: [`replicaof 127.0.0.1 ${master.port}`] });
      servers.push(replica);
      await waitUntil('the replica to sync', async () => {
        const info = parseInfo(await onNode(replica.port, (redis) => redis.info('replication')));
        return info.get('master_link_status') === 'up';
      });
      const sentinel = await RedisServer.start({
        sentinel: true,
        config: [
          `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${master.port} 1`,
          `sentinel down-after-milliseconds ${MASTER_NAME} 500`,
          `sentinel failover-timeout ${MASTER_NAME} 5000`,
        ],
      });
      servers.push(sentinel);
      const group = new SentinelGroup(master, replica, sentinel);
      await waitUntil('the Sentinel to discover the replica', async () => {
        const replicas = await onNode(sentinel.port, (redis) => redis.call('SENTINEL', 'REPLICAS', MASTER_NAME));
        return JSON.stringify(replicas).includes(`"port","${replica.port}"`) && !JSON.stringify(replicas).includes('disconnected');
      });
      return group;
    } catch (error) {
      await Promise.all(servers.map((server) => server.stop()));
      throw error;
    }
  }

  /** Where an ioredis client finds the master. */
  get sentinels(): { host: string; port: number }[] {
    return [{ host: '127.0.0.1', port: this.sentinel.port }];
  }

  /** The port the Sentinel currently names as master. */
  async masterPort(): Promise<number> {
    const address = await onNode(this.sentinel.port, (redis) => redis.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER_NAME));
    return Array.isArray(address) ? Number(address[1]) : Number.NaN;
  }

  /**
   * Cuts the replica off its master (it keeps failing to authenticate), so writes from now on
   * exist only on the master: what a failover loses when the master dies before replicating.
   */
  async stopReplication(): Promise<void> {
    await onNode(this.replica.port, async (redis) => {
      await redis.config('SET', 'masteruser', 'nobody-here');
      await redis.config('SET', 'masterauth', 'wrong');
      await redis.call('CLIENT', 'KILL', 'TYPE', 'master');
    });
    await waitUntil('the replica to lose its master link', async () => {
      const info = parseInfo(await onNode(this.replica.port, (redis) => redis.info('replication')));
      return info.get('master_link_status') === 'down';
    });
  }

  /** Kills every process and removes their directories. */
  async stop(): Promise<void> {
    await Promise.all([this.sentinel.stop(), this.replica.stop(), this.master.stop()]);
  }
}
