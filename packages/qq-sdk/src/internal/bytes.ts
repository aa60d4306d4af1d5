// Byte helpers on Node's Buffer (a Uint8Array), the fastest way there; the web build uses
// bytes.web.ts, the same on TextEncoder and plain Uint8Arrays.

const HEX_PAIR = /^(?:[0-9a-fA-F]{2})*$/u;

/** The UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** The UTF-8 length of a string in bytes. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The bytes of `parts` one after another in a new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** The bytes of an even-length hex string, or `undefined` when it is not hex. */
export function fromHex(hex: string): Uint8Array | undefined {
  return HEX_PAIR.test(hex) ? Buffer.from(hex, 'hex') : undefined;
}
