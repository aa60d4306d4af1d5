// Cost of sharing state through Redis, as ratios to the in-memory stores in the same run:
//   dedup   per-event cost of RedisDedupStore.claim (SET NX PX, behind its local layer) vs MemoryDedupStore
//   ledger  per-reply cost of RedisReplyLedgerStore.claim (one Lua INCR step) vs MemoryReplyLedgerStore
// Each is measured one claim at a time (latency: what one event or reply waits) and with 64 claims
// in flight (throughput: what a busy process pays per claim), as wall time and as this process's
// CPU time. A throwaway redis-server runs on 127.0.0.1 (free port, no persistence).
//
//   node redis-stores.bench.mjs [--quick] [--rounds N]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryDedupStore } from 'qq-sdk/events';
import { MemoryReplyLedgerStore } from 'qq-sdk/messaging';
import { RedisDedupStore, RedisReplyLedgerStore } from 'qq-sdk/redis';
import { spread } from './lib/stats.mjs';

// ioredis is qq-sdk's optional peer (installed as its devDependency); resolve it from there.
const { Redis } = createRequire(new URL('../packages/qq-sdk/package.json', import.meta.url))('ioredis');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const ROUNDS = Number(args.includes('--rounds') ? args[args.indexOf('--rounds') + 1] : quick ? 1 : 3);
const CLAIMS = quick ? 5_000 : 20_000;
const IN_FLIGHT = 64;
const APP = '102000000';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function connects(port) {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(200, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => done(true));
  });
}

async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'qq-sdk-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const failed = new Promise((_, reject) => child.once('error', reject));
  for (let i = 0; i < 200 && !(await Promise.race([connects(port), failed])); i++) await new Promise((r) => setTimeout(r, 25));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `claim(i)` for i < CLAIMS with `concurrency` in flight; returns { wallUs, cpuUs } per claim. */
async function measure(claim, concurrency) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < CLAIMS) await claim(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = (performance.now() - start) * 1000;
  const used = process.cpuUsage(cpu);
  return { wallUs: wall / CLAIMS, cpuUs: (used.user + used.system) / CLAIMS };
}

const run = `${process.pid}-${Date.now()}`;
const cases = {
  dedup: {
    memory: () => {
      const store = new MemoryDedupStore();
      return (i) => store.claim(`${APP}:evt-${run}-${i}`, 300_000);
    },
    redis: (redis) => {
      const store = new RedisDedupStore({ redis, appId: APP });
      return (i) => store.claim(`${APP}:evt-${run}-${i}`, 300_000);
    },
  },
  ledger: {
    memory: () => {
      const store = new MemoryReplyLedgerStore();
      return (i) => store.claim(`group:G:msg-${run}-${i}`, 5, 360_000);
    },
    redis: (redis) => {
      const store = new RedisReplyLedgerStore({ redis, appId: APP });
      return (i) => store.claim(`group:G:msg-${run}-${i}`, 5, 360_000);
    },
  },
};

if (spawnSync('redis-server', ['--version']).error) {
  console.log('redis-server not found (Debian: apt-get install redis-server); skipping the Redis store benchmark');
  process.exit(0);
}
const server = await startRedis();
const redis = new Redis(server.url);
try {
  await redis.ping();
  const results = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, stores] of Object.entries(cases)) {
      for (const concurrency of [1, IN_FLIGHT]) {
        for (const kind of ['memory', 'redis']) {
          // A fresh store per measurement, warmed with a few claims of its own.
          const claim = stores[kind](redis);
          for (let i = 0; i < 200; i++) await claim(-1 - i);
          const key = `${name}|${concurrency}|${kind}`;
          (results[key] ??= []).push(await measure(claim, concurrency));
          await redis.flushall();
        }
      }
    }
  }
  const fmt = (us) => (us < 10 ? us.toFixed(2) : us.toFixed(1));
  console.log(
    `redis-server ${(await redis.info('server')).match(/redis_version:(\S+)/)?.[1]} on 127.0.0.1, ${CLAIMS} claims × ${ROUNDS} round(s), median [min–max]`,
  );
  console.log('| store | in flight | memory µs/claim (wall) | Redis µs/claim (wall) | ratio (wall) | memory CPU µs | Redis CPU µs | ratio (CPU) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const name of Object.keys(cases)) {
    for (const concurrency of [1, IN_FLIGHT]) {
      const memory = results[`${name}|${concurrency}|memory`];
      const shared = results[`${name}|${concurrency}|redis`];
      const mw = spread(memory.map((r) => r.wallUs));
      const rw = spread(shared.map((r) => r.wallUs));
      const mc = spread(memory.map((r) => r.cpuUs));
      const rc = spread(shared.map((r) => r.cpuUs));
      console.log(
        `| ${name === 'dedup' ? 'dedup (per event)' : 'reply ledger (per reply)'} | ${concurrency} | ${fmt(mw.median)} | ${fmt(rw.median)} [${fmt(rw.min)}–${fmt(rw.max)}] | ${(rw.median / mw.median).toFixed(0)}× | ${fmt(mc.median)} | ${fmt(rc.median)} | ${(rc.median / mc.median).toFixed(0)}× |`,
      );
    }
  }
} finally {
  redis.disconnect();
  server.stop();
}
