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
export { DefaultRestOptions } from './DefaultRestOptions.js';
export { route, type BuiltRoute, type RouteArgs, type RouteMethod, type RouteParamName, type RouteParams, type RouteTemplate } from './route.js';
export { createProxyAgent, type ProxyTlsOptions } from './createProxyAgent.js';
export { createProxyFetch } from './createProxyFetch.js';
export type { FetchLike } from './fetchWithTimeout.js';
export { API, type APIOptions } from './API.js';
export { MediaUploadCache, type MediaUploadCacheOptions } from './MediaUploadCache.js';
export { MessagesAPI, type RecallOptions } from './resources/MessagesAPI.js';
export { MediaAPI, type MediaAPIOptions, type MediaUploadInput, type MediaUploadOptions, type LargeMediaUploadInput } from './resources/MediaAPI.js';
export type { ChunkedUploadProgress } from './ChunkedUploadProgress.js';
export * from './schemas/chunkedUpload.js';
export { UsersAPI, type ListGuildsQuery } from './resources/UsersAPI.js';
export { GatewayAPI } from './resources/GatewayAPI.js';
export { DMsAPI } from './resources/DMsAPI.js';
export {
  InteractionsAPI,
  ClawConfigSchema,
  InteractionAckBodySchema,
  InteractionAckDataSchema,
  type ClawConfig,
  type InteractionAck,
  type InteractionAckData,
  type InteractionResultCode,
} from './resources/InteractionsAPI.js';
export { GuildsAPI } from './resources/GuildsAPI.js';
export { ChannelsAPI } from './resources/ChannelsAPI.js';
export { MembersAPI, type ListMembersQuery, type ListRoleMembersQuery } from './resources/MembersAPI.js';
export { RolesAPI } from './resources/RolesAPI.js';
export { PinsAPI } from './resources/PinsAPI.js';
export { ReactionsAPI, type ReactionEmoji } from './resources/ReactionsAPI.js';
export { AnnouncesAPI } from './resources/AnnouncesAPI.js';
export * from './schemas/messages.js';
export * from './schemas/media.js';
export * from './schemas/users.js';
export * from './schemas/gateway.js';
export * from './schemas/guilds.js';
export * from './schemas/guildExtras.js';
export { SchedulesAPI } from './resources/SchedulesAPI.js';
export { ForumAPI } from './resources/ForumAPI.js';
export { ApiPermissionsAPI } from './resources/ApiPermissionsAPI.js';
export { AudioAPI } from './resources/AudioAPI.js';
export { GroupsAPI } from './resources/GroupsAPI.js';
export * from './schemas/groups.js';
export { MenuAPI } from './resources/MenuAPI.js';
export { PanelsAPI } from './resources/PanelsAPI.js';
export * from './schemas/menu.js';
export * from './schemas/panels.js';
export { MessageContentLimits } from './schemas/contentLimits.js';
export { PlatformHosts } from './platformHosts.js';
