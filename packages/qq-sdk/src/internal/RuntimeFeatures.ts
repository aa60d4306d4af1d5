/** What a build of qq-sdk can do on the runtime it was built for. */
export interface RuntimeFeatureSet {
  /** Which build this is: `'node'`, or `'web'` for Workers, Deno, Bun and browsers (`qq-sdk/fetch`). */
  readonly build: 'node' | 'web';
  /** The WebSocket gateway (`transport: 'websocket'`), on the `ws` package. */
  readonly gateway: boolean;
  /** The bot's own HTTP server for webhooks (`webhook.listen`), on `node:http`. */
  readonly webhookServer: boolean;
  /** The `proxy` option, on `node:http` tunnels. */
  readonly proxy: boolean;
  /** Reading files by path (`path` in media uploads, `FileSessionStore`). */
  readonly filePaths: boolean;
  /** MD5, which the platform's chunked upload asks for and WebCrypto does not offer. */
  readonly md5: boolean;
}

/**
 * What this build of qq-sdk can do. The Node build has everything; the web build, which the
 * `workerd`, `deno`, `bun` and `browser` conditions of `qq-sdk/fetch` select, has no gateway, HTTP
 * server, proxy, file paths or MD5. `QQBot` checks its options against it when it is built, before
 * any request; log `RuntimeFeatures.build` to see which build a bundler picked.
 *
 * @example
 * ```ts
 * import { QQBot, RuntimeFeatures } from 'qq-sdk/fetch';
 * const transport = RuntimeFeatures.gateway ? 'websocket' : 'webhook';
 * ```
 */
export const RuntimeFeatures: RuntimeFeatureSet = { build: 'node', gateway: true, webhookServer: true, proxy: true, filePaths: true, md5: true };
