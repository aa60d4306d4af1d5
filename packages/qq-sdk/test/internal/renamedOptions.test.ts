import { afterEach, describe, expect, it } from 'vitest';
import { TokenManager, type SharedTokenCache } from '../../src/entries/rest.js';
import { EventDispatcher } from '../../src/entries/events.js';
import { MemoryReplyLedgerStore, ReplyQuota, type ReplyLedgerStore } from '../../src/entries/messaging.js';

const warnings: Error[] = [];
const onWarning = (warning: Error): void => {
  warnings.push(warning);
};
process.on('warning', onWarning);
afterEach(() => {
  warnings.length = 0;
});

/** Node emits warnings on a later tick. */
async function emitted(): Promise<Array<Error & { code?: string }>> {
  await new Promise((resolve) => setImmediate(resolve));
  return warnings.splice(0).filter((warning) => (warning as { code?: string }).code === 'QQSDK_RENAMED_OPTION');
}

describe('options renamed to one name per concept still work under the old name, with one deprecation warning', () => {
  it('EventDispatcher: dedup → dedupStore', async () => {
    const seen: string[] = [];
    const events = new EventDispatcher({ dedup: false, logLevel: 'silent' });
    events.on('FRIEND_ADD', (event) => void seen.push(event.openid));
    const envelope = { op: 0, id: 'E1', t: 'FRIEND_ADD', d: { openid: 'U1', timestamp: 1_700_000_000 } } as const;
    await events.dispatch(envelope, { transport: 'webhook' });
    await events.dispatch(envelope, { transport: 'webhook' });
    expect(seen).toEqual(['U1', 'U1']); // dedup off, as the old name asked
    const [warning, ...more] = await emitted();
    expect(more).toEqual([]);
    expect(warning?.name).toBe('DeprecationWarning');
    expect(warning?.message).toContain('EventDispatcher option `dedup` is deprecated: call it `dedupStore`');

    new EventDispatcher({ dedup: false, logLevel: 'silent' });
    expect(await emitted()).toEqual([]); // once per process
  });

  it('ReplyQuota: store → replyLedger; the new name wins when both are given', async () => {
    const claimsOn = (name: string, log: string[]): ReplyLedgerStore => {
      const memory = new MemoryReplyLedgerStore();
      return { claim: (key, limit, ttlMs) => (log.push(name), memory.claim(key, limit, ttlMs)) };
    };
    const log: string[] = [];
    const quota = new ReplyQuota({ replyLedger: claimsOn('replyLedger', log), store: claimsOn('store', log) });
    await quota.claim({ target: { scene: 'c2c', openid: 'U1' }, sourceId: 'm1', receivedAt: new Date() });
    const old = new ReplyQuota({ store: claimsOn('old store', log) });
    await old.claim({ target: { scene: 'c2c', openid: 'U1' }, sourceId: 'm2', receivedAt: new Date() });
    expect(log).toEqual(['replyLedger', 'old store']);
    const [warning] = await emitted();
    expect(warning?.message).toMatch(/ReplyQuota option `store` is deprecated: call it `replyLedger`.*Both were given; `replyLedger` is used/su);
  });

  it('TokenManager: sharedCache → tokenCache', async () => {
    const cache: SharedTokenCache = {
      getOrFetch: async () => ({ token: 'shared-token', expiresAt: Date.now() + 3_600_000 }),
      invalidate: () => undefined,
    };
    const tokens = new TokenManager({ appId: '102000000', clientSecret: 'secret-value', sharedCache: cache });
    expect(await tokens.getAccessToken()).toBe('shared-token');
    const [warning] = await emitted();
    expect(warning?.message).toContain('TokenManager option `sharedCache` is deprecated: call it `tokenCache`');
  });
});

describe('webhook options: secret → clientSecret', () => {
  it('a receiver built with clientSecret verifies what the platform signs; the old name warns once; neither is refused naming clientSecret', async () => {
    const { WebhookReceiver, WebhookConfigurationError, signWebhookPayload } = await import('../../src/webhook/index.js');
    const clientSecret = 'DG5g3B4j9X2KOErG';
    const body = JSON.stringify({ op: 0, id: 'E1', t: 'FRIEND_ADD', d: { openid: 'U1', timestamp: 1_700_000_000 } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'x-signature-timestamp': timestamp,
      'x-signature-ed25519': await signWebhookPayload(clientSecret, timestamp, body),
    };
    const received: unknown[] = [];
    const current = new WebhookReceiver({ clientSecret, dispatcher: (envelope) => void received.push(envelope), logLevel: 'silent' });
    expect((await current.handle({ method: 'POST', headers, body })).status).toBe(200);
    await current.idle();
    expect(received).toHaveLength(1);
    expect(await emitted()).toEqual([]);

    const old = new WebhookReceiver({ secret: clientSecret, dispatcher: () => undefined, logLevel: 'silent' });
    expect((await old.handle({ method: 'POST', headers, body })).status).toBe(200);
    const [warning] = await emitted();
    expect(warning?.message).toContain('WebhookReceiver option `secret` is deprecated: call it `clientSecret`');

    const untyped = { dispatcher: () => undefined } as unknown as ConstructorParameters<typeof WebhookReceiver>[0];
    expect(() => new WebhookReceiver(untyped)).toThrow(WebhookConfigurationError);
    expect(() => new WebhookReceiver(untyped)).toThrow(/clientSecret is missing/u);
  });
});
