import { verify } from 'node:crypto';
import { deriveWebhookKeyPair } from './keys.js';
import { signedMessage } from './signedMessage.js';

const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;

/**
 * Decodes an `X-Signature-Ed25519` value; `undefined` unless it is 64 bytes of hex whose last
 * byte has the top three bits clear (a canonical Ed25519 signature, as the platform requires).
 *
 * @internal
 */
export function decodeSignature(signatureHex: string): Buffer | undefined {
  if (!SIGNATURE_HEX.test(signatureHex)) return undefined;
  const signature = Buffer.from(signatureHex, 'hex');
  if (((signature[63] ?? 0xff) & 0xe0) !== 0) return undefined;
  return signature;
}

/**
 * Checks an `X-Signature-Ed25519` header against the `X-Signature-Timestamp` header and the raw
 * body, with the public key derived from the app secret. Never throws on malformed input: any
 * signature that is not valid hex of the right length is simply not valid.
 *
 * Verification is Ed25519 (`crypto.verify`); no secret-dependent comparison happens in
 * JavaScript, so it leaks nothing through timing. This checks the signature only: use
 * {@link verifyWebhookRequest} for header parsing, timestamp tolerance and secret rotation.
 *
 * @param secret - The bot's app secret.
 * @param timestamp - The `X-Signature-Timestamp` header value, unchanged.
 * @param body - The raw request body exactly as received (never a re-serialised object).
 * @param signatureHex - The `X-Signature-Ed25519` header value.
 * @returns `true` only if the signature is valid for this secret, timestamp and body.
 * @throws {@link WebhookSecretError} if the secret is empty.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html
 */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string | Uint8Array, signatureHex: string): boolean {
  const { publicKey } = deriveWebhookKeyPair(secret);
  const signature = decodeSignature(signatureHex);
  if (!signature) return false;
  try {
    return verify(null, signedMessage(timestamp, body), publicKey, signature);
  } catch {
    return false;
  }
}
