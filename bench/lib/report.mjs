// Turns the measured figures into docs/benchmarks.md (tables) and docs/benchmarks.svg (a bar chart
// of each client's ratio to raw), with no network and no chart library.

const GOALS = [
  // metric, label, direction (lower/higher is better), goal ratio vs raw
  ['receiveCpuUs', 'receive CPU per event', 'lower', 1.5],
  ['replyRate', 'reply throughput', 'higher', 0.8],
  ['receiveRssMB', 'peak RSS (receive)', 'lower', 1.3],
  ['replyRssMB', 'peak RSS (reply)', 'lower', 1.3],
  ['startToReadyMs', 'start → READY', 'lower', 2],
];

const ROWS = {
  receive: [
    ['receiveCpuUs', 'CPU µs / event', (v) => v.toFixed(2)],
    ['receiveRate', 'events / s', (v) => Math.round(v).toLocaleString('en-US')],
    ['receiveRssMB', 'peak RSS (MB)', (v) => v.toFixed(1)],
    ['startToReadyMs', 'start → READY (ms)', (v) => v.toFixed(1)],
  ],
  reply: [
    ['replyRate', 'replies / s', (v) => Math.round(v).toLocaleString('en-US')],
    ['replyP50Ms', 'handler p50 (ms)', (v) => v.toFixed(2)],
    ['replyP99Ms', 'handler p99 (ms)', (v) => v.toFixed(2)],
    ['replyCpuUs', 'CPU µs / reply', (v) => v.toFixed(1)],
    ['replyRssMB', 'peak RSS (MB)', (v) => v.toFixed(1)],
  ],
};

const cell = (s, fmt) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;

