import type { RuntimeFeatureSet } from './RuntimeFeatures.js';

export type { RuntimeFeatureSet } from './RuntimeFeatures.js';

/** The web build: webhooks in, REST out, on Web APIs only (see RuntimeFeatures.ts). */
export const RuntimeFeatures: RuntimeFeatureSet = { build: 'web', gateway: false, webhookServer: false, proxy: false, filePaths: false, md5: false };
