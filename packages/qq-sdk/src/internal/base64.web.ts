// A chunk small enough for String.fromCharCode's argument list.
const CHUNK = 0x8000;

/** Base64 of `bytes`, on btoa. @internal */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The bytes of a base64 (or base64url) text, on atob; padding may be left out. @internal */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/-/gu, '+').replace(/_/gu, '/').replace(/=+$/u, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
