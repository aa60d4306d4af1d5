/**
 * The bytes a webhook signature covers: the timestamp string, then the raw body.
 * Internal: shared by signing and verifying so both agree byte for byte.
 */
export function signedMessage(timestamp: string, body: string | Uint8Array): Buffer {
  const head = Buffer.from(timestamp, 'utf8');
  const tail = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([head, tail]);
}
