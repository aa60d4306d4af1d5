import { concatBytes, utf8Bytes } from '../internal/bytes.js';

/**
 * The bytes a webhook signature covers: the timestamp string, then the raw body.
 * Internal: shared by signing and verifying so both agree byte for byte.
 */
export function signedMessage(timestamp: string, body: string | Uint8Array): Uint8Array {
  return concatBytes([utf8Bytes(timestamp), typeof body === 'string' ? utf8Bytes(body) : body]);
}
