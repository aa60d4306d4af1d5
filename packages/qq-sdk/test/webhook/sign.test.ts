import { describe, expect, it } from 'vitest';
import { deriveWebhookKeyPair, deriveWebhookSeed } from '../../src/webhook/keys.js';
import { signWebhookPayload, signWebhookValidation } from '../../src/webhook/sign.js';
import { verifyWebhookSignature } from '../../src/webhook/verifyWebhookSignature.js';
import { WebhookSecretError } from '../../src/webhook/WebhookSecretError.js';

// Known-answer vectors: reference §6.6 (official docs sign.md / event-emit.md).
const KAT1_SECRET = 'naOC0ocQE3shWLAfffVLB1rhYPG7';
const KAT1_PUBLIC_KEY = 'd7c362fe78aef81ff23287b493628b5db02a3c4fe30b215e4d19609b5d76673a';
const KAT1_PUBLIC_KEY_BYTES = [
  215, 195, 98, 254, 120, 174, 248, 31, 242, 50, 135, 180, 147, 98, 139, 93, 176, 42, 60, 79, 227, 11, 33, 94, 77, 25, 96, 155, 93, 118, 103, 58,
];
const KAT2 = {
  secret: 'DG5g3B4j9X2KOErG',
  eventTs: '1725442341',
  plainToken: 'Arq0D5A61EgUu4OxUvOp',
  signature: '87befc99c42c651b3aac0278e71ada338433ae26fcb24307bdc5ad38c1adc2d01bcfcadc0842edac85e85205028a1132afe09280305f13aa6909ffc2d652c706',
};
const KAT3P = {
  secret: KAT1_SECRET,
  timestamp: '1725442341',
  body: '{ "op": 0,"d": {}, "t": "GATEWAY_EVENT_NAME"}',
  signature: '2eb9983ebb8bb209e78fd095942f58e442656656e7975d01e64f9023a84b7c964290fdd40e5500c33867ccfe9563b7e0b6bac0e1d42c13e787b304fd51f71102',
};

describe('deriveWebhookSeed', () => {
  it('doubles the secret until 32 bytes and keeps the first 32 (KAT-1 seed)', () => {
    expect(Buffer.from(deriveWebhookSeed(KAT1_SECRET)).toString('utf8')).toBe('naOC0ocQE3shWLAfffVLB1rhYPG7naOC');
  });

  it('keeps only the first 32 bytes of a long secret', () => {
    const secret = 'a'.repeat(20) + 'b'.repeat(20);
    expect(Buffer.from(deriveWebhookSeed(secret)).toString('utf8')).toBe('a'.repeat(20) + 'b'.repeat(12));
  });

  it('repeats a short secret', () => {
    expect(Buffer.from(deriveWebhookSeed('abc')).toString('utf8')).toBe('abc'.repeat(11).slice(0, 32));
  });

  it('rejects an empty secret with a typed error', () => {
    expect(() => deriveWebhookSeed('')).toThrow(WebhookSecretError);
  });
});

describe('deriveWebhookKeyPair', () => {
  it('derives the documented public key (KAT-1)', () => {
    const pair = deriveWebhookKeyPair(KAT1_SECRET);
    expect(pair.publicKeyHex).toBe(KAT1_PUBLIC_KEY);
    expect([...Buffer.from(pair.publicKeyHex, 'hex')]).toEqual(KAT1_PUBLIC_KEY_BYTES);
  });

  it('builds the private key from the seed (private key = seed ‖ public key)', () => {
    const jwk = deriveWebhookKeyPair(KAT1_SECRET).privateKey.export({ format: 'jwk' });
    expect(Buffer.from(jwk.d ?? '', 'base64url').toString('utf8')).toBe('naOC0ocQE3shWLAfffVLB1rhYPG7naOC');
    expect(Buffer.from(jwk.x ?? '', 'base64url').toString('hex')).toBe(KAT1_PUBLIC_KEY);
  });

  it('caches the pair per secret', () => {
    expect(deriveWebhookKeyPair(KAT2.secret)).toBe(deriveWebhookKeyPair(KAT2.secret));
    expect(deriveWebhookKeyPair(KAT2.secret)).not.toBe(deriveWebhookKeyPair(KAT1_SECRET));
  });
});

