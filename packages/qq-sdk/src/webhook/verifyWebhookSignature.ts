import { fromHex } from '../internal/bytes.js';
import { ed25519 } from './crypto/ed25519.js';
import { deriveWebhookSeed } from './keys.js';
import { signedMessage } from './signedMessage.js';

const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;

/**
 * Decodes an `X-Signature-Ed25519` value; `undefined` unless it is 64 bytes of hex whose last
 * byte has the top three bits clear (a canonical Ed25519 signature, as the platform requires).
 *
 * @internal
 */
export function decodeSignature(signatureHex: string): Uint8Array | undefined {
  if (!SIGNATURE_HEX.test(signatureHex)) return undefined;
  const signature = fromHex(signatureHex);
  if (signature === undefined) return undefined;
  if (((signature[63] ?? 0xff) & 0xe0) !== 0) return undefined;
  return signature;
}

/**
 * Checks an `X-Signature-Ed25519` header against the `X-Signature-Timestamp` header and the raw
 * body, with the public key derived from the app secret. Never throws on malformed input: any
 * signature that is not valid hex of the right length is simply not valid.
 *
 * Verification is Ed25519 (Node's `crypto`, or WebCrypto in the fetch build); no secret-dependent comparison happens in
 * JavaScript, so it leaks nothing through timing. This checks the signature only: use
 * {@link verifyWebhookRequest} for header parsing, timestamp tolerance and secret rotation.
 *
 * @param secret - The bot's app secret.
 * @param timestamp - The `X-Signature-Timestamp` header value, unchanged.
 * @param body - The raw request body exactly as received (never a re-serialised object).
 * @param signatureHex - The `X-Signature-Ed25519` header value.
 * @returns `true` only if the signature is valid for this secret, timestamp and body.
 * @throws {@link WebhookSecretError} (as a rejection) if the secret is empty.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html
 */
export async function verifyWebhookSignature(secret: string, timestamp: string, body: string | Uint8Array, signatureHex: string): Promise<boolean> {
  deriveWebhookSeed(secret);
  const signature = decodeSignature(signatureHex);
  if (!signature) return false;
  return ed25519.verify(secret, signedMessage(timestamp, body), signature);
}
