// Runs the 4 × 4 sharded bot: forks shardedBot.js four times (SHARD_PROCESS=0..3), all sharing the
// Redis at REDIS_URL. With --simulator it also starts the offline QQ platform simulator (16 shards,
// max_concurrency 2), points the processes at it and reports when every shard is READY.
//
//   REDIS_URL=redis://127.0.0.1:6379 node dist/scaling/launchShards.js --simulator
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { QQSimulator } from 'qq-sdk/testing';
import { SHARD_LAYOUT } from './shardedBot.js';

const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const script = fileURLToPath(new URL('./shardedBot.js', import.meta.url));
const useSimulator = process.argv.includes('--simulator');

const sim = useSimulator
  ? await QQSimulator.start({
      shards: SHARD_LAYOUT.processes * SHARD_LAYOUT.shardsPerProcess,
      sessionStartLimit: { max_concurrency: 2 },
      enforceMaxConcurrency: true,
    })
  : undefined;
const credentials = sim ? { QQBOT_APP_ID: sim.appId, QQBOT_APP_SECRET: sim.clientSecret, QQBOT_API_BASE_URL: sim.url, QQBOT_TOKEN_URL: sim.tokenUrl } : {};

const children: ChildProcess[] = [];
const ready: Promise<void>[] = [];
for (let index = 0; index < SHARD_LAYOUT.processes; index++) {
  const child = fork(script, { env: { ...process.env, ...credentials, REDIS_URL: redisUrl, SHARD_PROCESS: String(index) } });
  children.push(child);
  ready.push(
    new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`shard process ${index} exited (code ${code}) before it was ready`)));
    }),
  );
}

try {
  await Promise.all(ready);
} catch (error) {
  for (const child of children) child.kill('SIGTERM');
  await sim?.close();
  throw error;
}
console.log(`all ${SHARD_LAYOUT.processes} processes are up`);
if (sim) {
  const refused = sim.identifies.filter((identify) => !identify.result.ok).length;
  console.log(`simulator: ${sim.sessions.length} sessions, ${sim.identifies.length} identifies (${refused} refused), ${sim.tokenRequests} token requests`);
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  await sim.close();
} else {
  process.once('SIGINT', () => {
    for (const child of children) child.kill('SIGTERM');
  });
}
