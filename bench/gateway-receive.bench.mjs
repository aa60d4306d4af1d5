// Gateway receive cost: 100,000 GROUP_AT_MESSAGE_CREATE events from the simulator, received by
//   raw  a plain `ws` client that identifies and JSON.parses every frame (the floor), and
//   sdk  GatewayManager + EventDispatcher with validation and dedup on (what a bot runs),
// each in its own child process (so CPU and peak RSS are the client's alone; the simulator runs in
// this process). Rounds alternate raw/sdk and the median of each is reported, with ratios to raw.
// Targets: sdk CPU per event ≤ 1.5× raw, peak RSS ≤ 1.2× raw.
//
// Both clients fetch the app token (and the sdk /gateway/bot) the same way, twice over:
//   fetch  the global fetch, as each does by default (the targets' run), and
//   http   node:http (lib/nodeHttpFetch.mjs): no undici in either process, whose ~25 MB start-up
//          spike otherwise sits in both peaks and makes the RSS ratio look smaller.
//
//   node gateway-receive.bench.mjs [--quick] [--rounds N] [--transport fetch|http]
//   QQ_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node gateway-receive.bench.mjs --rounds 1
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { childConfig, reportAndExit, runChild as runBenchChild } from './lib/child.mjs';
import { nodeHttpFetch } from './lib/nodeHttpFetch.mjs';
import { cpuSinceUs, maxRssKB, median } from './lib/stats.mjs';

const TYPE = 'GROUP_AT_MESSAGE_CREATE';
const INTENTS = 1 << 25; // GROUP_AND_C2C_EVENT
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const EVENTS = quick ? 20_000 : 100_000;
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : quick ? 1 : 3;
const transportArg = args.indexOf('--transport');
const TRANSPORTS = transportArg >= 0 ? [args[transportArg + 1]] : ['fetch', 'http'];
const TRANSPORT_LABELS = {
  fetch: 'token over the global fetch (the default of both clients)',
  http: 'token over node:http (no undici in either process)',
};

if (args[0] === '--client') await runClient(args[1]);
else await main();

async function main() {
  const { QQSimulator } = await import('qq-sdk/testing');
  const sim = await QQSimulator.start({ logLevel: 'silent', sessionStartLimit: { total: 10_000, remaining: 10_000 } });
  const runs = {};
  try {
    for (const transport of TRANSPORTS) {
      if (!(transport in TRANSPORT_LABELS)) throw new Error(`--transport ${transport}: use fetch or http`);
      const config = {
        appId: sim.appId,
        clientSecret: sim.clientSecret,
        tokenUrl: sim.tokenUrl,
        apiBaseUrl: sim.url,
        wsUrl: sim.wsUrl,
        events: EVENTS,
        transport,
      };
      const results = { raw: [], sdk: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const mode of ['raw', 'sdk']) results[mode].push(await runChild(sim, mode, config));
      }
      runs[transport] = results;
    }
  } finally {
    await sim.close();
  }
  console.log(`${EVENTS.toLocaleString('en-US')} ${TYPE} per run, ${ROUNDS} round(s), median of each`);
  for (const transport of TRANSPORTS) report(transport, runs[transport]);
}

function report(transport, results) {
  const summary = {};
  for (const mode of ['raw', 'sdk']) {
    summary[mode] = {
      cpuUsPerEvent: median(results[mode].map((r) => r.cpuUs / r.events)),
      eventsPerSecond: median(results[mode].map((r) => r.events / (r.wallMs / 1000))),
      peakRssMB: median(results[mode].map((r) => r.maxRssKB / 1024)),
      readyRssMB: median(results[mode].map((r) => r.readyRssKB / 1024)),
    };
  }
  const ratio = (key) => summary.sdk[key] / summary.raw[key];
  const rows = [
    ['CPU µs / event', 'cpuUsPerEvent', 1.5, (v) => v.toFixed(2)],
    ['events / s', 'eventsPerSecond', undefined, (v) => Math.round(v).toLocaleString('en-US')],
    ['peak RSS (MB)', 'peakRssMB', 1.2, (v) => v.toFixed(1)],
    ['  RSS at READY', 'readyRssMB', undefined, (v) => v.toFixed(1)],
  ];
  console.log(`\n${TRANSPORT_LABELS[transport]}`);
  console.log('metric            raw          sdk          sdk/raw   target');
  for (const [label, key, target, fmt] of rows) {
    const r = ratio(key);
    const verdict = target === undefined ? '' : `≤ ${target}× ${r <= target ? 'ok' : 'MISSED'}`;
    console.log(`${label.padEnd(17)} ${fmt(summary.raw[key]).padEnd(12)} ${fmt(summary.sdk[key]).padEnd(12)} ${r.toFixed(2).padEnd(9)} ${verdict}`);
  }
  console.log(`${'  sdk - raw'.padEnd(17)} ${'peak RSS'.padEnd(12)} ${`+${(summary.sdk.peakRssMB - summary.raw.peakRssMB).toFixed(1)} MB`}`);
}

