import { QQApiError, QQAuthError, QQBot } from 'qq-sdk';
import { API, RestClient, TokenManager } from 'qq-sdk/rest';
import { RedisTokenCache } from 'qq-sdk/redis';

declare const appId: string;
declare const clientSecret: string;
declare function readTokenFromVault(signal?: AbortSignal): Promise<string>;
declare const redis: ConstructorParameters<typeof RedisTokenCache>[0]['redis'];

export async function startChecked(): Promise<void> {
  // #region start
  const bot = new QQBot({ appId, clientSecret, intents: ['GROUP_AND_C2C_EVENT'] });
  try {
    await bot.start(); // fetches a token first: wrong credentials fail here, not on the first reply
  } catch (error) {
    if (error instanceof QQAuthError) console.error(`AppID/AppSecret rejected: ${error.message}`);
    else if (error instanceof QQApiError && error.code === 11298) console.error('add this server to the IP allow-list');
    throw error;
  }
  // #endregion
}

export async function shareTokens(): Promise<void> {
  // #region share
  const tokens = new TokenManager({
    appId,
    clientSecret,
    refreshWindowMs: 60_000, // refresh in the token's last minute (when QQ issues a new one)
  });
  const api = new API(new RestClient({ token: tokens }));

  const token = await tokens.getAccessToken(); // cached; concurrent callers share one request
  const headers = { Authorization: `QQBot ${token}`, 'X-Union-Appid': appId }; // for your own HTTP calls
  const me = await api.users.getMe();
  // #endregion
  void headers;
  void me;
}

export function tokenFromElsewhere(): void {
  // #region source
  // One process refreshes; the others read the current token from where it keeps it.
  const tokens = TokenManager.fromSource((signal) => readTokenFromVault(signal), { appId });
  const api = new API(new RestClient({ token: tokens, appId }));
  // #endregion
  void api;
}

export function fleetCache(): void {
  // #region shared-cache
  const tokens = new TokenManager({
    appId,
    clientSecret,
    tokenCache: new RedisTokenCache({ redis, appId }), // redis: an ioredis client
  });
  // #endregion
  void tokens;
}

export function behindProxy(): void {
  // #region proxy
  const bot = new QQBot({
    appId,
    clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    proxy: 'http://egress.internal:3128', // token, REST and gateway traffic leave from the allow-listed IP
  });
  // #endregion
  void bot;
}
