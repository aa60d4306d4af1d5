import { concatBytes, fromHex } from '../../internal/bytes.js';
import { deriveWebhookSeed } from '../keys.js';

/** RFC 8410 PKCS#8 prefix of an Ed25519 private key; the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = fromHex('302e020100300506032b657004220420') ?? new Uint8Array();

/**
 * The PKCS#8 (DER) private key both crypto builds import: the prefix, then the seed derived
 * from the secret.
 *
 * @internal
 */
export function webhookPrivateKeyDer(secret: string): Uint8Array {
  return concatBytes([PKCS8_ED25519_PREFIX, deriveWebhookSeed(secret)]);
}
