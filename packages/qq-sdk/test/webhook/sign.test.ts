import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/internal/bytes.js';
import { ed25519 as nodeEd25519 } from '../../src/webhook/crypto/ed25519.js';
import { ed25519 as webEd25519 } from '../../src/webhook/crypto/ed25519.web.js';
import { deriveWebhookPublicKey, deriveWebhookSeed } from '../../src/webhook/keys.js';
import { signedMessage } from '../../src/webhook/signedMessage.js';
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

describe.each([
  ['Node crypto', nodeEd25519],
  ['WebCrypto', webEd25519],
])('the %s build', (_name, ed25519) => {
  const signHex = async (secret: string, timestamp: string, body: string) => toHex(await ed25519.sign(secret, signedMessage(timestamp, body)));
  const verifyHex = (secret: string, timestamp: string, body: string, signature: string) =>
    ed25519.verify(secret, signedMessage(timestamp, body), fromHex(signature) ?? new Uint8Array());

  it('derives the documented public key (KAT-1)', async () => {
    const publicKey = await ed25519.publicKey(KAT1_SECRET);
    expect(toHex(publicKey)).toBe(KAT1_PUBLIC_KEY);
    expect([...publicKey]).toEqual(KAT1_PUBLIC_KEY_BYTES);
  });

  it("signs the op 13 validation (KAT-2) and a dispatch body (KAT-3') exactly like the docs", async () => {
    expect(await signHex(KAT2.secret, KAT2.eventTs, KAT2.plainToken)).toBe(KAT2.signature);
    expect(await signHex(KAT3P.secret, KAT3P.timestamp, KAT3P.body)).toBe(KAT3P.signature);
  });

  it('accepts the documented signatures and refuses a tampered body, timestamp, secret or signature', async () => {
    const { secret, timestamp, body, signature } = KAT3P;
    expect(await verifyHex(secret, timestamp, body, signature)).toBe(true);
    expect(await verifyHex(KAT2.secret, KAT2.eventTs, KAT2.plainToken, KAT2.signature)).toBe(true);
    expect(await verifyHex(secret, timestamp, `${body} `, signature)).toBe(false);
    expect(await verifyHex(secret, '1725442342', body, signature)).toBe(false);
    expect(await verifyHex(KAT2.secret, timestamp, body, signature)).toBe(false);
    const flipped = (Number.parseInt(signature[0] ?? '0', 16) ^ 1).toString(16) + signature.slice(1);
    expect(await verifyHex(secret, timestamp, body, flipped)).toBe(false);
    expect(await verifyHex(secret, timestamp, body, signature.slice(0, 64))).toBe(false);
  });

  it('agrees with the other build on arbitrary secrets and bodies', async () => {
    const other = ed25519 === nodeEd25519 ? webEd25519 : nodeEd25519;
    for (let i = 0; i < 20; i++) {
      const secret = `secret-${i}-${'字'.repeat(i)}`;
      const message = signedMessage(String(1_700_000_000 + i), JSON.stringify({ op: 0, id: `e${i}`, d: { n: i } }));
      const signature = await ed25519.sign(secret, message);
      expect(toHex(signature)).toBe(toHex(await other.sign(secret, message)));
      expect(await other.verify(secret, message, signature)).toBe(true);
    }
  });
});

describe('deriveWebhookPublicKey', () => {
  it('gives the documented public key as hex (KAT-1), and rejects an empty secret', async () => {
    expect(await deriveWebhookPublicKey(KAT1_SECRET)).toBe(KAT1_PUBLIC_KEY);
    await expect(deriveWebhookPublicKey('')).rejects.toBeInstanceOf(WebhookSecretError);
  });
});

