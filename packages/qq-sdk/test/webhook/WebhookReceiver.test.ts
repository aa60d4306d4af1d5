import { describe, expect, it, vi } from 'vitest';
import { WebhookReceiver, type WebhookHandlerOptions, type WebhookResponse } from '../../src/webhook/WebhookReceiver.js';
import { WebhookConfigurationError } from '../../src/webhook/WebhookConfigurationError.js';
import { WebhookSecretError } from '../../src/webhook/WebhookSecretError.js';
import type { DispatchEnvelope } from '../../src/events/DispatchEnvelope.js';
import { EventDispatcher } from '../../src/events/EventDispatcher.js';
import { eventFixtures } from '../../src/events/fixtures/index.js';
import { APP_ID, NOW_MS, OTHER_SECRET, SECRET, dispatchBody, fixedClock, recordingSink, signedHeaders, waitFor } from './helpers.js';

const KAT2_SIGNATURE = '87befc99c42c651b3aac0278e71ada338433ae26fcb24307bdc5ad38c1adc2d01bcfcadc0842edac85e85205028a1132afe09280305f13aa6909ffc2d652c706';

function setup(extra: Partial<WebhookHandlerOptions> = {}) {
  const recorded = recordingSink();
  const logs: string[] = [];
  const logger = {
    debug: (m: string) => logs.push(`debug ${m}`),
    info: (m: string) => logs.push(`info ${m}`),
    warn: (m: string) => logs.push(`warn ${m}`),
    error: (m: string) => logs.push(`error ${m}`),
  };
  const receiver = new WebhookReceiver({
    appId: APP_ID,
    secret: SECRET,
    dispatcher: recorded.sink,
    clock: fixedClock,
    logger,
    logLevel: 'debug',
    ...extra,
  } as WebhookHandlerOptions);
  return { receiver, envelopes: recorded.envelopes, logs };
}

function post(body: string | Uint8Array, headers: Record<string, string>) {
  return { method: 'POST', headers, body };
}

function json(response: WebhookResponse): unknown {
  return JSON.parse(response.body);
}

