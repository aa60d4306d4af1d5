import { VERSION } from './version.js';

/** The runtime and its version: `Node.js/20.20.2`, or what `navigator.userAgent` says elsewhere (Deno, Bun, Workers). */
function runtimeName(): string {
  const scope = globalThis as { process?: { versions?: { node?: string } }; navigator?: { userAgent?: string }; Deno?: unknown; Bun?: unknown };
  // Deno and Bun also define process.versions.node, for Node compatibility.
  const node = scope.Deno === undefined && scope.Bun === undefined ? scope.process?.versions?.node : undefined;
  return node !== undefined ? `Node.js/${node}` : (scope.navigator?.userAgent ?? 'unknown-runtime');
}

/**
 * The `User-Agent` qq-sdk sends on REST calls, so the platform's logs (and yours) can tell which
 * SDK build made a request.
 */
export const DEFAULT_USER_AGENT = `qq-sdk/${VERSION} (+https://www.npmjs.com/package/qq-sdk) ${runtimeName()}`;
