import { QQApiError, QQConnectionError, QQTimeoutError } from 'qq-sdk';
import { describePlatformCode } from 'qq-sdk/errors';
import { createProxyFetch, TokenManager } from 'qq-sdk/rest';

/** What the setup wizard checks: one app access token request with these credentials. */
export interface CredentialCheck {
  /** The bot's AppID. */
  readonly appId: string;
  /** The bot's AppSecret (sent to the token endpoint only, never logged). */
  readonly clientSecret: string;
  /** The token endpoint (`tokenUrl` of the account; default QQ's). */
  readonly tokenUrl?: string | undefined;
  /** HTTP(S) proxy of the account (`proxy`). */
  readonly proxy?: string | undefined;
  /** How long to wait for the token endpoint, in ms. @defaultValue 10000 */
  readonly timeoutMs?: number | undefined;
}

/**
 * The outcome of a {@link CredentialCheck}: accepted; refused by QQ (with the platform code and
 * what to do about it, from qq-sdk's error catalogue); or the endpoint could not be reached
 * (offline, DNS, firewall, timeout). No variant carries the secret.
 */
export type CredentialCheckResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'rejected'; readonly code?: number; readonly message: string; readonly traceId?: string }
  | { readonly ok: false; readonly reason: 'unreachable'; readonly message: string };

/** Checks app credentials; the default asks QQ's token endpoint through qq-sdk's `TokenManager`. */
export type CredentialVerifier = (check: CredentialCheck) => Promise<CredentialCheckResult>;

/** The token endpoint's answer turned into one line a user can act on. */
function describeRejection(error: QQApiError): CredentialCheckResult {
  const code = error.code;
  const known = code !== undefined ? describePlatformCode(code, error.status) : undefined;
  const explanation = known?.known ? known.explanation : error.explanation;
  const platform = error.platformMessage ? ` ("${error.platformMessage}")` : '';
  return {
    ok: false,
    reason: 'rejected',
    ...(code !== undefined ? { code } : {}),
    message: `QQ refused the credentials${code !== undefined ? ` with code ${code}` : ` (HTTP ${error.status})`}${platform}. ${explanation}`,
    ...(error.traceId !== undefined ? { traceId: error.traceId } : {}),
  };
}

/**
 * Fetches one app access token with the given credentials, the way the account will at start-up
 * (same token URL, same proxy), and classifies the outcome. Never throws for a refusal or a
 * network failure; the token itself is discarded.
 */
export const verifyAppCredentials: CredentialVerifier = async (check) => {
  const tokens = new TokenManager({
    appId: check.appId,
    clientSecret: check.clientSecret,
    ...(check.tokenUrl !== undefined ? { tokenUrl: check.tokenUrl } : {}),
    ...(check.proxy !== undefined ? { fetch: createProxyFetch(check.proxy) } : {}),
    timeoutMs: check.timeoutMs ?? 10_000,
  });
  try {
    await tokens.getAccessToken();
    return { ok: true };
  } catch (error) {
    if (error instanceof QQConnectionError || error instanceof QQTimeoutError) {
      return { ok: false, reason: 'unreachable', message: `QQ's token endpoint could not be reached: ${error.message}` };
    }
    // A failing endpoint says nothing about the credentials.
    if (error instanceof QQApiError && error.status >= 500) {
      return { ok: false, reason: 'unreachable', message: `QQ's token endpoint failed (HTTP ${error.status}); try again later` };
    }
    if (error instanceof QQApiError) return describeRejection(error);
    return { ok: false, reason: 'unreachable', message: `The credentials could not be checked: ${error instanceof Error ? error.message : String(error)}` };
  }
};
