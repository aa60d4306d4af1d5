import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Ed25519Signer } from './Ed25519Signer.js';
import { keyCache } from './keyCache.js';
import { webhookPrivateKeyDer } from './pkcs8.js';

interface NodeKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

const keysFor = keyCache((secret): NodeKeys => {
  const privateKey = createPrivateKey({ key: Buffer.from(webhookPrivateKeyDer(secret)), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
});

/**
 * Ed25519 on Node's `crypto` (synchronous underneath): the build for Node, where it is faster than
 * WebCrypto. The fetch build uses ed25519.web.ts instead.
 *
 * @internal
 */
export const ed25519: Ed25519Signer = {
  sign: (secret, message) => {
    const { privateKey } = keysFor(secret);
    return Promise.resolve(new Uint8Array(sign(null, message, privateKey)));
  },
  verify: (secret, message, signature) => {
    const { publicKey } = keysFor(secret);
    try {
      return Promise.resolve(verify(null, message, publicKey, signature));
    } catch {
      return Promise.resolve(false);
    }
  },
  publicKey: (secret) => {
    const { x } = keysFor(secret).publicKey.export({ format: 'jwk' });
    return Promise.resolve(new Uint8Array(Buffer.from(x ?? '', 'base64url')));
  },
};
