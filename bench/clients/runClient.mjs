// Child entry: node runClient.mjs <client> <workload>. Runs one client (raw | sdk | official) on
// one workload (receive | reply | tokens) against the simulator the parent started, and reports
// CPU, wall time, peak RSS and latencies over IPC.
import '../lib/loopbackGuard.mjs';
import { childConfig, reportAndExit } from '../lib/child.mjs';
import { cpuSinceUs, maxRssKB, percentile } from '../lib/stats.mjs';

const [clientName, workload] = process.argv.slice(2);
const config = childConfig();
const client = await import(`./${clientName}.mjs`);

try {
  if (workload === 'tokens') {
    const outcome = await client.concurrentSends(config, config.sends);
    reportAndExit(outcome);
  } else {
    await run();
  }
} catch (error) {
  process.send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
}

async function run() {
  const target = workload === 'receive' ? config.events : config.replies;
  let count = 0;
  let cpuStart;
  let wallStart;
  let readyRssKB = 0;
  let startToReadyMs = 0;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  const latencies = new Float64Array(target);
  let session;
  let sessionId;

  const complete = () => {
    const wallMs = performance.now() - wallStart;
    const cpuUs = cpuSinceUs(cpuStart);
    finish({ cpuUs, wallMs, count, maxRssKB: maxRssKB(), readyRssKB, startToReadyMs, heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20 });
  };
  const trace = process.env.QQ_BENCH_MEMTRACE !== undefined;
  const onReceive = () => {
    count += 1;
    // Diagnostics: where memory sits every 10,000 events.
    if (trace && (count % 10_000 === 0 || (count < 10_000 && count % 1000 === 0) || count === 1 || count === 100 || count === 300)) {
      const m = process.memoryUsage();
      const mb = (v) => (v / 2 ** 20).toFixed(1);
      console.error(
        `${count}: maxRss ${(maxRssKB() / 1024).toFixed(1)} rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}`,
      );
    }
    if (count === 1) wallStart = performance.now();
    if (count === target) complete();
  };
  // One reply per message; latency from the handler's start to the reply's confirmation.
  const onReply = (message) => {
    const began = performance.now();
    if (wallStart === undefined) wallStart = began;
    return session.reply(message).then(
      () => {
        latencies[count] = performance.now() - began;
        count += 1;
        if (count === target) complete();
      },
      (error) => process.send({ error: `reply failed: ${error?.stack ?? error}` }),
    );
  };

  const startedAt = performance.now();
  session = await client.start(config, {
    onReady: (id) => {
      startToReadyMs = performance.now() - startedAt;
      readyRssKB = maxRssKB();
      sessionId = id;
    },
    onMessage: workload === 'receive' ? onReceive : onReply,
  });
  // Measure from here: the parent starts sending once told.
  cpuStart = process.cpuUsage();
  process.send({ ready: sessionId });
  const result = await done;
  if (workload === 'reply') {
    result.p50Ms = percentile(latencies, 50);
    result.p99Ms = percentile(latencies, 99);
  }
  await Promise.race([session.stop(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  reportAndExit(result);
}
