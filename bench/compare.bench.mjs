// qq-sdk side by side with a raw baseline and the published Node peers, on identical work against
// the simulator (this process), each client in its own child process (clients/runClient.mjs).
// Every workload runs on every shape (lib/shapes.mjs: 1 group, 16 groups, 1,000 groups, C2C):
//   receive  EVENTS message events through the client's message event
//   reply    REPLIES messages each answered with one reply, at most 50 unanswered at a time
//   start    start → READY (from every receive run)
//   tokens   token requests made under 1,000 concurrent sends
// The peers run on PEER_SHAPES only (time). In each round, per shape and workload, the clients run
// back to back (the order alternates between rounds), and each ratio to raw is taken within that
// round; a figure is the median over rounds with min/max. Writes docs/benchmarks.md + .svg.
//
//   node compare.bench.mjs [--quick] [--rounds N] [--clients raw,sdk,...] [--shapes 1-group,c2c]
//                          [--peer-shapes all|1000-groups,...] [--workloads receive,reply,tokens] [--no-write]
// QQ_BENCH_QUICK=1 is --quick.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { QQSimulator } from 'qq-sdk/testing';
import { runChild } from './lib/child.mjs';
import { renderReport } from './lib/report.mjs';
import { PEER_SHAPES, SHAPES, floodShape } from './lib/shapes.mjs';
import { spread } from './lib/stats.mjs';

const WINDOW = 50;
const args = process.argv.slice(2);
const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const quick = args.includes('--quick') || process.env.QQ_BENCH_QUICK === '1';
const EVENTS = quick ? 20_000 : 100_000;
const REPLIES = quick ? 4_000 : 20_000;
const SENDS = 1_000;
const ROUNDS = Number(option('--rounds', quick ? 1 : 5));
const CLIENTS = option('--clients', 'raw,sdk,sdk-fetch,official').split(',');
const SHAPE_KEYS = option('--shapes', SHAPES.map((s) => s.key).join(',')).split(',');
const shapes = SHAPES.filter((s) => SHAPE_KEYS.includes(s.key));
const peerShapeOption = option('--peer-shapes', PEER_SHAPES.join(','));
const peerShapes = peerShapeOption === 'all' ? SHAPES.map((s) => s.key) : peerShapeOption.split(',');
// Diagnostics: --workloads receive (or reply) runs only that one and writes nothing.
const WORKLOADS = option('--workloads', 'receive,reply,tokens').split(',');
const partial = WORKLOADS.length < 3 || !CLIENTS.includes('raw') || !CLIENTS.includes('sdk') || shapes.length < SHAPES.length;
const CLIENT_SCRIPT = fileURLToPath(new URL('./clients/runClient.mjs', import.meta.url));
const LABELS = {
  raw: 'raw (ws + JSON.parse, http keep-alive)',
  sdk: 'qq-sdk',
  'sdk-fetch': 'qq-sdk, fetch: global fetch',
  official: 'qq-official-bot',
};
// raw and qq-sdk run every shape; the others only the peer shapes.
const runsOn = (client, shape) => client === 'raw' || client === 'sdk' || peerShapes.includes(shape.key);

