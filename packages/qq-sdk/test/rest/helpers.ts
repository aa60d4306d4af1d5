import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { RestClient, type RestClientOptions } from '../../src/rest/RestClient.js';
import { RetryPolicies } from '../../src/rest/RetryPolicy.js';

export const API = 'https://api.bot.qq.com';
export const TOKEN_URL = 'https://api.bot.qq.com/app/getAppAccessToken';
export const SECRET = 'client-secret-abcdef123456';

/** Installs a token endpoint that serves tok-1, tok-2, … and counts calls. */
export function useTokenEndpoint(server: SetupServer): { readonly count: number } {
  const state = { count: 0 };
  server.use(
    http.post(TOKEN_URL, () => {
      state.count += 1;
      return HttpResponse.json({ access_token: `tok-${state.count}`, expires_in: '7200' });
    }),
  );
  return state;
}

/** Zero backoff, but server Retry-After values up to 10 s are honoured. */
export const TEST_POLICY = { ...RetryPolicies.immediate, maxRetryAfterMs: 10_000 };

/**
 * A client with zero-delay retries, pointed at the msw-mocked production URLs, without host
 * fallbacks (a test of those opts in), so a failure stays on the host the test mocks.
 */
export function makeClient(options: RestClientOptions = {}): RestClient {
  return new RestClient({ appId: '102000000', clientSecret: SECRET }, { retryPolicy: TEST_POLICY, apiFallbackUrls: [], tokenFallbackUrls: [], ...options });
}

/** A captured request, for asserting method, path, headers and body. */
export interface Captured {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

/** Responds to `method path` with `reply` and records every matching request. */
export function capture(server: SetupServer, method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, reply: unknown = {}, status = 200): Captured[] {
  const seen: Captured[] = [];
  server.use(
    http[method](`${API}${path}`, async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      seen.push({
        method: request.method,
        path: url.pathname,
        search: url.search,
        headers: request.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      });
      return status === 204 ? new HttpResponse(null, { status }) : HttpResponse.json(reply as object, { status });
    }),
  );
  return seen;
}
