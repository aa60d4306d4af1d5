import { concatBytes, toHex, utf8Bytes } from '../internal/bytes.js';
import { ed25519 } from './crypto/ed25519.js';
import { WebhookSecretError } from './WebhookSecretError.js';

const SEED_LENGTH = 32;

/**
 * Builds the 32-byte Ed25519 seed from an app secret the way the platform does: repeat the
 * secret's bytes until there are at least 32, then keep the first 32.
 *
 * @param secret - The bot's app secret (client secret).
 * @returns The 32-byte seed.
 * @throws {@link WebhookSecretError} if the secret is empty.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html
 */
export function deriveWebhookSeed(secret: string): Uint8Array {
  const bytes = utf8Bytes(secret);
  if (bytes.length === 0) {
    throw new WebhookSecretError("The webhook secret is empty: pass the bot's app secret (AppSecret from the QQ bot console).");
  }
  let seed = bytes;
  // Doubling (not repeating byte by byte) is what the official sample does; the result is the same prefix.
  while (seed.length < SEED_LENGTH) seed = concatBytes([seed, seed]);
  return seed.slice(0, SEED_LENGTH);
}

/**
 * The Ed25519 public key the platform derives from a bot's app secret, as 64 lowercase hex
 * characters: what verifies its `X-Signature-Ed25519` headers.
 *
 * @param secret - The bot's app secret.
 * @returns The 32 raw public key bytes as hex.
 * @throws {@link WebhookSecretError} (as a rejection) if the secret is empty.
 *
 * @example
 * ```ts
 * console.log(await deriveWebhookPublicKey(process.env.QQ_APP_SECRET!));
 * ```
 */
export async function deriveWebhookPublicKey(secret: string): Promise<string> {
  deriveWebhookSeed(secret);
  return toHex(await ed25519.publicKey(secret));
}