describe('WebhookReceiver: accepted dispatches', () => {
  it('acknowledges with op 12 and dispatches the envelope once, in the background', async () => {
    const { receiver, envelopes } = setup();
    const body = dispatchBody('evt-1');
    const response = await receiver.handle(post(body, signedHeaders(body)));
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"op":12}');
    expect(response.headers['content-type']).toBe('application/json');
    // Not dispatched yet when the ACK is returned: the sink runs on a later turn.
    expect(envelopes).toHaveLength(0);
    await receiver.idle();
    expect(envelopes).toHaveLength(1);
    expect(envelopes[0]).toMatchObject({ op: 0, id: 'evt-1', t: 'C2C_MESSAGE_CREATE' });
    expect(receiver.stats).toMatchObject({ received: 1, dispatched: 1, rejected: 0 });
  });

  it('passes { transport: "webhook" } to a dispatcher object', async () => {
    const dispatch = vi.fn(async (_envelope: DispatchEnvelope, _meta: { transport: 'webhook' }) => 'delivered');
    const { receiver } = setup({ dispatcher: { dispatch } });
    const body = dispatchBody('evt-2');
    await receiver.handle(post(body, signedHeaders(body)));
    await receiver.idle();
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch.mock.calls[0]?.[1]).toEqual({ transport: 'webhook' });
  });

  it('never waits for a slow handler before answering', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const { receiver } = setup({
      dispatcher: async () => {
        started = true;
        await gate;
      },
    });
    const body = dispatchBody('slow');
    const t0 = performance.now();
    const response = await receiver.handle(post(body, signedHeaders(body)));
    expect(response.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(200);
    await waitFor(() => started);
    let idle = false;
    void receiver.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    release();
    await waitFor(() => idle);
  });

  it('does not let a synchronously blocking handler hold the ACK', async () => {
    let started = false;
    const { receiver } = setup({
      dispatcher: () => {
        started = true;
        const until = Date.now() + 300;
        while (Date.now() < until) {
          // busy
        }
      },
    });
    const body = dispatchBody('blocking');
    const t0 = performance.now();
    const response = await receiver.handle(post(body, signedHeaders(body)));
    expect(started).toBe(false);
    expect(performance.now() - t0).toBeLessThan(150);
    expect(response.status).toBe(200);
    await receiver.idle();
    expect(started).toBe(true);
  });

  it('logs a failing sink without secrets and keeps serving', async () => {
    const { receiver, logs } = setup({
      dispatcher: () => {
        throw new Error('handler exploded');
      },
    });
    const body = dispatchBody('boom');
    expect((await receiver.handle(post(body, signedHeaders(body)))).status).toBe(200);
    await receiver.idle();
    expect(logs).toContain('error A webhook event sink failed.');
    expect(logs.join('\n')).not.toContain(SECRET);
  });

  it('acknowledges a byte-identical replay within the window without dispatching it again', async () => {
    const { receiver, envelopes } = setup();
    const body = dispatchBody('replayed');
    const headers = signedHeaders(body);
    for (let i = 0; i < 4; i++) {
      const response = await receiver.handle(post(body, headers));
      expect(response.status).toBe(200);
      expect(response.body).toBe('{"op":12}');
    }
    await receiver.idle();
    expect(envelopes).toHaveLength(1);
    expect(receiver.stats.replays).toBe(3);
  });

  it('accepts the rotation secret', async () => {
    const { receiver, envelopes } = setup({ additionalSecrets: [OTHER_SECRET] });
    const body = dispatchBody('rotated');
    expect((await receiver.handle(post(body, signedHeaders(body, { secret: OTHER_SECRET })))).status).toBe(200);
    await receiver.idle();
    expect(envelopes).toHaveLength(1);
  });

  it('accepts a request without X-Bot-Appid or Content-Type for a single bot', async () => {
    const { receiver } = setup();
    const body = dispatchBody('bare');
    const response = await receiver.handle(post(body, signedHeaders(body, { appId: undefined, contentType: undefined })));
    expect(response.status).toBe(200);
  });
});

