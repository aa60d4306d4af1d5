import { describe, expect, it } from 'vitest';
import { verifyWebhookRequest } from '../../src/webhook/verifyWebhookRequest.js';
import { WebhookVerificationError, type WebhookVerificationFailure } from '../../src/webhook/WebhookVerificationError.js';
import { APP_ID, NOW_MS, NOW_S, OTHER_SECRET, SECRET, dispatchBody, fixedClock, signedHeaders } from './helpers.js';

const options = { secret: SECRET, clock: fixedClock };

async function failure(fn: () => Promise<unknown>): Promise<WebhookVerificationFailure> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    const typed = error as WebhookVerificationError;
    expect(typed.status).toBe(401);
    expect(typed.message).not.toContain(SECRET);
    return typed.reason;
  }
  throw new Error('expected verification to fail');
}

describe('verifyWebhookRequest', async () => {
  const body = dispatchBody();

  it('accepts a signed request and reports what it verified', async () => {
    const headers = signedHeaders(body);
    expect(await verifyWebhookRequest(body, headers, options)).toEqual({
      timestamp: NOW_MS / 1000,
      signature: headers['x-signature-ed25519'],
      appId: APP_ID,
      secretIndex: 0,
    });
  });

  it('reads fetch Headers and mixed-case records alike', async () => {
    const headers = signedHeaders(body);
    expect((await verifyWebhookRequest(body, new Headers(headers), options)).secretIndex).toBe(0);
    const mixed = {
      'X-Signature-Ed25519': headers['x-signature-ed25519'],
      'X-Signature-Timestamp': headers['x-signature-timestamp'],
    };
    expect((await verifyWebhookRequest(Buffer.from(body), mixed, options)).appId).toBeUndefined();
  });

  it('names the missing header', async () => {
    const headers = signedHeaders(body);
    const { 'x-signature-ed25519': _sig, ...noSignature } = headers;
    const { 'x-signature-timestamp': _ts, ...noTimestamp } = headers;
    expect(await failure(() => verifyWebhookRequest(body, noSignature, options))).toBe('missing_signature');
    expect(await failure(() => verifyWebhookRequest(body, noTimestamp, options))).toBe('missing_timestamp');
    expect(await failure(() => verifyWebhookRequest(body, { ...headers, 'x-signature-ed25519': '' }, options))).toBe('missing_signature');
  });

  it('refuses a timestamp that is not Unix seconds', async () => {
    for (const timestamp of ['abc', '1.5', '-1', '2026-01-01T00:00:00Z', '1'.repeat(13)]) {
      const headers = signedHeaders(body, { timestamp });
      expect(await failure(() => verifyWebhookRequest(body, headers, options))).toBe('malformed_timestamp');
    }
  });

  it('enforces the tolerance in both directions, inclusive at the edge', async () => {
    const at = (offset: number) => signedHeaders(body, { timestamp: String(NOW_MS / 1000 + offset) });
    expect((await verifyWebhookRequest(body, at(-300), options)).secretIndex).toBe(0);
    expect((await verifyWebhookRequest(body, at(300), options)).secretIndex).toBe(0);
    expect(await failure(() => verifyWebhookRequest(body, at(-301), options))).toBe('timestamp_too_old');
    expect(await failure(() => verifyWebhookRequest(body, at(301), options))).toBe('timestamp_in_future');
    expect(await failure(() => verifyWebhookRequest(body, at(-31), { ...options, toleranceSeconds: 30 }))).toBe('timestamp_too_old');
  });

  it('rejects a wrong secret, a tampered body and a timestamp swapped after signing', async () => {
    expect(await failure(() => verifyWebhookRequest(body, signedHeaders(body, { secret: OTHER_SECRET }), options))).toBe('invalid_signature');
    const headers = signedHeaders(body);
    expect(await failure(() => verifyWebhookRequest(body.replace('你好', '再见'), headers, options))).toBe('invalid_signature');
    const swapped = { ...headers, 'x-signature-timestamp': String(NOW_MS / 1000 - 1) };
    expect(await failure(() => verifyWebhookRequest(body, swapped, options))).toBe('invalid_signature');
  });

  it('accepts a rotation secret and says which one matched', async () => {
    const rotating = { ...options, additionalSecrets: [OTHER_SECRET] };
    expect((await verifyWebhookRequest(body, signedHeaders(body, { secret: OTHER_SECRET }), rotating)).secretIndex).toBe(1);
    expect((await verifyWebhookRequest(body, signedHeaders(body), rotating)).secretIndex).toBe(0);
    expect(await failure(() => verifyWebhookRequest(body, signedHeaders(body, { secret: 'a-third-secret' }), rotating))).toBe('invalid_signature');
  });

  it('signs the timestamp header byte for byte', async () => {
    // A timestamp with a leading zero is a different message even though it is the same number.
    const headers = signedHeaders(body, { timestamp: `0${NOW_S}` });
    expect((await verifyWebhookRequest(body, headers, options)).timestamp).toBe(NOW_MS / 1000);
    expect(await failure(() => verifyWebhookRequest(body, { ...headers, 'x-signature-timestamp': NOW_S }, options))).toBe('invalid_signature');
  });
});
