// TokenManager's `sharedCache` option, with an in-memory fake (no Redis needed).
import { describe, expect, it } from 'vitest';
import { TokenManager, type SharedAccessToken, type SharedTokenCache } from '../../src/auth/index.js';

class FakeSharedCache implements SharedTokenCache {
  stored: SharedAccessToken | undefined;
  readonly calls: number[] = [];
  readonly dropped: string[] = [];
  async getOrFetch(validUntil: number, fetchToken: () => Promise<SharedAccessToken>): Promise<SharedAccessToken> {
    this.calls.push(validUntil);
    if (this.stored && this.stored.expiresAt > validUntil) return this.stored;
    this.stored = await fetchToken();
    return this.stored;
  }
  invalidate(token: string): void {
    this.dropped.push(token);
    if (this.stored?.token === token) this.stored = undefined;
  }
}

describe('TokenManager with a shared token cache', () => {
  const clock = { now: () => 1_000_000 };

  it('takes a token another process stored, without requesting one', async () => {
    const cache = new FakeSharedCache();
    cache.stored = { token: 'from-another-process', expiresAt: clock.now() + 7_200_000 };
    let requests = 0;
    const tokens = new TokenManager({
      appId: '1',
      clientSecret: 's',
      clock,
      tokenCache: cache,
      fetch: async () => {
        requests++;
        return Response.json({ access_token: 'mine', expires_in: 7200 });
      },
    });
    expect(await tokens.getAccessToken()).toBe('from-another-process');
    expect(await tokens.getAccessToken()).toBe('from-another-process');
    expect(requests).toBe(0);
    // Asked once (then served from the local cache), for a token valid past the refresh window.
    expect(cache.calls).toEqual([clock.now() + 60_000]);
  });

  it('fetches through the cache when it has nothing, and drops a rejected token from it', async () => {
    const cache = new FakeSharedCache();
    let n = 0;
    const tokens = new TokenManager({
      appId: '1',
      clientSecret: 's',
      clock,
      tokenCache: cache,
      fetch: async () => Response.json({ access_token: `t${++n}`, expires_in: '7200' }),
    });
    expect(await tokens.getAccessToken()).toBe('t1');
    expect(cache.stored).toEqual({ token: 't1', expiresAt: clock.now() + 7_200_000 });
    tokens.invalidate('t1');
    expect(cache.dropped).toEqual(['t1']);
    expect(await tokens.getAccessToken()).toBe('t2');
    // A stale 401 for a token already replaced drops nothing.
    tokens.invalidate('t1');
    expect(cache.dropped).toEqual(['t1']);
  });

  it('a failing shared cache invalidate is logged, not thrown', async () => {
    const warnings: string[] = [];
    const cache: SharedTokenCache = {
      getOrFetch: async (_validUntil, fetchToken) => fetchToken(),
      invalidate: () => Promise.reject(new Error('redis down')),
    };
    const tokens = new TokenManager({
      appId: '1',
      clientSecret: 's',
      clock,
      tokenCache: cache,
      logger: { warn: (message) => warnings.push(message) },
      fetch: async () => Response.json({ access_token: 'tok', expires_in: 7200 }),
    });
    await tokens.getAccessToken();
    expect(() => tokens.invalidate('tok')).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual(['could not drop the rejected token from the shared token cache']);
  });
});