describe('WebhookReceiver: refusals dispatch nothing', () => {
  const body = dispatchBody('refused');

  const cases: [string, () => { body: string | Uint8Array; headers: Record<string, string>; method?: string }, number, string][] = [
    ['a GET', () => ({ method: 'GET', body: '', headers: {} }), 405, 'method_not_allowed'],
    ['a form body', () => ({ body, headers: signedHeaders(body, { contentType: 'application/x-www-form-urlencoded' }) }), 415, 'unsupported_media_type'],
    ['no signature headers', () => ({ body, headers: { 'content-type': 'application/json' } }), 401, 'missing_signature'],
    ['a forged signature', () => ({ body, headers: { ...signedHeaders(body), 'x-signature-ed25519': 'ab'.repeat(64) } }), 401, 'invalid_signature'],
    ['a wrong secret', () => ({ body, headers: signedHeaders(body, { secret: OTHER_SECRET }) }), 401, 'invalid_signature'],
    ['a tampered body', () => ({ body: body.replace('你好', '你坏'), headers: signedHeaders(body) }), 401, 'invalid_signature'],
    ['a stale timestamp', () => ({ body, headers: signedHeaders(body, { timestamp: String(NOW_MS / 1000 - 301) }) }), 401, 'timestamp_too_old'],
    ['a future timestamp', () => ({ body, headers: signedHeaders(body, { timestamp: String(NOW_MS / 1000 + 301) }) }), 401, 'timestamp_in_future'],
    ['a signed non-JSON body', () => ({ body: 'op=0', headers: signedHeaders('op=0') }), 400, 'invalid_json'],
    ['an unsigned non-JSON body', () => ({ body: 'op=0', headers: { 'content-type': 'application/json' } }), 401, 'missing_signature'],
    ['a signed JSON array', () => ({ body: '[1]', headers: signedHeaders('[1]') }), 400, 'invalid_payload'],
    ['a signed op 0 without t', () => ({ body: '{"op":0,"d":{}}', headers: signedHeaders('{"op":0,"d":{}}') }), 400, 'invalid_dispatch'],
    ['a signed unknown op', () => ({ body: '{"op":7}', headers: signedHeaders('{"op":7}') }), 400, 'unsupported_op'],
    ['another appId', () => ({ body, headers: signedHeaders(body, { appId: '22222222' }) }), 403, 'unknown_app'],
    ['an oversized body', () => ({ body: `${body}${' '.repeat(2048)}`, headers: signedHeaders(`${body}${' '.repeat(2048)}`) }), 413, 'payload_too_large'],
  ];

  for (const [name, make, status, error] of cases) {
    it(`answers ${status} ${error} to ${name}`, async () => {
      const { receiver, envelopes } = setup({ maxBodyBytes: 1024 });
      const request = make();
      const response = await receiver.handle({ method: request.method ?? 'POST', headers: request.headers, body: request.body });
      expect(response.status).toBe(status);
      expect(json(response)).toMatchObject({ error });
      if (status === 405) expect(response.headers.allow).toBe('POST');
      await receiver.idle();
      expect(envelopes).toHaveLength(0);
      expect(receiver.stats.rejected).toBe(1);
      expect(receiver.stats.dispatched).toBe(0);
    });
  }

  it('rejects a declared Content-Length over the limit before reading the body', () => {
    const { receiver } = setup({ maxBodyBytes: 1024 });
    expect(receiver.precheck('POST', { 'content-type': 'application/json', 'content-length': '1025' })?.status).toBe(413);
    expect(receiver.precheck('POST', { 'content-type': 'application/json; charset=utf-8', 'content-length': '1024' })).toBeUndefined();
  });

  it('accepts none of 1,000 randomly tampered bodies', async () => {
    const { receiver, envelopes } = setup();
    const original = Buffer.from(dispatchBody('tamper-target'));
    const headers = signedHeaders(original);
    // A seeded generator keeps failures reproducible.
    let seed = 0x2f6b_1d3c;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return seed % n;
    };
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const tampered = Buffer.from(original);
      const flips = 1 + random(3);
      for (let f = 0; f < flips; f++) {
        const at = random(tampered.length);
        tampered[at] = (tampered[at] ?? 0) ^ (1 + random(255));
      }
      const response = await receiver.handle(post(tampered, headers));
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    await receiver.idle();
    expect(statuses).toEqual(new Map([[401, 1000]]));
    expect(envelopes).toHaveLength(0);
    // The untouched body still goes through, so the refusals were about the tampering.
    expect((await receiver.handle(post(original, headers))).status).toBe(200);
  });
});