describe('signWebhookPayload', () => {
  it('signs the op 13 validation exactly like the docs (KAT-2)', async () => {
    expect(await signWebhookValidation(KAT2.secret, KAT2.eventTs, KAT2.plainToken)).toBe(KAT2.signature);
    expect(await signWebhookPayload(KAT2.secret, KAT2.eventTs, KAT2.plainToken)).toBe(KAT2.signature);
  });

  it('rejects an empty secret with a typed error', async () => {
    await expect(signWebhookPayload('', '1', '{}')).rejects.toBeInstanceOf(WebhookSecretError);
    await expect(verifyWebhookSignature('', '1', '{}', 'a'.repeat(128))).rejects.toBeInstanceOf(WebhookSecretError);
  });

  it("signs a dispatch body (KAT-3')", async () => {
    expect(await signWebhookPayload(KAT3P.secret, KAT3P.timestamp, KAT3P.body)).toBe(KAT3P.signature);
  });

  it('gives the same signature for a string body and its UTF-8 bytes', async () => {
    const body = '{"op":0,"d":{"content":"你好"}}';
    expect(await signWebhookPayload(KAT1_SECRET, '1', new TextEncoder().encode(body))).toBe(await signWebhookPayload(KAT1_SECRET, '1', body));
  });
});

describe('verifyWebhookSignature', async () => {
  it('accepts the documented signatures', async () => {
    expect(await verifyWebhookSignature(KAT2.secret, KAT2.eventTs, KAT2.plainToken, KAT2.signature)).toBe(true);
    expect(await verifyWebhookSignature(KAT3P.secret, KAT3P.timestamp, KAT3P.body, KAT3P.signature)).toBe(true);
    expect(await verifyWebhookSignature(KAT3P.secret, KAT3P.timestamp, Buffer.from(KAT3P.body), KAT3P.signature.toUpperCase())).toBe(true);
  });

  it('rejects a tampered body, timestamp, wrong secret and forged signature', async () => {
    const { secret, timestamp, body, signature } = KAT3P;
    expect(await verifyWebhookSignature(secret, timestamp, body.replace('0', '1'), signature)).toBe(false);
    expect(await verifyWebhookSignature(secret, timestamp, `${body} `, signature)).toBe(false);
    expect(await verifyWebhookSignature(secret, '1725442342', body, signature)).toBe(false);
    expect(await verifyWebhookSignature(KAT2.secret, timestamp, body, signature)).toBe(false);
    const flipped = (Number.parseInt(signature[0] ?? '0', 16) ^ 1).toString(16) + signature.slice(1);
    expect(await verifyWebhookSignature(secret, timestamp, body, flipped)).toBe(false);
  });

  it('rejects malformed signatures without throwing', async () => {
    const { secret, timestamp, body, signature } = KAT3P;
    for (const bad of ['', 'zz', signature.slice(0, 126), `${signature}00`, 'g'.repeat(128), ` ${signature.slice(1)}`]) {
      expect(await verifyWebhookSignature(secret, timestamp, body, bad)).toBe(false);
    }
    // A non-canonical S (top bits of the last byte set) is refused outright.
    expect(await verifyWebhookSignature(secret, timestamp, body, `${signature.slice(0, 126)}ff`)).toBe(false);
  });

  it('rejects the official KAT-3 value, which does not match its printed body', async () => {
    const official = '865ad13a61752ca65e26bde6676459cd36cf1be609375b37bd62af366e1dc25a8dc789ba7f14e017ada3d554c671a911bfdf075ba54835b23391d509579ed002';
    expect(await verifyWebhookSignature(KAT3P.secret, KAT3P.timestamp, KAT3P.body, official)).toBe(false);
  });

  it('round-trips arbitrary bodies and secrets', async () => {
    for (let i = 0; i < 50; i++) {
      const secret = `secret-${i}-${'x'.repeat(i)}`;
      const body = JSON.stringify({ op: 0, id: `e${i}`, d: { n: i } });
      const sig = await signWebhookPayload(secret, String(1_700_000_000 + i), body);
      expect(await verifyWebhookSignature(secret, String(1_700_000_000 + i), body, sig)).toBe(true);
    }
  });
});
