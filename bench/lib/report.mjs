// Turns the measured figures into docs/benchmarks.md (tables per shape) and docs/benchmarks.svg (a
// bar chart of qq-sdk's ratio to raw per shape, and the peers'), with no network and no chart library.

// The issue's goals (#24): metric, label, direction (lower/higher is better), goal ratio vs raw.
export const GOALS = [
  ['replyRate', 'replies / s', 'higher', 0.9],
  ['replyCpuUs', 'CPU per reply', 'lower', 1.5],
  ['replyRssMB', 'peak RSS (reply)', 'lower', 1.25],
  ['receiveCpuUs', 'receive CPU per event', 'lower', 1.3],
  ['receiveRssMB', 'peak RSS (receive)', 'lower', 1.2],
  ['startToReadyMs', 'start → READY', 'lower', 1.5],
];

const ROWS = {
  receive: [
    ['receiveCpuUs', 'CPU µs / event', (v) => v.toFixed(2)],
    ['receiveRate', 'events / s', (v) => Math.round(v).toLocaleString('en-US')],
    ['receiveRssMB', 'peak RSS (MB)', (v) => v.toFixed(1)],
  ],
  reply: [
    ['replyRate', 'replies / s', (v) => Math.round(v).toLocaleString('en-US')],
    ['replyCpuUs', 'CPU µs / reply', (v) => v.toFixed(1)],
    ['replyRssMB', 'peak RSS (MB)', (v) => v.toFixed(1)],
    ['replyP50Ms', 'handler p50 (ms)', (v) => v.toFixed(2)],
    ['replyP99Ms', 'handler p99 (ms)', (v) => v.toFixed(2)],
  ],
};

const cell = (s, fmt) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
const ratioCell = (r) => `**${r.median.toFixed(2)}×** (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const meets = (direction, r, goal) => (direction === 'lower' ? r <= goal : r >= goal);
const sign = (direction) => (direction === 'lower' ? '≤' : '≥');

/** Markdown, SVG and one verdict line per goal, shape and client. */
export function renderReport({ clients, labels, shapes, runsOn, metrics, ready, tokenRuns, counts, machine, peerVersions, elapsedS }) {
  const others = clients.filter((c) => c !== 'raw');
  // The ratio for a goal: per shape, or pooled for start → READY.
  const goalRatio = (client, shape, key) => (key === 'startToReadyMs' ? ready[client]?.ratio : metrics[shape.key][client]?.[key]?.ratio);
  const verdicts = [];
  for (const client of others) {
    for (const [key, label, direction, goal] of GOALS) {
      for (const shape of key === 'startToReadyMs' ? [shapes[0]] : shapes) {
        const r = goalRatio(client, shape, key);
        if (r === undefined) continue;
        const where = key === 'startToReadyMs' ? 'all shapes' : shape.label;
        verdicts.push(
          `${labels[client]}, ${where}: ${label} ${r.median.toFixed(2)}× raw (goal ${sign(direction)} ${goal}×) ${meets(direction, r.median, goal) ? 'met' : 'MISSED'}`,
        );
      }
    }
  }

  const goalTable = (client) => {
    const mine = shapes.filter((s) => runsOn(client, s));
    const head = [`| goal | ${mine.map((s) => s.label).join(' | ')} |`, `|---|${mine.map(() => '---').join('|')}|`];
    const body = GOALS.map(([key, label, direction, goal]) => {
      if (key === 'startToReadyMs') {
        const r = ready[client]?.ratio;
        const text =
          r === undefined
            ? '—'
            : `${r.median.toFixed(2)}× ${meets(direction, r.median, goal) ? 'met' : '**missed**'} (all shapes, ${ready[client].samples} starts)`;
        return `| ${label} ${sign(direction)} ${goal}× raw | ${text}${mine.length > 1 ? ' |'.repeat(mine.length - 1) : ''} |`;
      }
      const cells = mine.map((shape) => {
        const r = goalRatio(client, shape, key);
        return r === undefined ? '—' : `${r.median.toFixed(2)}× ${meets(direction, r.median, goal) ? 'met' : '**missed**'}`;
      });
      return `| ${label} ${sign(direction)} ${goal}× raw | ${cells.join(' | ')} |`;
    });
    return [...head, ...body].join('\n');
  };

  const shapeTables = (shape) => {
    const present = clients.filter((c) => runsOn(c, shape) && metrics[shape.key][c] !== undefined);
    const table = (rows) => {
      const head = `| metric | ${present.map((c) => labels[c]).join(' | ')} |\n|---|${present.map(() => '---').join('|')}|`;
      const body = rows.map(([key, label, fmt]) => {
        const cells = present.map((c) => {
          const m = metrics[shape.key][c][key];
          return c === 'raw' ? cell(m.value, fmt) : `${cell(m.value, fmt)} — ${ratioCell(m.ratio)}`;
        });
        return `| ${label} | ${cells.join(' | ')} |`;
      });
      return [head, ...body].join('\n');
    };
    return `### ${shape.label}