/** Markdown, SVG and one verdict line per goal and client. */
export function renderReport({ clients, labels, metrics, tokenRuns, counts, machine, peerVersions, elapsedS }) {
  const ratio = (client, key) => metrics[client][key].median / metrics.raw[key].median;
  const others = clients.filter((c) => c !== 'raw');
  const verdicts = [];
  for (const client of others) {
    for (const [key, label, direction, goal] of GOALS) {
      const r = ratio(client, key);
      const ok = direction === 'lower' ? r <= goal : r >= goal;
      verdicts.push(`${labels[client]}: ${label} ${r.toFixed(2)}× raw (goal ${direction === 'lower' ? '≤' : '≥'} ${goal}×) ${ok ? 'met' : 'MISSED'}`);
    }
  }

  const table = (rows) => {
    const head = `| metric | ${clients.map((c) => labels[c]).join(' | ')} |\n|---|${clients.map(() => '---').join('|')}|`;
    const body = rows.map(([key, label, fmt]) => {
      const cells = clients.map((c) => {
        const base = cell(metrics[c][key], fmt);
        return c === 'raw' ? base : `${base} — **${ratio(c, key).toFixed(2)}×**`;
      });
      return `| ${label} | ${cells.join(' | ')} |`;
    });
    return [head, ...body].join('\n');
  };

  const goalTable = [
    `| goal | ${others.map((c) => labels[c]).join(' | ')} |`,
    `|---|${others.map(() => '---').join('|')}|`,
    ...GOALS.map(([key, label, direction, goal]) => {
      const cells = others.map((c) => {
        const r = ratio(c, key);
        const ok = direction === 'lower' ? r <= goal : r >= goal;
        return `${r.toFixed(2)}× ${ok ? 'met' : '**missed**'}`;
      });
      return `| ${label} ${direction === 'lower' ? '≤' : '≥'} ${goal}× raw | ${cells.join(' | ')} |`;
    }),
  ].join('\n');

  const tokenLines = Object.entries(tokenRuns)
    .map(([c, t]) => `| ${labels[c]} | ${t.tokenRequests} | ${t.sent} / ${counts.sends} |`)
    .join('\n');

  const markdown = `# Benchmarks

Written by \`pnpm bench\` (bench/compare.bench.mjs); do not edit by hand. Every figure is the
median of ${counts.rounds} run(s) with (min–max), and **N×** is the ratio to the raw baseline
measured in the same invocation.${counts.quick ? ' **Quick mode: reduced counts, not the reference figures.**' : ''}

- **receive**: ${counts.events.toLocaleString('en-US')} \`GROUP_AT_MESSAGE_CREATE\` from the simulator through each
  client's message event (qq-sdk: \`bot.on('message')\` with validation and dedup on, the defaults).
- **reply**: ${counts.replies.toLocaleString('en-US')} messages, each answered with one passive reply
  (\`msg.reply()\`), at most ${counts.window} unanswered at a time; the simulator checks every reply (msg_id, msg_seq, window, quota).
  The messages come from ${counts.groups.toLocaleString('en-US')} groups in turn (a bot in many groups): qq-sdk queues REST calls per
  route and group, one at a time, so all replies into one group run at one round trip each (see below).
  Handler latency runs from the message handler's start to the reply's confirmation.
- **raw** is the floor: a \`ws\` client that JSON.parses every frame and replies with keep-alive
  \`http.request\` POSTs; no validation, dedup or reply rules.
- **qq-sdk, fetch: global fetch** is the same bot with one public option set, \`fetch\`, to the
  global fetch (undici), which qq-sdk used by default before this benchmark; qq-sdk now uses a
  keep-alive \`node:http\` transport for its JSON calls. The goals are judged on **qq-sdk**.
- Each client runs in its own child process (CPU = user + system of that process from READY to the
  last event or reply; peak RSS = its max resident set); the simulator runs in the parent. Clients run
  in the same order every round.

Replies per second are bound by round-trip latency with ${counts.window} in flight, which swings most
with load from other processes on this machine; CPU per reply is the steadier comparison.

Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}, Node ${machine.node}; load average at the end ${machine.load}.
The machine is shared, so absolute figures move between invocations; the ratios are the comparison.
Total time ${elapsedS.toFixed(0)} s.

![ratio to raw per client](benchmarks.svg)

## Goals (qq-sdk and each peer against raw)

${goalTable}

## Receive

${table(ROWS.receive)}

## Reply

${table(ROWS.reply)}

## Token requests under ${counts.sends.toLocaleString('en-US')} concurrent sends

qq-sdk fires the sends from a bot that has no token yet (not started); qq-official-bot cannot send
before \`start()\` fetched its token, so its count includes the one made by \`start()\`.

| client | token requests | sends accepted |
|---|---|---|
${tokenLines}

## Where the time and memory go (profiled with \`node --cpu-prof\`)

Reproduce with \`QQ_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node compare.bench.mjs --quick --clients sdk --workloads receive\`
and \`node tools/cpuprof-top.mjs /tmp/prof/<file>.cpuprofile\`.

- **receive**: JSON.parse and the Buffer → string decode cost the same as raw's (about 4–5 µs per
  event here). qq-sdk's ~3 µs on top: validation (the compiled parser, ~1 µs), building the
  normalized \`Message\` (\`toMessage\` in messaging/InboundMessage.ts, ~1 µs, mostly spreading
  optional fields and mapping attachments), dedup (~0.5 µs, hashing the ~90-character key) and GC.
  An event whose handlers finish synchronously completes without a promise: \`EventDispatcher\`
  returns its outcome itself, and the gateway watermark and \`stop()\` tracking settle it at once.
  Fixed here: the dedup store kept every key string in a Map (~1 µs and ~220 B per event); it now
  keeps a 64-bit fingerprint in typed arrays allocated once (~32 B per key, no string retained).
  \`QQBot\` no longer wraps every event in \`Promise.all\` and a tracking Set: a synchronous
  handler's result passes through as is.
- **reply**: with the global fetch, about two thirds of qq-sdk's CPU per reply was undici (Request,
  Headers, Response and its web stream, AbortSignal, \`writev\`) and its garbage, and peak RSS grew
  by ~100 MB. Fixed here: \`QQBot\` defaults to a keep-alive \`node:http\` transport with a light
  response for the SDK's JSON calls (uploads still use fetch); the "global fetch" column keeps the
  old default for comparison. What remains is the SDK's own send path (reply quota, message build,
  routing, token) and Node's http client. All replies into one group are serialized by qq-sdk's
  per-route, per-group REST queue (\`--groups 1\` measures it: about one reply per round trip).
- **start → READY** is cold-code time: warm, a second \`start()\` in the same process takes ~4 ms.
  What is left is the first run of the token, REST and gateway code and zod building the schemas
  it parses with (each schema is built on first use).
- **peak RSS**: qq-sdk is ~10 MB above raw before the first event: its code and the part of zod it
  uses (bundled and tree-shaken: loading zod's ~95 ES modules cost ~5 MB and ~70 ms more), and a
  young generation V8 sizes at 8 MB where raw's stays at 4 MB, because loading that code survives
  more scavenges (\`--trace-gc-nvp\`). Events add the dedup store's ~2.5 MB for 100,000 message ids.
  The "global fetch" column also carries undici: loading it and compiling its WebAssembly HTTP
  parser adds a transient ~25 MB of native memory during the first thousand events (the V8 heap
  stays flat), the spike earlier runs saw in some rounds only. Peak RSS is each client's own
  high-water mark (VmHWM): \`process.resourceUsage().maxRSS\` of a forked client can report the
  parent's RSS, because Linux carries it across \`execve\`.

## Peers

- qq-official-bot ${peerVersions['qq-official-bot']}: pointed at the simulator through its own axios
  instance (\`baseURL\`) and a request interceptor that rewrites its hard-coded token URL; the gateway
  URL comes from the simulator's \`/gateway/bot\`. A loopback guard in every client process refuses
  any connection that is not to 127.0.0.1. Logging off (\`logLevel: 'off'\`). Its text messages
  leave out \`msg_type\`, which the platform docs mark required and the simulator enforces (50006),
  so the interceptor adds \`msg_type: 0\` to such bodies; nothing else it sends is changed.
- qq-guild-bot ${peerVersions['qq-guild-bot']}: **not measured — it cannot do this work.** It is the
  legacy guild-only SDK: it authenticates with the deprecated fixed bot token (\`Authorization: Bot
  {appID}.{token}\` and the same in Identify), which the platform now rejects (code 11245) and the
  simulator refuses too; its intents list has no \`GROUP_AND_C2C_EVENT\` (1 << 25), so it cannot
  subscribe to \`GROUP_AT_MESSAGE_CREATE\`; and it has no \`/v2/groups/{group_openid}/messages\`
  endpoint to reply with. Its API base URL is hard-coded (\`https://api.sgroup.qq.com\`, or the
  sandbox host), with no option to change it. Measuring it would mean rewriting its protocol, which
  would no longer be qq-guild-bot.
`;

  return { markdown, svg: renderSvg({ clients: others, labels, ratio }), verdicts };
}

