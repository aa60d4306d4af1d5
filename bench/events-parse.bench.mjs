// Parse cost of qq-sdk's validated events, as a ratio to plain JSON.parse in the same run.
//
// For each fixture (one realistic gateway frame per event type) it measures, per event:
//   raw       JSON.parse(frame)
//   validate  JSON.parse(frame) + parseEvent(t, d)                    (zod schema, timestamps → Date)
//   dispatch  JSON.parse(frame) + EventDispatcher.dispatch(envelope)   (validation + dedup + one handler)
// Times are CPU µs (process.cpuUsage). Rounds alternate between the variants and the median round is reported, so a noisy neighbour on
// the machine hits all of them alike. Goal: validation adds at most 50% on top of JSON.parse for a
// typical group message (GROUP_AT_MESSAGE_CREATE).
import { readdirSync, readFileSync } from 'node:fs';
import { EventDispatcher, parseEvent } from 'qq-sdk/events';
import { median, timeUs } from './lib/stats.mjs';

const FIXTURES = new URL('../packages/qq-sdk/src/events/fixtures/', import.meta.url);
const TYPICAL = 'GROUP_AT_MESSAGE_CREATE';
const ROUNDS = 9;
const quick = process.argv.includes('--quick');
const ITERATIONS = quick ? 5_000 : 40_000;

const frames = Object.fromEntries(
  readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const text = JSON.stringify(JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')));
      return [file.slice(0, -5), text];
    }),
);

let sink = 0;

// Every dispatch must be a first delivery: a clock that moves 1 s per call and a 1 ms TTL make each
// claim see the previous key expired, so the dedup store still does its full insert + sweep work.
let tick = 0;
const clock = { now: () => (tick += 1000) };
const dispatcher = new EventDispatcher({ clock, dedupTtlMs: 1, logger: { warn() {}, error() {} } });
dispatcher.on('*', (event) => {
  sink += event.type.length;
});

const variants = {
  raw(text, n) {
    for (let i = 0; i < n; i++) sink += JSON.parse(text).op;
  },
  validate(text, n) {
    for (let i = 0; i < n; i++) {
      const envelope = JSON.parse(text);
      if (parseEvent(envelope.t, envelope.d).kind !== 'parsed') throw new Error(`${envelope.t} failed`);
    }
  },
  dispatch(text, n) {
    for (let i = 0; i < n; i++) {
      const envelope = JSON.parse(text);
      dispatcher.dispatch(envelope, { transport: 'websocket', shardId: 0 });
    }
  },
};

function measure(text, iterations) {
  const rounds = { raw: [], validate: [], dispatch: [] };
  for (const [name, run] of Object.entries(variants)) run(text, Math.min(iterations, 5_000)); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(variants)) rounds[name].push(timeUs(() => run(text, iterations)) / iterations);
  }
  return Object.fromEntries(Object.entries(rounds).map(([name, values]) => [name, median(values)]));
}

const pad = (value, width) => String(value).padStart(width);
console.log(`events-parse: µs per event (median of ${ROUNDS} rounds × ${ITERATIONS} events), ratio = variant / JSON.parse`);
console.log(`${'event type'.padEnd(36)}${pad('bytes', 7)}${pad('raw µs', 9)}${pad('valid µs', 10)}${pad('ratio', 7)}${pad('disp µs', 9)}${pad('ratio', 7)}`);

const order = [
  TYPICAL,
  ...Object.keys(frames)
    .filter((t) => t !== TYPICAL)
    .sort(),
];
const ratios = [];
let typical;
for (const type of order) {
  const text = frames[type];
  const result = measure(text, type === TYPICAL ? ITERATIONS * 2 : Math.max(1_000, ITERATIONS / 4));
  const validateRatio = result.validate / result.raw;
  const dispatchRatio = result.dispatch / result.raw;
  ratios.push(validateRatio);
  if (type === TYPICAL) typical = { ...result, validateRatio, dispatchRatio };
  console.log(
    `${type.padEnd(36)}${pad(text.length, 7)}${pad(result.raw.toFixed(2), 9)}${pad(result.validate.toFixed(2), 10)}${pad(validateRatio.toFixed(2), 7)}${pad(result.dispatch.toFixed(2), 9)}${pad(dispatchRatio.toFixed(2), 7)}`,
  );
}
await new Promise((resolve) => setImmediate(resolve));

console.log(
  `\n${TYPICAL}: JSON.parse ${typical.raw.toFixed(2)} µs, + validation ${typical.validate.toFixed(2)} µs (${typical.validateRatio.toFixed(2)}×), ` +
    `+ full dispatch ${typical.dispatch.toFixed(2)} µs (${typical.dispatchRatio.toFixed(2)}×); goal ≤ 1.50×`,
);
console.log(`median validate ratio over ${ratios.length} event types: ${median(ratios).toFixed(2)}×`);
console.log(`dispatcher counters: ${JSON.stringify(dispatcher.counters)} (sink ${sink > 0 ? 'ok' : 'empty'})`);
if (typical.validateRatio > 1.5) {
  console.log('WARNING: validation exceeds the 1.5× goal for a typical group message');
}
