import { toHex, utf8Bytes } from '../internal/bytes.js';
import { notInWebBuild } from '../internal/notInWebBuild.js';
import type { DigestAlgorithm } from './digests.js';

export type { DigestAlgorithm } from './digests.js';

const SUBTLE_NAMES = { sha1: 'SHA-1', sha256: 'SHA-256' } as const;

/** Lowercase hex digest on WebCrypto, which has no MD5. @internal */
export async function digestHex(algorithm: DigestAlgorithm, data: Uint8Array | string): Promise<string> {
  if (algorithm === 'md5') {
    throw notInWebBuild('large media upload', 'md5');
  }
  const bytes = typeof data === 'string' ? utf8Bytes(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest(SUBTLE_NAMES[algorithm], bytes)));
}