describe('WebhookReceiver: op 13 callback URL validation', () => {
  const validation = JSON.stringify({ d: { plain_token: 'Arq0D5A61EgUu4OxUvOp', event_ts: '1725442341' }, op: 13 });

  it('answers the documented example (KAT-2), unsigned as the docs show it', async () => {
    const { receiver, envelopes } = setup({ secret: 'DG5g3B4j9X2KOErG' });
    const response = await receiver.handle(post(validation, { 'content-type': 'application/json', 'x-bot-appid': APP_ID, 'user-agent': 'QQBot-Callback' }));
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ plain_token: 'Arq0D5A61EgUu4OxUvOp', signature: KAT2_SIGNATURE });
    expect(receiver.stats.validations).toBe(1);
    await receiver.idle();
    expect(envelopes).toHaveLength(0);
  });

  it('verifies op 13 when it is signed, and refuses a bad signature', async () => {
    const { receiver } = setup({ secret: 'DG5g3B4j9X2KOErG' });
    const good = await receiver.handle(post(validation, signedHeaders(validation, { secret: 'DG5g3B4j9X2KOErG' })));
    expect(json(good)).toEqual({ plain_token: 'Arq0D5A61EgUu4OxUvOp', signature: KAT2_SIGNATURE });
    const bad = await receiver.handle(post(validation, signedHeaders(validation, { secret: SECRET })));
    expect(bad.status).toBe(401);
  });

  it('answers with the rotation secret that signed the request', async () => {
    const { receiver } = setup({ additionalSecrets: ['DG5g3B4j9X2KOErG'] });
    const response = await receiver.handle(post(validation, signedHeaders(validation, { secret: 'DG5g3B4j9X2KOErG' })));
    expect(json(response)).toMatchObject({ signature: KAT2_SIGNATURE });
  });

  it('never signs an unsigned token that could pass for an event body (no signing oracle)', async () => {
    const { receiver } = setup();
    const forgedBody = '{"op":0,"id":"x","t":"C2C_MESSAGE_CREATE","d":{}}';
    const oracle = JSON.stringify({ op: 13, d: { plain_token: forgedBody, event_ts: String(NOW_MS / 1000) } });
    const response = await receiver.handle(post(oracle, { 'content-type': 'application/json' }));
    expect(response.status).toBe(401);
    expect(response.body).not.toMatch(/[0-9a-f]{128}/);
  });

  it('refuses unsigned op 13 when requireSignedValidation is set', async () => {
    const { receiver } = setup({ requireSignedValidation: true });
    expect((await receiver.handle(post(validation, { 'content-type': 'application/json' }))).status).toBe(401);
  });

  it('refuses a malformed op 13', async () => {
    const { receiver } = setup();
    const bad = '{"op":13,"d":{"plain_token":""}}';
    expect((await receiver.handle(post(bad, { 'content-type': 'application/json' }))).status).toBe(400);
  });
});

describe('WebhookReceiver: several bots on one endpoint', () => {
  it("routes by X-Bot-Appid with each bot's own secret", async () => {
    const a = recordingSink();
    const b = recordingSink();
    const receiver = new WebhookReceiver({
      bots: [
        { appId: '1001', secret: SECRET, dispatcher: a.sink },
        { appId: '1002', secret: OTHER_SECRET, dispatcher: b.sink },
      ],
      clock: fixedClock,
      logLevel: 'silent',
    });
    const body = dispatchBody('routed');
    expect((await receiver.handle(post(body, signedHeaders(body, { appId: '1001' })))).status).toBe(200);
    expect((await receiver.handle(post(body, signedHeaders(body, { appId: '1002', secret: OTHER_SECRET })))).status).toBe(200);
    // Bot 1002's secret does not open bot 1001's door.
    const crossed = dispatchBody('crossed');
    expect((await receiver.handle(post(crossed, signedHeaders(crossed, { appId: '1001', secret: OTHER_SECRET })))).status).toBe(401);
    expect((await receiver.handle(post(body, signedHeaders(body, { appId: '1003' })))).status).toBe(403);
    expect((await receiver.handle(post(body, signedHeaders(body, { appId: undefined })))).status).toBe(400);
    await receiver.idle();
    expect(a.envelopes.map((e) => e.id)).toEqual(['routed']);
    expect(b.envelopes.map((e) => e.id)).toEqual(['routed']);
  });
});

