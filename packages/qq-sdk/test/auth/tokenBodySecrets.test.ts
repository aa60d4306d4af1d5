import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TokenManager } from '../../src/auth/TokenManager.js';
import { QQAuthError } from '../../src/errors/QQApiError.js';

const TOKEN_URL = 'https://api.bot.qq.com/app/getAppAccessToken';
const SECRET = 'super-secret-client-value';
const LIVE_TOKEN = 'live-access-token-0123456789';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('a token endpoint answer the SDK cannot use', () => {
  for (const expiresIn of ['soon', 0, undefined]) {
    it(`never carries the live token it contains (expires_in ${JSON.stringify(expiresIn)}) into the error`, async () => {
      server.use(http.post(TOKEN_URL, () => HttpResponse.json({ access_token: LIVE_TOKEN, ...(expiresIn !== undefined ? { expires_in: expiresIn } : {}) })));
      const tokens = new TokenManager({ appId: '102000000', clientSecret: SECRET });
      const error = await tokens.getAccessToken().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QQAuthError);
      for (const printed of [JSON.stringify(error), inspect(error, { depth: 10 }), String(error), JSON.stringify((error as QQAuthError).body)]) {
        expect(printed).not.toContain(LIVE_TOKEN);
        expect(printed).not.toContain(SECRET);
      }
      expect(JSON.stringify((error as QQAuthError).body)).toContain('[REDACTED]');
    });
  }
});