${shape.describe}.

Receive:

${table(ROWS.receive)}

Reply:

${table(ROWS.reply)}`;
  };

  const readyTable = [
    '| client | start → READY (ms) | ratio to raw |',
    '|---|---|---|',
    ...clients
      .filter((c) => ready[c] !== undefined)
      .map((c) => `| ${labels[c]} | ${cell(ready[c].value, (v) => v.toFixed(1))} | ${c === 'raw' ? '—' : ratioCell(ready[c].ratio)} |`),
  ].join('\n');

  const tokenLines = Object.entries(tokenRuns)
    .map(([c, t]) => `| ${labels[c]} | ${t.tokenRequests} | ${t.sent} / ${counts.sends} |`)
    .join('\n');

  const peerNote = others
    .filter((c) => c !== 'sdk')
    .map(
      (c) =>
        `${labels[c]} on ${shapes
          .filter((s) => runsOn(c, s))
          .map((s) => s.label)
          .join(', ')}`,
    )
    .join('; ');

  const markdown = `# Benchmarks

Written by \`pnpm bench\` (bench/compare.bench.mjs); do not edit by hand. Each workload runs on
every shape below against the raw baseline in the same invocation, ${counts.rounds} round(s). In
each round a client's figure is divided by raw's from the same round and shape (the clients run
back to back, the order alternating between rounds); **N×** is the median of those ratios, with
their (min–max), and each absolute figure is the median over rounds with its (min–max).${counts.quick ? ' **Quick mode: reduced counts and one round, not the reference figures.**' : ''}

- **shapes**: ${shapes.map((s) => `**${s.label}** (${s.describe})`).join('; ')}.
- **receive**: ${counts.events.toLocaleString('en-US')} message events from the simulator through each
  client's message event (qq-sdk: \`bot.on('message')\` with validation and dedup on, the defaults).
- **reply**: ${counts.replies.toLocaleString('en-US')} messages, each answered with one passive reply
  (\`msg.reply()\`), at most ${counts.window} unanswered at a time; the simulator checks every reply (msg_id, msg_seq, window, quota)
  and the run fails unless it accepted all of them in the shape's scene.
  Handler latency runs from the message handler's start to the reply's confirmation.
- **raw** is the floor: a \`ws\` client that JSON.parses every frame and replies with keep-alive
  \`http.request\` POSTs to the scene's endpoint; no validation, dedup or reply rules.
- **qq-sdk** (the goals are judged on it) runs every shape; the peers run fewer to keep the run
  short (${peerNote || 'none'}). **qq-sdk, fetch: global fetch** is the same bot with one public option
  set, \`fetch\`, to the global fetch (undici), instead of its default keep-alive \`node:http\` transport.
- Each client runs in its own child process (CPU = user + system of that process from READY to the
  last event or reply; peak RSS = its own high-water mark, VmHWM); the simulator runs in the parent.

Replies per second are bound by round-trip latency with ${counts.window} in flight, which swings most
with load from other processes on this machine; CPU per reply is the steadier comparison.

Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}, Node ${machine.node}; load average at the end ${machine.load}.
The machine is shared, so absolute figures move between invocations; the ratios are the comparison.
Total time ${elapsedS.toFixed(0)} s.

![ratio to raw per shape](benchmarks.svg)

## Goals (issue #24), qq-sdk against raw per shape

${goalTable('sdk')}
${others
  .filter((c) => c !== 'sdk')
  .map((c) => `\n### ${labels[c]} against the same goals\n\n${goalTable(c)}\n`)
  .join('')}
## Per shape

${shapes.map(shapeTables).join('\n\n')}

## Start → READY

From every receive run (${shapes.length} shapes × ${counts.rounds} round(s) per client), each start paired
with raw's in the same round and shape.

${readyTable}

## Token requests under ${counts.sends.toLocaleString('en-US')} concurrent sends

