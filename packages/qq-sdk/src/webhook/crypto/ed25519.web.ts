import type { Ed25519Signer } from './Ed25519Signer.js';
import { keyCache } from './keyCache.js';
import { webhookPrivateKeyDer } from './pkcs8.js';

/** WebCrypto's key type, named without the DOM library. */
type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

interface WebKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicKeyBytes: Uint8Array;
}

const ED25519 = { name: 'Ed25519' } as const;

// WebCrypto derives no public key from a private one: the private key is imported extractable
// once, and its JWK's `x` is the public key.
const keysFor = keyCache(async (secret): Promise<WebKeys> => {
  const der = webhookPrivateKeyDer(secret);
  const extractable = await crypto.subtle.importKey('pkcs8', der, ED25519, true, ['sign']);
  const { x } = await crypto.subtle.exportKey('jwk', extractable);
  const publicKeyBytes = fromBase64Url(x ?? '');
  const [privateKey, publicKey] = await Promise.all([
    crypto.subtle.importKey('pkcs8', der, ED25519, false, ['sign']),
    crypto.subtle.importKey('raw', publicKeyBytes, ED25519, true, ['verify']),
  ]);
  return { privateKey, publicKey, publicKeyBytes };
});

/**
 * Ed25519 on WebCrypto (`crypto.subtle`), for runtimes without Node's `crypto`: Cloudflare
 * Workers, Deno, Bun, browsers.
 *
 * @internal
 */
export const ed25519: Ed25519Signer = {
  sign: async (secret, message) => new Uint8Array(await crypto.subtle.sign(ED25519, (await keysFor(secret)).privateKey, message)),
  verify: async (secret, message, signature) => {
    const { publicKey } = await keysFor(secret);
    try {
      return await crypto.subtle.verify(ED25519, publicKey, signature, message);
    } catch {
      return false;
    }
  },
  publicKey: async (secret) => (await keysFor(secret)).publicKeyBytes,
};

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/gu, '+').replace(/_/gu, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
