import { createHash } from 'node:crypto';

/** A hash the platform asks for in uploads, or qq-sdk keys its upload cache by. @internal */
export type DigestAlgorithm = 'md5' | 'sha1' | 'sha256';

/** Lowercase hex digest of `data` (text as UTF-8), on Node's crypto. @internal */
export function digestHex(algorithm: DigestAlgorithm, data: Uint8Array | string): Promise<string> {
  return Promise.resolve(createHash(algorithm).update(data).digest('hex'));
}
