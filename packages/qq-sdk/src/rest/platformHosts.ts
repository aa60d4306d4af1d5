/**
 * Where the QQ Open Platform answers. Since 2026-08 the official docs give one unified domain,
 * `api.bot.qq.com`, for REST, gateway discovery and the token; the older hosts still answer for
 * most bots, and one report (NousResearch/hermes-agent#73378) saw the old `/gateway` answer HTTP
 * 500 while the new one answered 200. qq-sdk uses the new hosts and falls back to the old ones
 * (see `apiFallbackUrls` / `tokenFallbackUrls`). Whether the token endpoint moved too is reported
 * both ways, so its fallback matters most.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/
 */
export const PlatformHosts = {
  /** REST base of production. */
  api: 'https://api.bot.qq.com',
  /** REST base of production before 2026-08. */
  legacyApi: 'https://api.sgroup.qq.com',
  /** REST base of the sandbox. */
  sandboxApi: 'https://sandbox.api.bot.qq.com',
  /** REST base of the sandbox before 2026-08. */
  legacySandboxApi: 'https://sandbox.api.sgroup.qq.com',
  /** The token endpoint (production and sandbox alike). */
  tokenUrl: 'https://api.bot.qq.com/app/getAppAccessToken',
  /** The token endpoint before 2026-08. */
  legacyTokenUrl: 'https://bots.qq.com/app/getAppAccessToken',
} as const;
