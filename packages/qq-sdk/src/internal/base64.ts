/** Base64 of `bytes`; Node's Buffer here, atob/btoa in the web build (base64.web.ts). @internal */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The bytes of a base64 (or base64url) text; lenient about padding like Node's decoder. @internal */
export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