describe('signWebhookPayload', () => {
  it('signs the op 13 validation exactly like the docs (KAT-2)', () => {
    expect(signWebhookValidation(KAT2.secret, KAT2.eventTs, KAT2.plainToken)).toBe(KAT2.signature);
    expect(signWebhookPayload(KAT2.secret, KAT2.eventTs, KAT2.plainToken)).toBe(KAT2.signature);
  });

  it("signs a dispatch body (KAT-3')", () => {
    expect(signWebhookPayload(KAT3P.secret, KAT3P.timestamp, KAT3P.body)).toBe(KAT3P.signature);
  });

  it('gives the same signature for a string body and its UTF-8 bytes', () => {
    const body = '{"op":0,"d":{"content":"你好"}}';
    expect(signWebhookPayload(KAT1_SECRET, '1', new TextEncoder().encode(body))).toBe(signWebhookPayload(KAT1_SECRET, '1', body));
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts the documented signatures', () => {
    expect(verifyWebhookSignature(KAT2.secret, KAT2.eventTs, KAT2.plainToken, KAT2.signature)).toBe(true);
    expect(verifyWebhookSignature(KAT3P.secret, KAT3P.timestamp, KAT3P.body, KAT3P.signature)).toBe(true);
    expect(verifyWebhookSignature(KAT3P.secret, KAT3P.timestamp, Buffer.from(KAT3P.body), KAT3P.signature.toUpperCase())).toBe(true);
  });

  it('rejects a tampered body, timestamp, wrong secret and forged signature', () => {
    const { secret, timestamp, body, signature } = KAT3P;
    expect(verifyWebhookSignature(secret, timestamp, body.replace('0', '1'), signature)).toBe(false);
    expect(verifyWebhookSignature(secret, timestamp, `${body} `, signature)).toBe(false);
    expect(verifyWebhookSignature(secret, '1725442342', body, signature)).toBe(false);
    expect(verifyWebhookSignature(KAT2.secret, timestamp, body, signature)).toBe(false);
    const flipped = (Number.parseInt(signature[0] ?? '0', 16) ^ 1).toString(16) + signature.slice(1);
    expect(verifyWebhookSignature(secret, timestamp, body, flipped)).toBe(false);
  });

  it('rejects malformed signatures without throwing', () => {
    const { secret, timestamp, body, signature } = KAT3P;
    for (const bad of ['', 'zz', signature.slice(0, 126), `${signature}00`, 'g'.repeat(128), ` ${signature.slice(1)}`]) {
      expect(verifyWebhookSignature(secret, timestamp, body, bad)).toBe(false);
    }
    // A non-canonical S (top bits of the last byte set) is refused outright.
    expect(verifyWebhookSignature(secret, timestamp, body, `${signature.slice(0, 126)}ff`)).toBe(false);
  });

  it('rejects the official KAT-3 value, which does not match its printed body', () => {
    const official = '865ad13a61752ca65e26bde6676459cd36cf1be609375b37bd62af366e1dc25a8dc789ba7f14e017ada3d554c671a911bfdf075ba54835b23391d509579ed002';
    expect(verifyWebhookSignature(KAT3P.secret, KAT3P.timestamp, KAT3P.body, official)).toBe(false);
  });

  it('round-trips arbitrary bodies and secrets', () => {
    for (let i = 0; i < 50; i++) {
      const secret = `secret-${i}-${'x'.repeat(i)}`;
      const body = JSON.stringify({ op: 0, id: `e${i}`, d: { n: i } });
      const sig = signWebhookPayload(secret, String(1_700_000_000 + i), body);
      expect(verifyWebhookSignature(secret, String(1_700_000_000 + i), body, sig)).toBe(true);
    }
  });
});
