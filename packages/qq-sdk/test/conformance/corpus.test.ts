/**
 * Conformance corpus: real platform payloads, published by the official docs and by other projects
 * (see SOURCES.md), replayed verbatim into the SDK. Each payload must reach a handler with every key
 * and value it was published with (timestamps may become EventTimestamps whose `raw` is the
 * original). Payloads the SDK is known to mishandle carry `knownIssue` in corpus-index.json: their
 * tests run as `it.fails`, so they report the issue and start failing once it is fixed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayPayloadSchema } from '../../src/events/DispatchEnvelope.js';
import { HelloDataSchema, ReadyDataSchema } from '../../src/gateway/GatewayFrames.js';
import { QQBot, type IntentName } from '../../src/index.js';
import { EventDispatcher, EventTimestamp, IntentBits, parseEvent } from '../../src/entries/events.js';
import { QQSimulator } from '../../src/testing/index.js';
import { deriveWebhookPublicKey, signWebhookPayload, verifyWebhookSignature, WebhookReceiver } from '../../src/webhook/index.js';
import { platformSignature } from '../webhook/helpers.js';
import { findLoss, parseLossless, type LosslessValue } from './lossless.js';

interface CorpusEntry {
  file: string;
  type: string;
  kind: 'dispatch' | 'gateway-ready' | 'gateway-resumed' | 'gateway-hello' | 'webhook-validation' | 'webhook-signed';
  source: string;
  url: string;
  licence: string;
  wrapped: boolean;
  knownIssue?: string;
  /** Webhook material published with the payload (secret, timestamp, signature, expected answer). */
  webhook?: WebhookMaterial;
  /** A signature published over `d` (botgo's signature test). */
  signature?: { secret: string; timestamp: string; signature: string; over: 'd' };
}

/** Webhook material published with a payload: secret, appId, timestamp, signature, public key, expected answer. */
interface WebhookMaterial {
  appId?: string;
  secret: string;
  timestamp?: string;
  signature?: string;
  publicKey?: number[];
  answer?: Record<string, string>;
}

/** What a handler received for one event. */
interface Received {
  status: 'delivered' | 'invalid' | 'unknown';
  type: string;
  eventId: string | undefined;
  data: unknown;
  issues?: string[];
}

const here = new URL('.', import.meta.url);
const corpusDir = new URL('corpus/', here);
const index = JSON.parse(readFileSync(new URL('corpus-index.json', here), 'utf8')) as CorpusEntry[];
const read = (entry: CorpusEntry): string => readFileSync(new URL(entry.file, corpusDir), 'utf8');
const frameOf = (entry: CorpusEntry): Record<string, LosslessValue> => parseLossless(read(entry)) as Record<string, LosslessValue>;
const testFor = (entry: CorpusEntry) => (entry.knownIssue === undefined ? it : it.fails);
const label = (entry: CorpusEntry): string => `${entry.file}${entry.knownIssue ? ` [known issue: ${entry.knownIssue}]` : ''}`;

const ALL_INTENTS = Object.keys(IntentBits) as IntentName[];
const NEVER_DUPLICATE = { claim: (): boolean => true };
const WEBHOOK_SECRET = 'conformanceSecret0123456789';
const ARRIVAL_TIMEOUT_MS = 3_000;

/** Collects what a dispatcher hands its handlers: typed events, invalid ones and unknown types. */
function capture(dispatcher: EventDispatcher, sink: (received: Received) => void): void {
  dispatcher.on('*', (event, meta) => sink({ status: 'delivered', type: event.type, eventId: meta.eventId, data: event.data }));
  dispatcher.on('invalidEvent', (event) =>
    sink({
      status: 'invalid',
      type: event.type,
      eventId: event.meta.eventId,
      data: event.data,
      issues: event.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    }),
  );
  dispatcher.on('unknownEvent', (event) => sink({ status: 'unknown', type: event.type, eventId: event.meta.eventId, data: event.data }));
}

/** Fails unless the payload was delivered to a typed handler with every published key and value. */
function expectLossless(entry: CorpusEntry, received: Received | undefined, published: LosslessValue): void {
  expect(received, `${entry.file}: no handler received it`).toBeDefined();
  const got = received as Received;
  expect(got.type).toBe(entry.type);
  expect(got.status, `${entry.file}: ${got.status}${got.issues ? ` — ${got.issues.join('; ')}` : ''}`).toBe('delivered');
  expect(findLoss(published, got.data), `${entry.file}: fields lost or changed`).toEqual([]);
  // Every published timestamp (RFC 3339, Go's time.String(), Unix seconds as number or string) is a real point in time.
  expect(invalidTimestamps(got.data), `${entry.file}: timestamps the SDK could not read`).toEqual([]);
}

