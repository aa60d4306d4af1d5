export { TokenManager, DEFAULT_TOKEN_URL, type TokenManagerOptions, type TokenSourceOptions } from './TokenManager.js';
export type { TokenProvider, TokenSource } from './TokenProvider.js';
export { AccessTokenResponseSchema, type AccessTokenResponse } from './AccessTokenResponse.js';
export type { SharedTokenCache, SharedAccessToken } from './SharedTokenCache.js';
export { DefaultTokenOptions } from './DefaultTokenOptions.js';
