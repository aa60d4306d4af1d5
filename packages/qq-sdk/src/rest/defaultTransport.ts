import type { FetchLike } from './fetchWithTimeout.js';
import { createNodeHttpFetch } from './nodeHttpFetch.js';

/** The HTTP transport a bot uses when given no `fetch` and no `proxy`. @internal */
export interface DefaultTransport {
  readonly fetch: FetchLike;
  /** Closes pooled connections, if the transport pools any. */
  destroy(): void;
}

/**
 * On Node, keep-alive `node:http` rather than the global fetch: half the CPU per REST call and far
 * less memory (bench/, docs/benchmarks.md). The web build (defaultTransport.web.ts) uses `fetch`.
 *
 * @internal
 */
export function createDefaultTransport(): DefaultTransport {
  return createNodeHttpFetch();
}