function invalidTimestamps(value: unknown, path = 'd'): string[] {
  if (value instanceof EventTimestamp) return value.valid ? [] : [`${path}: ${JSON.stringify(value.raw)}`];
  if (Array.isArray(value)) return value.flatMap((item, index) => invalidTimestamps(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => invalidTimestamps(item, `${path}.${key}`));
  }
  return [];
}

const dispatches = index.filter((entry) => entry.kind === 'dispatch');

describe('conformance corpus: the index', () => {
  it('lists every corpus file once, and only those', () => {
    const files = readdirSync(corpusDir)
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(index.map((entry) => entry.file).sort()).toEqual(files);
    expect(new Set(files).size).toBe(files.length);
    expect(index.length).toBeGreaterThanOrEqual(50);
  });

  it('has a SOURCES.md row (source URL and licence) for every file', () => {
    const sources = readFileSync(new URL('SOURCES.md', here), 'utf8');
    for (const entry of index) {
      const row = sources.split('\n').find((line) => line.includes(entry.file));
      expect(row, entry.file).toBeDefined();
      expect(row).toContain(entry.url);
    }
  });

  it('holds JSON frames whose t (or op) matches the index', () => {
    for (const entry of index) {
      const frame = JSON.parse(read(entry)) as { op?: number; t?: string };
      if (entry.kind === 'gateway-hello') expect(frame.op).toBe(10);
      else if (entry.kind === 'webhook-validation') expect(frame.op).toBe(13);
      else expect([entry.file, frame.op, frame.t]).toEqual([entry.file, 0, entry.type]);
    }
  });
});

describe('conformance corpus: gateway (QQSimulator.injectRaw → QQBot)', () => {
  let sim: QQSimulator;
  let bot: QQBot;
  let arrived: Received[] = [];
  let onArrival: (() => void) | undefined;

  beforeAll(async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 30_000 });
    // One bot for the whole corpus: every intent, and no dedup (several published examples share a message id).
    bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ALL_INTENTS,
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      dedupStore: NEVER_DUPLICATE,
      logLevel: 'silent',
    });
    capture(bot.events, (received) => {
      arrived.push(received);
      onArrival?.();
    });
    await bot.start();
  });

  afterAll(async () => {
    await bot?.stop();
    await sim?.close();
  });

  /** Replays the frame text byte for byte and resolves with what the bot's handlers got for it. */
  async function replay(text: string): Promise<Received | undefined> {
    arrived = [];
    const injected = sim.injectRaw(text);
    expect(injected.delivered, 'the simulator found no session for it (intents?)').toBe(1);
    const mine = (): Received | undefined => arrived.find((received) => received.eventId === injected.id);
    if (mine() === undefined) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ARRIVAL_TIMEOUT_MS);
        onArrival = () => {
          if (mine() === undefined) return;
          clearTimeout(timer);
          resolve();
        };
      });
      onArrival = undefined;
    }
    return mine();
  }

  for (const entry of dispatches) {
    testFor(entry)(`${label(entry)} reaches a ${entry.type} handler without loss`, async () => {
      const text = read(entry);
      expectLossless(entry, await replay(text), frameOf(entry)['d'] as LosslessValue);
    });
  }
});

