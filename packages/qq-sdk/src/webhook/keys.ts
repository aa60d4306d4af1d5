import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { WebhookSecretError } from './WebhookSecretError.js';

/**
 * The Ed25519 key pair the QQ platform derives from a bot's app secret to sign HTTP callbacks.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html
 */
export interface WebhookKeyPair {
  /** The private key (signs op 13 validation answers; the simulator signs deliveries with it). */
  readonly privateKey: KeyObject;
  /** The public key (verifies `X-Signature-Ed25519`). */
  readonly publicKey: KeyObject;
  /** The 32 raw public key bytes as lowercase hex. */
  readonly publicKeyHex: string;
}

/** RFC 8410 PKCS#8 prefix for an Ed25519 private key; the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SEED_LENGTH = 32;
/** Bots rarely have more than a few secrets; the bound only stops a misuse from growing memory. */
const CACHE_LIMIT = 64;

const cache = new Map<string, WebhookKeyPair>();

/**
 * Builds the 32-byte Ed25519 seed from an app secret the way the platform does: repeat the
 * secret's bytes until there are at least 32, then keep the first 32.
 *
 * @param secret - The bot's app secret (client secret).
 * @returns The 32-byte seed.
 * @throws {@link WebhookSecretError} if the secret is empty.
 */
export function deriveWebhookSeed(secret: string): Uint8Array {
  const bytes = Buffer.from(secret, 'utf8');
  if (bytes.length === 0) {
    throw new WebhookSecretError("The webhook secret is empty: pass the bot's app secret (AppSecret from the QQ bot console).");
  }
  let seed = bytes;
  // Doubling (not repeating byte by byte) is what the official sample does; the result is the same prefix.
  while (seed.length < SEED_LENGTH) seed = Buffer.concat([seed, seed]);
  return new Uint8Array(seed.subarray(0, SEED_LENGTH));
}

/**
 * Derives (and caches per secret) the Ed25519 key pair the platform uses for a bot's webhook
 * signatures. Uses Node's `crypto` only.
 *
 * @param secret - The bot's app secret.
 * @returns The key pair; the same object is returned for the same secret.
 * @throws {@link WebhookSecretError} if the secret is empty.
 *
 * @example
 * ```ts
 * const { publicKeyHex } = deriveWebhookKeyPair(process.env.QQ_APP_SECRET!);
 * ```
 */
export function deriveWebhookKeyPair(secret: string): WebhookKeyPair {
  const cached = cache.get(secret);
  if (cached) return cached;
  const seed = deriveWebhookSeed(secret);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  const publicKeyHex = Buffer.from(jwk.x ?? '', 'base64url').toString('hex');
  const pair: WebhookKeyPair = { privateKey, publicKey, publicKeyHex };
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(secret, pair);
  return pair;
}
