import { VERSION } from './version.js';

/**
 * The `User-Agent` qq-sdk sends on REST calls, so the platform's logs (and yours) can tell which
 * SDK build made a request.
 */
export const DEFAULT_USER_AGENT = `qq-sdk/${VERSION} (+https://www.npmjs.com/package/qq-sdk) Node.js/${process.versions.node}`;