function renderSvg({ clients, labels, ratio }) {
  const bars = [
    ['receiveCpuUs', 'receive CPU/event'],
    ['receiveRssMB', 'peak RSS (receive)'],
    ['replyRate', 'replies/s'],
    ['replyCpuUs', 'CPU/reply'],
    ['replyRssMB', 'peak RSS (reply)'],
    ['startToReadyMs', 'start → READY'],
  ];
  const colors = ['#2f6fdf', '#e07b39', '#3a9d5d'];
  const rowH = 22 * clients.length + 16;
  const left = 160;
  const width = 720;
  const scaleMax = Math.max(2, ...bars.flatMap(([key]) => clients.map((c) => ratio(c, key))));
  const x = (v) => left + (v / scaleMax) * (width - left - 60);
  const height = 60 + rowH * bars.length + 24;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Ratio to the raw baseline (1× = raw; lower is better except replies/s)</text>`,
  ];
  clients.forEach((c, i) => {
    parts.push(`<rect x="${10 + i * 170}" y="32" width="12" height="12" fill="${colors[i % colors.length]}"/>`);
    parts.push(`<text x="${26 + i * 170}" y="42">${escape(labels[c])}</text>`);
  });
  bars.forEach(([key, label], row) => {
    const top = 60 + row * rowH;
    parts.push(`<text x="10" y="${top + 14}">${escape(label)}</text>`);
    clients.forEach((c, i) => {
      const r = ratio(c, key);
      const y = top + i * 22;
      parts.push(`<rect x="${left}" y="${y}" width="${(x(r) - left).toFixed(1)}" height="18" fill="${colors[i % colors.length]}"/>`);
      parts.push(`<text x="${(x(r) + 4).toFixed(1)}" y="${y + 13}">${r.toFixed(2)}×</text>`);
    });
  });
  const one = x(1).toFixed(1);
  parts.push(`<line x1="${one}" y1="54" x2="${one}" y2="${height - 20}" stroke="#333" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${one}" y="${height - 6}" text-anchor="middle">1× raw</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
