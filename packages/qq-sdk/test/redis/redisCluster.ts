// A throwaway 3-master Redis Cluster on 127.0.0.1 for the tests: three redis-server processes with
// cluster mode on, slots split between them, joined with CLUSTER MEET (what
// `redis-cli --cluster create --cluster-replicas 0` does, without needing redis-cli).
import { Cluster, Redis } from 'ioredis';
import { RedisServer } from './redisServer.js';

const SLOTS = 16384;

/** A running cluster the test owns; {@link RedisCluster.stop} kills every node. */
export class RedisCluster {
  readonly nodes: readonly RedisServer[];

  private constructor(nodes: readonly RedisServer[]) {
    this.nodes = nodes;
  }

  /** Starts `size` masters and waits (at most 20 s) until every node reports `cluster_state:ok`. */
  static async start(size = 3): Promise<RedisCluster> {
    const config = ['cluster-enabled yes', 'cluster-config-file nodes.conf', 'cluster-node-timeout 2000'];
    const started = await Promise.allSettled(Array.from({ length: size }, () => RedisServer.start({ config })));
    const nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const cluster = new RedisCluster(nodes);
    try {
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      await cluster.#form();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** Where a `Cluster` client starts (it discovers the rest). */
  get startupNodes(): { host: string; port: number }[] {
    return this.nodes.map((node) => ({ host: '127.0.0.1', port: node.port }));
  }

  /** A cluster client for the tests: one retry per command, quick reconnects. */
  client(): Cluster {
    return new Cluster(this.startupNodes, { redisOptions: { maxRetriesPerRequest: 1 }, clusterRetryStrategy: () => 100 });
  }

  /** Empties every master (FLUSHALL on a cluster client reaches only one node). */
  async flush(): Promise<void> {
    await this.#eachNode((redis) => redis.flushall());
  }

  /** Every key on every node, with the node's port. */
  async keys(): Promise<{ key: string; port: number }[]> {
    const perNode = await this.#eachNode(async (redis, port) => (await redis.keys('*')).map((key) => ({ key, port })));
    return perNode.flat();
  }

  /** The hash slot Redis computes for `key`. */
  async slotOf(key: string): Promise<number> {
    const [first] = await this.#eachNode((redis) => redis.call('CLUSTER', 'KEYSLOT', key));
    return Number(first);
  }

  /** Kills every node and removes its directory. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
  }

  async #form(): Promise<void> {
    const per = Math.ceil(SLOTS / this.nodes.length);
    await this.#eachNode(async (redis, _port, index) => {
      const slots = [];
      for (let slot = index * per; slot < Math.min(SLOTS, (index + 1) * per); slot++) slots.push(slot);
      await redis.call('CLUSTER', 'ADDSLOTS', ...slots);
    });
    const [first, ...others] = this.nodes;
    if (!first) throw new Error('a cluster needs at least one node');
    await this.#eachNode(async (redis, port) => {
      if (port !== first.port) await redis.call('CLUSTER', 'MEET', '127.0.0.1', String(first.port));
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const infos = await this.#eachNode((redis) => redis.call('CLUSTER', 'INFO'));
      const ready = infos.every(
        (info) =>
          String(info).includes('cluster_state:ok') &&
          String(info).includes(`cluster_known_nodes:${others.length + 1}`) &&
          String(info).includes(`cluster_slots_ok:${SLOTS}`),
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`the cluster did not reach cluster_state:ok within 20 s:\n${infos.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // One short-lived plain connection per node (cluster administration is per node).
  async #eachNode<T>(action: (redis: Redis, port: number, index: number) => Promise<T>): Promise<T[]> {
    return Promise.all(
      this.nodes.map(async (node, index) => {
        const redis = new Redis(node.port, '127.0.0.1', { maxRetriesPerRequest: 1, retryStrategy: () => null });
        redis.on('error', () => {});
        try {
          return await action(redis, node.port, index);
        } finally {
          redis.disconnect();
        }
      }),
    );
  }
}
