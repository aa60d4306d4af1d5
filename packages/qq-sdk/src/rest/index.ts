export {
  RestClient,
  DEFAULT_API_BASE_URL,
  SANDBOX_API_BASE_URL,
  TRACE_ID,
  getTraceId,
  type RestAuth,
  type RestClientOptions,
  type RejectOnRateLimit,
} from './RestClient.js';
export type { RequestOptions, RestRequest, QueryValue } from './RequestOptions.js';
export type { RateLimitInfo, RestClientEvents } from './RateLimitInfo.js';
export { RetryPolicies, computeRetryDelay, parseRetryAfter, type RetryPolicy } from './RetryPolicy.js';
export { resolveRoute, type RouteInfo } from './resolveRoute.js';
export { createProxyAgent } from './createProxyAgent.js';
export { createProxyFetch } from './createProxyFetch.js';
export type { FetchLike } from './fetchWithTimeout.js';
