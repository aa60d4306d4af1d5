import type { DefaultTransport } from './defaultTransport.js';

export type { DefaultTransport } from './defaultTransport.js';

/** The web build: the runtime's own `fetch`, which pools connections itself. @internal */
export function createDefaultTransport(): DefaultTransport {
  return { fetch: (input, init) => fetch(input, init), destroy: () => undefined };
}
