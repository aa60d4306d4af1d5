import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitInfo } from '../../src/rest/RateLimitInfo.js';
import { route } from '../../src/rest/route.js';
import { API, makeClient, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const GROUP = route('POST /v2/groups/{group_openid}/messages', { group_openid: 'G1' });

/** A promise with its resolver, bounded so a test that would deadlock fails instead. */
function gate(ms = 5_000): { promise: Promise<'opened' | 'timed out'>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<'opened' | 'timed out'>((resolve) => {
    open = () => resolve('opened');
    setTimeout(() => resolve('timed out'), ms).unref();
  });
  return { promise, open };
}

/** Serves the group's messages: records arrivals, and holds a request while `hold` says so. */
function groupMessages(hold: (body: { content: string }) => Promise<unknown> | undefined): string[] {
  const arrivals: string[] = [];
  server.use(
    http.post(`${API}/v2/groups/G1/messages`, async ({ request }) => {
      const body = (await request.json()) as { content: string };
      arrivals.push(body.content);
      await hold(body);
      return HttpResponse.json({ id: `id-${body.content}`, timestamp: '2026-12-04T00:00:00+08:00' });
    }),
  );
  return arrivals;
}

describe('REST calls queue per reply chain: order within a chain, concurrency across chains', () => {
  it('replies to different messages in one group overlap: the second is not held behind the first', async () => {
    useTokenEndpoint(server);
    const second = gate();
    let firstHeld: 'opened' | 'timed out' | undefined;
    const arrivals = groupMessages(async (body) => {
      if (body.content === 'to M1') firstHeld = await second.promise;
      if (body.content === 'to M2') second.open();
    });
    const rest = makeClient();
    const finished: string[] = [];
    const one = rest.request({ ...GROUP, body: { content: 'to M1' }, chain: 'M1' }).then(() => finished.push('M1'));
    const two = rest.request({ ...GROUP, body: { content: 'to M2' }, chain: 'M2' }).then(() => finished.push('M2'));
    await Promise.all([one, two]);
    // Had M2 waited behind M1, M1 would have been released only by the gate's timeout.
    expect(firstHeld).toBe('opened');
    expect(arrivals).toEqual(['to M1', 'to M2']);
    expect(finished).toEqual(['M2', 'M1']);
  });

  it('the parts of one answer stay in order even when the first is slow', async () => {
    useTokenEndpoint(server);
    const arrivals = groupMessages((body) => (body.content === 'part 1' ? new Promise((resolve) => setTimeout(resolve, 150)) : undefined));
    const rest = makeClient();
    await Promise.all([1, 2, 3].map((n) => rest.request({ ...GROUP, body: { content: `part ${n}` }, chain: 'M1' })));
    expect(arrivals).toEqual(['part 1', 'part 2', 'part 3']);
  });

  it('calls without a chain (active messages) keep their order to one target', async () => {
    useTokenEndpoint(server);
    const arrivals = groupMessages((body) => (body.content === 'a' ? new Promise((resolve) => setTimeout(resolve, 150)) : undefined));
    const rest = makeClient();
    await Promise.all(['a', 'b', 'c'].map((content) => rest.request({ ...GROUP, body: { content } })));
    expect(arrivals).toEqual(['a', 'b', 'c']);
  });

  it('a rate limit on the bucket holds the later calls of every chain until it ends', async () => {
    useTokenEndpoint(server);
    const arrivals: Array<{ content: string; at: number }> = [];
    let limited = false;
    server.use(
      http.post(`${API}/v2/groups/G1/messages`, async ({ request }) => {
        const body = (await request.json()) as { content: string };
        arrivals.push({ content: body.content, at: Date.now() });
        if (!limited) {
          limited = true;
          return HttpResponse.json({ message: 'limited' }, { status: 429, headers: { 'Retry-After': '1' } });
        }
        return HttpResponse.json({ id: 'x' });
      }),
    );
    const rest = makeClient();
    const events: RateLimitInfo[] = [];
    const firstLimited = gate();
    rest.on('rateLimited', (info) => {
      events.push(info);
      firstLimited.open();
    });
    const first = rest.request({ ...GROUP, body: { content: 'M1' }, chain: 'M1' });
    expect(await firstLimited.promise).toBe('opened');
    const limitedAt = arrivals[0]!.at;
    await Promise.all([first, rest.request({ ...GROUP, body: { content: 'M2' }, chain: 'M2' })]);
    const other = arrivals.find((a) => a.content === 'M2')!;
    expect(other.at - limitedAt).toBeGreaterThanOrEqual(900);
    expect(events.map((e) => e.bucket)).toEqual(['POST /v2/groups/{group_openid}/messages|G1', 'POST /v2/groups/{group_openid}/messages|G1']);
  });

  it('an aborted call leaves its chain, and the next call of the chain still runs in order', async () => {
    useTokenEndpoint(server);
    const release = gate();
    const arrivals = groupMessages((body) => (body.content === 'slow' ? release.promise : undefined));
    const rest = makeClient();
    const controller = new AbortController();
    const slow = rest.request({ ...GROUP, body: { content: 'slow' }, chain: 'M1' });
    const aborted = rest.request({ ...GROUP, body: { content: 'aborted' }, chain: 'M1', signal: controller.signal });
    const last = rest.request({ ...GROUP, body: { content: 'last' }, chain: 'M1' });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'QQAbortError' });
    release.open();
    await Promise.all([slow, last]);
    expect(arrivals).toEqual(['slow', 'last']);
  });
});