describe('WebhookReceiver: configuration', () => {
  const sink = (): void => {};

  it('refuses an empty secret, duplicate appIds and no bots', () => {
    expect(() => new WebhookReceiver({ secret: '', dispatcher: sink })).toThrow(WebhookSecretError);
    expect(
      () =>
        new WebhookReceiver({
          bots: [
            { appId: '1', secret: SECRET, dispatcher: sink },
            { appId: '1', secret: OTHER_SECRET, dispatcher: sink },
          ],
        }),
    ).toThrow(WebhookConfigurationError);
    expect(() => new WebhookReceiver({ bots: [] })).toThrow(WebhookConfigurationError);
    const untyped = { bots: [{ secret: SECRET, dispatcher: sink }] } as unknown as WebhookHandlerOptions;
    expect(() => new WebhookReceiver(untyped)).toThrow(/needs an appId/);
    expect(() => new WebhookReceiver({ secret: SECRET, dispatcher: sink, maxBodyBytes: 0 })).toThrow(WebhookConfigurationError);
  });

  it('only skips verification when asked by name, never in production, and says so loudly', async () => {
    const warn = vi.fn();
    const recorded = recordingSink();
    const receiver = new WebhookReceiver({
      secret: SECRET,
      dispatcher: recorded.sink,
      dangerouslySkipSignatureVerification: true,
      logger: { warn },
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('verification is OFF'));
    const body = dispatchBody('debug');
    expect((await receiver.handle(post(body, { 'content-type': 'application/json' }))).status).toBe(200);
    await receiver.idle();
    expect(recorded.envelopes).toHaveLength(1);

    vi.stubEnv('NODE_ENV', 'production');
    try {
      expect(() => new WebhookReceiver({ secret: SECRET, dispatcher: sink, dangerouslySkipSignatureVerification: true })).toThrow(WebhookConfigurationError);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('treats a failing replay store as a first sighting: at-least-once, never lost', async () => {
    const { receiver, envelopes, logs } = setup({
      replayStore: { claim: () => Promise.reject(new Error('redis down')) },
    });
    const body = dispatchBody('store-down');
    expect((await receiver.handle(post(body, signedHeaders(body)))).status).toBe(200);
    await receiver.idle();
    expect(envelopes).toHaveLength(1);
    expect(logs).toContain('warn The webhook replay store failed; treating the request as new.');
  });
});

describe('WebhookReceiver with the EventDispatcher', () => {
  it('delivers typed events and drops platform re-posts of the same id (new timestamp, new signature)', async () => {
    const dispatcher = new EventDispatcher({ clock: fixedClock, logLevel: 'silent' });
    const seen: string[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', (message, meta) => {
      expect(meta.transport).toBe('webhook');
      seen.push(message.content);
    });
    const receiver = new WebhookReceiver({ appId: APP_ID, secret: SECRET, dispatcher, clock: fixedClock, logLevel: 'silent' });
    const body = JSON.stringify(eventFixtures.C2C_MESSAGE_CREATE);
    // The first delivery and three retries, each signed at a later second, as the platform re-posts.
    for (let retry = 0; retry < 4; retry++) {
      const headers = signedHeaders(body, { timestamp: String(NOW_MS / 1000 + retry) });
      const response = await receiver.handle(post(body, headers));
      expect(response.status).toBe(200);
      expect(response.body).toBe('{"op":12}');
    }
    await receiver.idle();
    expect(seen).toEqual([(eventFixtures.C2C_MESSAGE_CREATE.d as { content: string }).content]);
    expect(receiver.stats.dispatched).toBe(4);
    expect(receiver.stats.replays).toBe(0);
  });

  it('hands an invalid payload to invalidEvent, not to handlers, and still acknowledges', async () => {
    const dispatcher = new EventDispatcher({ clock: fixedClock, logLevel: 'silent' });
    const handled: unknown[] = [];
    const invalid: string[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', (message) => void handled.push(message));
    dispatcher.on('invalidEvent', (event) => void invalid.push(event.type));
    const receiver = new WebhookReceiver({ secret: SECRET, dispatcher, clock: fixedClock, logLevel: 'silent' });
    const body = JSON.stringify({ op: 0, id: 'bad-1', t: 'C2C_MESSAGE_CREATE', d: { id: 42 } });
    expect((await receiver.handle(post(body, signedHeaders(body)))).status).toBe(200);
    await receiver.idle();
    expect(handled).toHaveLength(0);
    expect(invalid).toEqual(['C2C_MESSAGE_CREATE']);
  });
});
