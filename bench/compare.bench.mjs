// qq-sdk side by side with a raw baseline and the published Node peers, on identical work against
// the simulator (this process), each client in its own child process (clients/runClient.mjs):
//   receive  100,000 GROUP_AT_MESSAGE_CREATE through the client's message event
//   reply    20,000 messages each answered with one reply, at most 50 unanswered at a time
//   start    start → READY (from the receive runs)
//   tokens   token requests made under 1,000 concurrent sends
// Rounds run every client in the same launch order; each figure is the median of the rounds with
// min/max, and a ratio to raw from the same invocation. Writes docs/benchmarks.md + .svg.
//
//   node compare.bench.mjs [--quick] [--rounds N] [--clients raw,sdk,official] [--no-write]
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { QQSimulator } from 'qq-sdk/testing';
import { runChild } from './lib/child.mjs';
import { renderReport } from './lib/report.mjs';
import { spread } from './lib/stats.mjs';

const TYPE = 'GROUP_AT_MESSAGE_CREATE';
const WINDOW = 50;
const args = process.argv.slice(2);
const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const quick = args.includes('--quick');
const EVENTS = quick ? 20_000 : 100_000;
const REPLIES = quick ? 4_000 : 20_000;
const SENDS = 1_000;
// Replies go to messages from this many groups in turn (a bot in many groups): qq-sdk queues REST
// calls per route and group, so a single group would measure that queue, not the SDK's cost.
const GROUPS = Number(option('--groups', 1000));
const ROUNDS = Number(option('--rounds', quick ? 1 : 3));
const CLIENTS = option('--clients', 'raw,sdk,sdk-fetch,official').split(',');
// Diagnostics: --workloads receive (or reply) runs only that one and writes nothing.
const WORKLOADS = option('--workloads', 'receive,reply,tokens').split(',');
const partial = WORKLOADS.length < 3 || !CLIENTS.includes('raw');
const CLIENT_SCRIPT = fileURLToPath(new URL('./clients/runClient.mjs', import.meta.url));
const LABELS = {
  raw: 'raw (ws + JSON.parse, http keep-alive)',
  sdk: 'qq-sdk',
  'sdk-fetch': 'qq-sdk, fetch: global fetch',
  official: 'qq-official-bot',
};

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

function receive(client) {
  return withSimulator({}, (sim) =>
    runChild(CLIENT_SCRIPT, [client, 'receive'], configFor(sim, { events: EVENTS }), {
      label: `${client} receive`,
      onMessage: (message) => (message.ready !== undefined ? sim.flood(TYPE, EVENTS, { sessionId: message.ready }) : undefined),
    }),
  );
}

// Injects replyable messages, keeping at most WINDOW of them unanswered.
async function feed(sim, total) {
  let injected = 0;
  while (injected < total) {
    const open = injected - sim.sentMessages.length;
    if (open >= WINDOW) {
      await sim.waitFor((s) => injected - s.sentMessages.length < WINDOW, { timeoutMs: 30_000, description: 'replies to come back' });
      continue;
    }
    for (let room = WINDOW - open; room > 0 && injected < total; room--, injected++) {
      const group = `BENCHGROUP${String(injected % GROUPS).padStart(4, '0')}`;
      sim.inject(TYPE, { content: ' ping', group_openid: group, group_id: group });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function reply(client) {
  return withSimulator({}, async (sim) => {
    const result = await runChild(CLIENT_SCRIPT, [client, 'reply'], configFor(sim, { replies: REPLIES }), {
      label: `${client} reply`,
      onMessage: (message) => (message.ready !== undefined ? feed(sim, REPLIES) : undefined),
    });
    const passive = sim.sentMessages.filter((m) => m.passive).length;
    if (passive !== REPLIES) throw new Error(`${client} reply: the simulator accepted ${passive} passive replies, expected ${REPLIES}`);
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

const runs = Object.fromEntries(CLIENTS.map((c) => [c, { receive: [], reply: [] }]));
const started = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const client of WORKLOADS.includes('receive') ? CLIENTS : []) {
    const r = await receive(client);
    runs[client].receive.push(r);
    if (process.env.QQ_BENCH_VERBOSE) console.log(JSON.stringify(r));
    console.log(
      `round ${round + 1} ${client.padEnd(8)} receive ${(r.cpuUs / r.count).toFixed(2)} µs/event, ${Math.round(r.count / (r.wallMs / 1000))} events/s, RSS ${(r.maxRssKB / 1024).toFixed(1)} MB, start→READY ${r.startToReadyMs.toFixed(0)} ms`,
    );
  }
  for (const client of WORKLOADS.includes('reply') ? CLIENTS : []) {
    const r = await reply(client);
    runs[client].reply.push(r);
    console.log(
      `round ${round + 1} ${client.padEnd(8)} reply   ${Math.round(r.count / (r.wallMs / 1000))} replies/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${(r.cpuUs / r.count).toFixed(1)} µs CPU/reply, RSS ${(r.maxRssKB / 1024).toFixed(1)} MB`,
    );
  }
}
const tokenRuns = {};
for (const client of WORKLOADS.includes('tokens') ? CLIENTS.filter((c) => c === 'sdk' || c === 'official') : []) {
  tokenRuns[client] = await tokens(client);
  console.log(
    `${client.padEnd(8)} tokens  ${tokenRuns[client].tokenRequests} token request(s) for ${SENDS} concurrent sends (${tokenRuns[client].sent} accepted)`,
  );
}

if (partial) process.exit(0);

// Per client: every metric as { median, min, max }.
const metrics = {};
for (const client of CLIENTS) {
  const rec = runs[client].receive;
  const rep = runs[client].reply;
  metrics[client] = {
    receiveCpuUs: spread(rec.map((r) => r.cpuUs / r.count)),
    receiveRate: spread(rec.map((r) => r.count / (r.wallMs / 1000))),
    receiveRssMB: spread(rec.map((r) => r.maxRssKB / 1024)),
    startToReadyMs: spread(rec.map((r) => r.startToReadyMs)),
    replyRate: spread(rep.map((r) => r.count / (r.wallMs / 1000))),
    replyP50Ms: spread(rep.map((r) => r.p50Ms)),
    replyP99Ms: spread(rep.map((r) => r.p99Ms)),
    replyCpuUs: spread(rep.map((r) => r.cpuUs / r.count)),
    replyRssMB: spread(rep.map((r) => r.maxRssKB / 1024)),
  };
}

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
  metrics,
  tokenRuns,
  counts: { events: EVENTS, replies: REPLIES, sends: SENDS, rounds: ROUNDS, window: WINDOW, groups: GROUPS, quick },
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