function runChild(sim, mode, config) {
  return runBenchChild(fileURLToPath(import.meta.url), ['--client', mode], config, {
    label: `${mode} client`,
    onMessage: (message) => (message.ready ? sim.flood(TYPE, config.events, { sessionId: message.ready }) : undefined),
  });
}

async function runClient(mode) {
  const config = childConfig();
  const request = config.transport === 'http' ? nodeHttpFetch : fetch;
  let count = 0;
  let cpuStart;
  let wallStart;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  let readyRssKB = 0;
  const onReady = (sessionId) => {
    readyRssKB = maxRssKB();
    cpuStart = process.cpuUsage();
    process.send({ ready: sessionId });
  };
  const onEvent = () => {
    count += 1;
    if (count === 1) wallStart = performance.now();
    if (count === config.events) {
      const wallMs = performance.now() - wallStart;
      finish({ cpuUs: cpuSinceUs(cpuStart), wallMs, events: count, maxRssKB: maxRssKB(), readyRssKB });
    }
  };

  let stop;
  if (mode === 'raw') {
    // The same `ws` copy qq-sdk uses (the bench package does not depend on ws itself).
    const WebSocket = createRequire(fileURLToPath(import.meta.resolve('qq-sdk')))('ws');
    const response = await request(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: config.appId, clientSecret: config.clientSecret }),
    });
    const { access_token: token } = await response.json();
    const ws = new WebSocket(config.wsUrl, { perMessageDeflate: false });
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.op === 10) {
        const identify = { token: `QQBot ${token}`, intents: INTENTS, shard: [0, 1], properties: {} };
        ws.send(JSON.stringify({ op: 2, d: identify }));
      } else if (frame.op === 0) {
        if (frame.t === 'READY') onReady(frame.d.session_id);
        else if (frame.t === TYPE) onEvent();
      }
    });
    stop = () => ws.terminate();
  } else {
    const { API, RestClient, TokenManager } = await import('qq-sdk/rest');
    const { EventDispatcher } = await import('qq-sdk/events');
    const { GatewayManager } = await import('qq-sdk/gateway');
    const quiet = { warn() {}, error() {} };
    const tokens = new TokenManager({ appId: config.appId, clientSecret: config.clientSecret, tokenUrl: config.tokenUrl, fetch: request });
    const api = new API(new RestClient({ token: tokens, appId: config.appId }, { apiBaseUrl: config.apiBaseUrl, logger: quiet, fetch: request }));
    // Validation and dedup on (the defaults). QQ_BENCH_SDK=no-dedup|no-validation|noop-dispatcher
    // isolates where the cost goes (diagnostics only; the reported figures use the defaults).
    const variant = process.env.QQ_BENCH_SDK ?? '';
    const dispatcher =
      variant === 'noop-dispatcher'
        ? { dispatch: (envelope) => (envelope.t === TYPE && onEvent(), Promise.resolve(undefined)) }
        : new EventDispatcher({
            logger: quiet,
            ...(variant === 'no-dedup' ? { dedupStore: false } : {}),
            ...(variant === 'no-validation' ? { validate: false } : {}),
          });
    if (variant !== 'noop-dispatcher') dispatcher.on(TYPE, onEvent);
    const gateway = new GatewayManager({
      intents: INTENTS,
      getAccessToken: (signal) => tokens.getAccessToken(signal),
      invalidateAccessToken: (token) => tokens.invalidate(token),
      fetchGatewayInfo: (signal) => api.gateway.getBot(signal ? { signal } : {}),
      dispatcher,
      logger: quiet,
    });
    gateway.on('ready', (event) => onReady(event.sessionId));
    await gateway.connect();
    stop = () => gateway.destroy();
  }
  const result = await done;
  await stop();
  reportAndExit(result);
}