describe('conformance corpus: webhook (signed body → WebhookReceiver → EventDispatcher)', () => {
  let last: Received | undefined;
  const dispatcher = new EventDispatcher({ dedupStore: false, logLevel: 'silent' });
  capture(dispatcher, (received) => {
    last = received;
  });
  const receiver = new WebhookReceiver({ secret: WEBHOOK_SECRET, dispatcher, replayStore: NEVER_DUPLICATE, logLevel: 'silent' });

  async function post(target: WebhookReceiver, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    last = undefined;
    const response = await target.handle({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    await target.idle();
    return response;
  }

  function signed(body: string): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return { 'x-signature-timestamp': timestamp, 'x-signature-ed25519': platformSignature(WEBHOOK_SECRET, timestamp, body) };
  }

  for (const entry of dispatches) {
    testFor(entry)(`${label(entry)} is acknowledged and dispatched without loss`, async () => {
      const text = read(entry);
      const response = await post(receiver, text, signed(text));
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ op: 12 });
      expectLossless(entry, last, frameOf(entry)['d'] as LosslessValue);
    });
  }

  for (const entry of index.filter((candidate) => candidate.kind === 'webhook-signed')) {
    testFor(entry)(`${label(entry)}: the documented key and signature check out, and the unknown type passes through untouched`, async () => {
      const { secret, timestamp, signature, publicKey } = entry.webhook as Required<Pick<WebhookMaterial, 'secret' | 'timestamp' | 'signature' | 'publicKey'>>;
      expect(await deriveWebhookPublicKey(secret)).toBe(Buffer.from(publicKey).toString('hex'));
      const text = read(entry).replace(/\n$/u, '');
      // The page shows the body on one line, but its signature was made over the body pretty-printed
      // with 2 spaces (entry.webhook.signedFormNote): the one-line text must not verify, that form must.
      expect(await verifyWebhookSignature(secret, timestamp, text, signature)).toBe(false);
      const body = JSON.stringify(JSON.parse(text), null, 2);
      expect(await signWebhookPayload(secret, timestamp, body)).toBe(signature);
      const at = { now: () => Number(timestamp) * 1000 };
      const docReceiver = new WebhookReceiver({ secret, dispatcher, clock: at, replayStore: NEVER_DUPLICATE, logLevel: 'silent' });
      const response = await post(docReceiver, body, { 'x-signature-timestamp': timestamp, 'x-signature-ed25519': signature });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ op: 12 });
      expect(last).toMatchObject({ status: 'unknown', type: entry.type });
      expect(findLoss(frameOf(entry)['d'] as LosslessValue, last?.data)).toEqual([]);
    });
  }

  for (const entry of index.filter((candidate) => candidate.kind === 'webhook-validation')) {
    testFor(entry)(`${label(entry)} is answered with the documented signature`, async () => {
      const { appId, secret, answer } = entry.webhook as WebhookMaterial;
      if (appId === undefined) throw new Error(`${entry.file}: the index gives no appId`);
      const docReceiver = new WebhookReceiver({ appId, secret, dispatcher, logLevel: 'silent' });
      // Sent as the docs show it: User-Agent and X-Bot-Appid, no signature headers.
      const response = await post(docReceiver, read(entry).replace(/\n$/u, ''), { 'user-agent': 'QQBot-Callback', 'x-bot-appid': appId });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual(answer);
      expect(last).toBeUndefined();
    });
  }

  for (const entry of index.filter((candidate) => candidate.signature !== undefined)) {
    testFor(entry)(`${label(entry)}: the signature published with it verifies over d`, async () => {
      const { secret, timestamp, signature } = entry.signature as NonNullable<CorpusEntry['signature']>;
      const text = read(entry).replace(/\n$/u, '');
      const prefix = `{"op":0,"t":"${entry.type}","d":`;
      expect(entry.wrapped && text.startsWith(prefix) && text.endsWith('}')).toBe(true);
      expect(await verifyWebhookSignature(secret, timestamp, text.slice(prefix.length, -1), signature)).toBe(true);
    });
  }
});

describe('conformance corpus: gateway frames (SDK gateway schemas)', () => {
  for (const entry of index.filter((candidate) => candidate.kind.startsWith('gateway-'))) {
    testFor(entry)(`${label(entry)} parses with the SDK's gateway schemas`, () => {
      const text = read(entry);
      const frame = JSON.parse(text) as { d: unknown };
      expect(GatewayPayloadSchema.safeParse(frame).success).toBe(true);
      const published = frameOf(entry)['d'] as LosslessValue;
      if (entry.kind === 'gateway-hello') {
        const hello = HelloDataSchema.safeParse(frame.d);
        expect(hello.success).toBe(true);
        expect(findLoss(published, hello.data)).toEqual([]);
        return;
      }
      if (entry.kind === 'gateway-ready') {
        const ready = ReadyDataSchema.safeParse(frame.d);
        expect(ready.success).toBe(true);
        expect(findLoss(published, ready.data)).toEqual([]);
      }
      const parsed = parseEvent(entry.type, frame.d);
      expect(parsed.kind, JSON.stringify(parsed.kind === 'invalid' ? parsed.issues : undefined)).toBe('parsed');
      expect(findLoss(published, parsed.data)).toEqual([]);
    });
  }
});
