/**
 * qq-sdk/rest: the platform's HTTP API for bots that call it directly.
 *
 * The app-token manager, {@link RestClient} (retries, rate limits, host fallback, proxies),
 * {@link API} with one resource class per area (messages, media, groups, guilds, channels…),
 * the response schemas, and the platform's hosts and content limits. A `QQBot` already
 * holds all of these as `bot.api`, `bot.rest` and `bot.tokens`.
 *
 * @packageDocumentation
 * @module rest
 */
export { DEFAULT_USER_AGENT } from '../userAgent.js';
export * from '../auth/index.js';
export * from '../rest/index.js';