async function withSimulator(options, fn) {
  const sim = await QQSimulator.start({
    logLevel: 'silent',
    sessionStartLimit: { total: 10_000, remaining: 10_000 },
    ...options,
  });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

const configFor = (sim, extra) => ({
  appId: sim.appId,
  clientSecret: sim.clientSecret,
  tokenUrl: sim.tokenUrl,
  apiBaseUrl: sim.url,
  ...extra,
});

function receive(client, shape) {
  return withSimulator({}, (sim) =>
    runChild(CLIENT_SCRIPT, [client, 'receive'], configFor(sim, { events: EVENTS }), {
      label: `${client} receive ${shape.label}`,
      onMessage: (message) => (message.ready !== undefined ? floodShape(sim, shape, message.ready, EVENTS) : undefined),
    }),
  );
}

// Injects replyable messages from the shape's senders in turn, keeping at most WINDOW unanswered.
async function feed(sim, shape, total) {
  let injected = 0;
  while (injected < total) {
    const open = injected - sim.sentMessages.length;
    if (open >= WINDOW) {
      await sim.waitFor((s) => injected - s.sentMessages.length < WINDOW, { timeoutMs: 30_000, description: 'replies to come back' });
      continue;
    }
    for (let room = WINDOW - open; room > 0 && injected < total; room--, injected++) {
      sim.inject(shape.type, { content: ' ping', ...shape.partial(injected % shape.senders) });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function reply(client, shape) {
  return withSimulator({}, async (sim) => {
    const result = await runChild(CLIENT_SCRIPT, [client, 'reply'], configFor(sim, { replies: REPLIES }), {
      label: `${client} reply ${shape.label}`,
      onMessage: (message) => (message.ready !== undefined ? feed(sim, shape, REPLIES) : undefined),
    });
    const scene = shape.type === 'C2C_MESSAGE_CREATE' ? 'c2c' : 'group';
    const passive = sim.sentMessages.filter((m) => m.passive && m.scene === scene).length;
    if (passive !== REPLIES) throw new Error(`${client} reply ${shape.label}: the simulator accepted ${passive} passive ${scene} replies, expected ${REPLIES}`);
    return result;
  });
}

function tokens(client) {
  return withSimulator({ allowActiveMessages: true }, async (sim) => {
    const outcome = await runChild(CLIENT_SCRIPT, [client, 'tokens'], configFor(sim, { sends: SENDS, groupOpenid: 'BENCHGROUP' }), {
      label: `${client} tokens`,
    });
    return { ...outcome, tokenRequests: sim.tokenRequests };
  });
}

// runs[shape][workload][client] = one result per round (undefined where the client did not run).
const runs = Object.fromEntries(shapes.map((s) => [s.key, { receive: {}, reply: {} }]));
const started = performance.now();
const rate = (r) => r.count / (r.wallMs / 1000);
for (let round = 0; round < ROUNDS; round++) {
  // Alternate who goes first, so drifting load from other processes does not favour one client.
  const order = round % 2 === 0 ? CLIENTS : [...CLIENTS].reverse();
  for (const shape of shapes) {
    for (const workload of ['receive', 'reply'].filter((w) => WORKLOADS.includes(w))) {
      for (const client of order.filter((c) => runsOn(c, shape))) {
        const r = await (workload === 'receive' ? receive(client, shape) : reply(client, shape));
        (runs[shape.key][workload][client] ??= [])[round] = r;
        if (process.env.QQ_BENCH_VERBOSE) console.log(JSON.stringify(r));
        const head = `round ${round + 1} ${shape.label.padEnd(12)} ${client.padEnd(9)}`;
        console.log(
          workload === 'receive'
            ? `${head} receive ${(r.cpuUs / r.count).toFixed(2)} µs/event, ${Math.round(rate(r))} events/s, RSS ${(r.maxRssKB / 1024).toFixed(1)} MB, start→READY ${r.startToReadyMs.toFixed(0)} ms`
            : `${head} reply   ${Math.round(rate(r))} replies/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${(r.cpuUs / r.count).toFixed(1)} µs CPU/reply, RSS ${(r.maxRssKB / 1024).toFixed(1)} MB`,
        );
      }
    }
  }
}
const tokenRuns = {};
for (const client of WORKLOADS.includes('tokens') ? CLIENTS.filter((c) => c === 'sdk' || c === 'official') : []) {
  tokenRuns[client] = await tokens(client);
  console.log(
    `${client.padEnd(8)} tokens  ${tokenRuns[client].tokenRequests} token request(s) for ${SENDS} concurrent sends (${tokenRuns[client].sent} accepted)`,
  );
}

if (!CLIENTS.includes('raw')) process.exit(0);

// What each metric reads from one run.
const READ = {
  receiveCpuUs: (r) => r.cpuUs / r.count,
  receiveRate: rate,
  receiveRssMB: (r) => r.maxRssKB / 1024,
  startToReadyMs: (r) => r.startToReadyMs,
  replyRate: rate,
  replyP50Ms: (r) => r.p50Ms,
  replyP99Ms: (r) => r.p99Ms,
  replyCpuUs: (r) => r.cpuUs / r.count,
  replyRssMB: (r) => r.maxRssKB / 1024,
};
const WORKLOAD_OF = { receiveCpuUs: 'receive', receiveRate: 'receive', receiveRssMB: 'receive', startToReadyMs: 'receive' };

// metrics[shape][client][metric] = { value: {median,min,max}, ratio: {median,min,max} | undefined },
// the ratio being this client's figure over raw's in the same round and shape.
const metrics = {};
for (const shape of shapes) {
  metrics[shape.key] = {};
  for (const client of CLIENTS.filter((c) => runsOn(c, shape))) {
    const entry = {};
    for (const [metric, read] of Object.entries(READ)) {
      const workload = WORKLOAD_OF[metric] ?? 'reply';
      const mine = runs[shape.key][workload][client] ?? [];
      const raws = runs[shape.key][workload].raw ?? [];
      const values = mine.filter(Boolean).map(read);
      const ratios = mine.flatMap((r, round) => (r && raws[round] ? [read(r) / read(raws[round])] : []));
      entry[metric] = { value: spread(values), ratio: client === 'raw' ? undefined : spread(ratios) };
    }
    metrics[shape.key][client] = entry;
  }
}
// start → READY does not depend on the shape: pooled over every receive run, paired per round and shape.
const ready = {};
for (const client of CLIENTS) {
  const values = [];
  const ratios = [];
  for (const shape of shapes) {
    const mine = runs[shape.key].receive[client] ?? [];
    const raws = runs[shape.key].receive.raw ?? [];
    mine.forEach((r, round) => {
      if (!r) return;
      values.push(r.startToReadyMs);
      if (raws[round]) ratios.push(r.startToReadyMs / raws[round].startToReadyMs);
    });
  }
  if (values.length > 0) ready[client] = { value: spread(values), ratio: client === 'raw' ? undefined : spread(ratios), samples: values.length };
}

// One line per shape and client: the median ratio to raw of each metric that ran.
for (const shape of shapes) {
  for (const client of CLIENTS.filter((c) => c !== 'raw' && runsOn(c, shape))) {
    const parts = Object.entries(metrics[shape.key][client])
      .filter(([, m]) => m.ratio.median !== undefined)
      .map(([metric, m]) => `${metric} ${m.ratio.median.toFixed(2)}×`);
    console.log(`ratios ${shape.label.padEnd(12)} ${client.padEnd(9)} ${parts.join(', ')}`);
  }
}
if (partial) process.exit(0);

const cpus = os.cpus();
const machine = {
  cpu: `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}`,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  load: os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' '),
};
const peerVersions = {};
for (const peer of ['qq-official-bot', 'qq-guild-bot']) {
  try {
    const { createRequire } = await import('node:module');
    peerVersions[peer] = createRequire(import.meta.url)(`${peer}/package.json`).version;
  } catch {
    peerVersions[peer] = 'not installed';
  }
}
const { markdown, svg, verdicts } = renderReport({
  clients: CLIENTS,
  labels: LABELS,
  shapes,
  runsOn,
  metrics,
  ready,
  tokenRuns,
  counts: { events: EVENTS, replies: REPLIES, sends: SENDS, rounds: ROUNDS, window: WINDOW, quick },
  machine,
  peerVersions,
  elapsedS: (performance.now() - started) / 1000,
});
console.log(`\n${verdicts.join('\n')}`);
if (!args.includes('--no-write')) {
  writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), markdown);
  writeFileSync(new URL('../docs/benchmarks.svg', import.meta.url), svg);
  console.log('wrote docs/benchmarks.md and docs/benchmarks.svg');
}
