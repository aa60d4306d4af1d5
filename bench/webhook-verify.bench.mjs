// What checking a webhook callback costs in qq-sdk, as a ratio to a hand-written check in the same
// run. Per callback (a signed ~600-byte group message):
//   raw       crypto.verify with a KeyObject made once, over Buffer.concat(timestamp, body)
//   node      verifyWebhookSignature from qq-sdk/webhook (the Node build: node:crypto, async API)
//   web       verifyWebhookSignature from qq-sdk/fetch's web build (WebCrypto), for reference: what
//             Workers, Deno and Bun run, measured here on Node's WebCrypto
//   receiver  WebhookReceiver.handle: routing, timestamp, signature, replay store, JSON, ACK
// CPU µs per callback (process.cpuUsage around each round, awaits included); rounds alternate and
// the median is reported. Goal (#25): the Node build's verification stays within 1.1× raw.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { verifyWebhookSignature, WebhookReceiver } from 'qq-sdk/webhook';
import { median } from './lib/stats.mjs';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 9;
const PER_ROUND = quick ? 500 : 3000;
const SECRET = 'naOC0ocQE3shWLAfffVLB1rhYPG7';

const web = await import(new URL('../packages/qq-sdk/dist/web/fetch/index.js', import.meta.url).href);

// The platform's key, derived as its docs say (the secret repeated to 32 bytes is the seed).
let seed = Buffer.from(SECRET);
while (seed.length < 32) seed = Buffer.concat([seed, seed]);
const privateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed.subarray(0, 32)]),
  format: 'der',
  type: 'pkcs8',
});
const publicKey = createPublicKey(privateKey);

const timestamp = String(Math.floor(Date.now() / 1000));
const body = JSON.stringify({
  op: 0,
  id: 'GROUP_AT_MESSAGE_CREATE:bench',
  t: 'GROUP_AT_MESSAGE_CREATE',
  d: {
    id: 'ROBOT1.0_bench',
    content: ' 你好，帮我查一下明天北京的天气',
    timestamp: '2026-12-04T12:00:00+08:00',
    group_openid: 'G'.repeat(32),
    author: { id: 'A'.repeat(32), member_openid: 'M'.repeat(32) },
  },
});
const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString('hex');
const headers = { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, 'x-signature-ed25519': signature };

let sink = 0;
const receiver = new WebhookReceiver({ clientSecret: SECRET, dispatcher: () => undefined, replayStore: { claim: () => true }, logLevel: 'silent' });

const variants = {
  raw: async () => {
    if (verify(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), publicKey, Buffer.from(signature, 'hex'))) sink += 1;
  },
  node: async () => {
    if (await verifyWebhookSignature(SECRET, timestamp, body, signature)) sink += 1;
  },
  web: async () => {
    if (await web.verifyWebhookSignature(SECRET, timestamp, body, signature)) sink += 1;
  },
  receiver: async () => {
    sink += (await receiver.handle({ method: 'POST', headers, body })).status;
  },
};

async function cpuUs(run, n) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

for (const run of Object.values(variants)) await cpuUs(run, 200); // warm up
const rounds = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(variants)) rounds[name].push(await cpuUs(run, PER_ROUND));
}
await receiver.idle();
const raw = median(rounds.raw);
console.log(`webhook verification, CPU µs per callback (median of ${ROUNDS} rounds × ${PER_ROUND}):`);
for (const [name, values] of Object.entries(rounds)) {
  const us = median(values);
  console.log(`  ${name.padEnd(9)} ${us.toFixed(1).padStart(7)} µs  ${(us / raw).toFixed(2)}× raw`);
}
if (sink === 0) throw new Error('nothing verified');
