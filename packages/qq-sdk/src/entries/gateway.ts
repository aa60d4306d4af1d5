/**
 * qq-sdk/gateway: the WebSocket gateway on its own.
 *
 * {@link GatewayManager} and its shards, the close-code policy, heartbeats, backoff, identify
 * throttling and session stores for resuming after a restart. A `QQBot` with the default
 * `transport: 'websocket'` runs one as `bot.gateway`.
 *
 * @packageDocumentation
 * @module gateway
 */
export * from '../gateway/index.js';