qq-sdk fires the sends from a bot that has no token yet (not started); qq-official-bot cannot send
before \`start()\` fetched its token, so its count includes the one made by \`start()\`.

| client | token requests | sends accepted |
|---|---|---|
${tokenLines}

## Where the time and memory go (profiled with \`node --cpu-prof\`)

Reproduce with \`QQ_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node compare.bench.mjs --rounds 1 --clients sdk --shapes 1000-groups --workloads receive,reply\`
and \`node tools/cpuprof-top.mjs /tmp/prof/<file>.cpuprofile\`. Figures per event are from such a
profile (100,000 events, 20,000 replies, 1,000 groups).

- **receive** (goal ≤ 1.3×): the Buffer → string decode, \`JSON.parse\` and garbage collection
  are raw's work too and cost about the same in both profiles (parse ~3.4 µs in qq-sdk against
  ~3.0 µs in raw; GC 1.5 µs against 2.0 µs, which varies from run to run). What qq-sdk adds, per
  event: the dispatch from frame to handler, ~3 µs inclusive, of which the dedup claim is ~1 µs
  (hashing the ~60-character key; cache misses in the 1 MB index), validation ~0.7 µs (the compiled
  parser, and the copy of \`d\` it makes for the \`EventTimestamp\`), building the \`Message\`
  ~0.6 µs, and the rest the dispatch meta and outcome, the sequence watermark and the handler call;
  then the check for integers beyond 2^53 (\`holdsUnsafeNumber\`, ~0.5 µs). None of these stands
  out any more: what is left is many small costs, each a feature (dedup, validation, the
  normalized \`Message\`, resume bookkeeping). \`GatewayManager\` + \`EventDispatcher\` alone
  (gateway-receive.bench.mjs, validation and dedup on) run at about 1.4× raw. Switching one
  feature off in the same run (\`QQ_BENCH_SDK=no-validation\` or \`no-dedup\`, 1,000 groups, 5
  rounds) took receive CPU per event from 1.75× raw to 1.52× (no validation) and to 1.53× (a
  dedup store that remembers nothing): each costs about a fifth of raw's whole per-event CPU here.
  The dedup claim itself is ~0.3 µs on a second 100,000-key store in a warm process but ~1 µs on
  the first one in a fresh process, even once optimized (not page faults: touching the 2.7 MB of
  typed arrays first changes nothing); that gap is the next thing to explain.
  Fixed in #24: \`parsePlatformJson\` scanned every
  frame's text with a regex for 16-digit numbers (~1.1 µs on a frame with Chinese text, a two-byte
  string); it now walks the parsed value instead (~0.5 µs) and re-parses only when a number is
  beyond ±2^53. \`toMessage\` ran the mention-stripping regexes (built per message) and the face-tag
  regex on every text; it now skips both when the text has no \`<\`, the only way either can start.
  A repeated timestamp string reuses its conversion. Together these took receive CPU per event from
  about 2.0× raw to about 1.7× raw on every shape in this benchmark.
- **reply** (goals ≥ 0.9× replies/s, ≤ 1.5× CPU, ≤ 1.25× RSS): fixed in #24: the SDK's
  \`node:http\` transport now does the whole exchange itself (one timer; no \`Response\`,
  \`AbortController\` or signal listener per request, which were ~10 µs per reply), send bodies are
  built by assignment instead of conditional spreads, and the build no longer wraps every named
  closure in esbuild's \`__name()\` (~2 µs per reply). That took CPU per reply from ~1.88× to ~1.58×
  raw. What qq-sdk adds per reply now, by inclusive time: garbage collection (~17 µs against raw's
  ~10 µs), validating the outgoing body with its zod schema (~4 µs; the body was built by the SDK,
  but \`api.messages.sendGroup\` validates whatever it is given), the reply ledger's claim (~3 µs,
  with the \`msg_seq\` bookkeeping), route building (~2 µs), the per-chain queue, and Node's
  \`ClientRequest\` and agent (raw's too). Peak RSS while replying is ~30–35 MB above raw's. After a
  full GC at the end of a run, qq-sdk holds ~17 MB of heap against raw's ~6 MB: the reply ledger
  keeps each answered message for its reply window (a key string, an entry and the quota's own map,
  ~0.4 KB per message: ~8 MB for 20,000 replies) and the dedup store its fixed ~2.7 MB of arrays.
  The rest of the peak is garbage: qq-sdk allocates more per reply (the validated copy of each
  event, the \`Message\`, the request, response and result objects), so V8 grows its heap further
  (~72 MB against ~44 MB) before collecting.
- **start → READY** (goal ≤ 1.5×) is cold-code time, a few tens of milliseconds: before IDENTIFY
  qq-sdk makes the same two requests raw makes (the token, then \`/gateway/bot\`), but through code
  run for the first time (REST, token, gateway, zod building each schema on first use), and it
  loads more code first (an earlier measurement: warm, a second \`start()\` in the same process
  takes ~4 ms).
- **peak RSS (receive)**: qq-sdk is ~10 MB above raw before the first event: its code and the part
  of zod it uses, and a young generation V8 sizes at 8 MB where raw's stays at 4 MB. Events add the
  dedup store's fixed ~2.5 MB for 100,000 message ids. The "global fetch" column also carries
  undici (~25 MB of native memory while it compiles its WebAssembly HTTP parser). Peak RSS is each
  client's own high-water mark (VmHWM): \`process.resourceUsage().maxRSS\` of a forked client can
  report the parent's RSS, because Linux carries it across \`execve\`.

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

  return { markdown, svg: renderSvg({ clients: others, labels, shapes, runsOn, metrics, ready }), verdicts };
}

function renderSvg({ clients, labels, shapes, runsOn, metrics, ready }) {
  const bars = [
    ['receiveCpuUs', 'receive CPU/event'],
    ['receiveRssMB', 'peak RSS (receive)'],
    ['replyRate', 'replies/s'],
    ['replyCpuUs', 'CPU/reply'],
    ['replyRssMB', 'peak RSS (reply)'],
    ['startToReadyMs', 'start → READY'],
  ];
  // One series per client and shape it ran: qq-sdk every shape, the peers their own.
  const series = clients.flatMap((c) => shapes.filter((s) => runsOn(c, s)).map((s) => ({ client: c, shape: s, label: `${labels[c]}, ${s.label}` })));
  const colors = ['#1f4e9c', '#2f6fdf', '#6fa0f0', '#3a9d5d', '#e07b39', '#9b59b6', '#c0392b', '#7f8c8d'];
  const ratioOf = (item, key) => (key === 'startToReadyMs' ? ready[item.client]?.ratio?.median : metrics[item.shape.key][item.client]?.[key]?.ratio?.median);
  const goalOf = Object.fromEntries(GOALS.map(([key, , , goal]) => [key, goal]));
  const barH = 14;
  const rowH = (barH + 3) * series.length + 14;
  const left = 150;
  const width = 760;
  const legendRows = Math.ceil(series.length / 3);
  const top0 = 40 + legendRows * 18;
  const scaleMax = Math.max(2, ...bars.flatMap(([key]) => series.map((item) => ratioOf(item, key) ?? 0)));
  const x = (v) => left + (v / scaleMax) * (width - left - 60);
  const height = top0 + rowH * bars.length + 24;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Ratio to raw (1× = raw; lower is better except replies/s; red tick = goal)</text>`,
  ];
  series.forEach((item, i) => {
    const lx = 10 + (i % 3) * 250;
    const ly = 32 + Math.floor(i / 3) * 18;
    parts.push(`<rect x="${lx}" y="${ly}" width="11" height="11" fill="${colors[i % colors.length]}"/>`);
    parts.push(`<text x="${lx + 15}" y="${ly + 10}">${escape(item.label)}</text>`);
  });
  bars.forEach(([key, label], row) => {
    const top = top0 + row * rowH;
    parts.push(`<text x="10" y="${top + 12}">${escape(label)}</text>`);
    series.forEach((item, i) => {
      const r = ratioOf(item, key);
      if (r === undefined) return;
      const y = top + i * (barH + 3);
      parts.push(`<rect x="${left}" y="${y}" width="${(x(r) - left).toFixed(1)}" height="${barH}" fill="${colors[i % colors.length]}"/>`);
      parts.push(`<text x="${(x(r) + 4).toFixed(1)}" y="${y + 11}">${r.toFixed(2)}×</text>`);
    });
    const g = x(goalOf[key]).toFixed(1);
    parts.push(`<line x1="${g}" y1="${top - 3}" x2="${g}" y2="${top + rowH - 12}" stroke="#d00" stroke-width="2"/>`);
  });
  const one = x(1).toFixed(1);
  parts.push(`<line x1="${one}" y1="${top0 - 6}" x2="${one}" y2="${height - 20}" stroke="#333" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${one}" y="${height - 6}" text-anchor="middle">1× raw</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
