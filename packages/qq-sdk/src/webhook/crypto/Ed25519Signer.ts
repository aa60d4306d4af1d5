/**
 * Ed25519 with the key the platform derives from an app secret. Two builds implement it: Node's
 * `crypto` (ed25519.ts, the faster one where it exists) and WebCrypto (ed25519.web.ts, for Workers,
 * Deno, Bun and browsers); the fetch build swaps one for the other (tsup.config.ts). Async because
 * WebCrypto is.
 *
 * @internal
 */
export interface Ed25519Signer {
  /** The 64-byte signature of `message`. */
  sign(secret: string, message: Uint8Array): Promise<Uint8Array>;
  /** Whether `signature` (64 bytes) is valid for `message`; never throws on a bad signature. */
  verify(secret: string, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** The 32 raw bytes of the public key. */
  publicKey(secret: string): Promise<Uint8Array>;
}
