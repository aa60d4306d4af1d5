import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API as SdkAPI } from '../../src/rest/API.js';
import { MediaUploadCache } from '../../src/rest/MediaUploadCache.js';
import { API, makeClient, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

class FakeClock {
  current = 0;
  now(): number {
    return this.current;
  }
}

function uploads(ttl = 3600): { bodies: unknown[] } {
  const state = { bodies: [] as unknown[] };
  server.use(
    http.post(`${API}/v2/:scene/:id/files`, async ({ request }) => {
      state.bodies.push(await request.json());
      return HttpResponse.json({ file_uuid: `u${state.bodies.length}`, file_info: `fi${state.bodies.length}`, ttl });
    }),
  );
  return state;
}

describe('media uploads', () => {
  it('reads a file path and sends it as base64', async () => {
    useTokenEndpoint(server);
    const state = uploads();
    const dir = await mkdtemp(join(tmpdir(), 'qq-media-'));
    try {
      const file = join(dir, 'a.bin');
      await writeFile(file, Buffer.from('hello'));
      await new SdkAPI(makeClient()).media.uploadC2C('U', { file_type: 'file', path: file });
      expect(state.bodies).toEqual([{ file_type: 4, file_data: Buffer.from('hello').toString('base64'), srv_send_msg: false }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('passes base64 file_data through', async () => {
    useTokenEndpoint(server);
    const state = uploads();
    await new SdkAPI(makeClient()).media.uploadGroup('G', { file_type: 2, file_data: 'AAAA' });
    expect(state.bodies).toEqual([{ file_type: 2, file_data: 'AAAA', srv_send_msg: false }]);
  });

  it('does not upload the same file twice within its ttl, per scene', async () => {
    useTokenEndpoint(server);
    const state = uploads(3600);
    const clock = new FakeClock();
    const api = new SdkAPI(makeClient(), { media: { cache: new MediaUploadCache({ clock }) } });
    const input = { file_type: 'image', buffer: new Uint8Array([9, 9, 9]) } as const;
    const first = await api.media.uploadGroup('G1', input);
    const second = await api.media.uploadGroup('G2', input);
    expect(second.file_info).toBe(first.file_info);
    expect(state.bodies).toHaveLength(1);
    // Another scene needs its own upload.
    await api.media.uploadC2C('U1', input);
    expect(state.bodies).toHaveLength(2);
    // After the ttl (minus the safety margin) it uploads again.
    clock.current += 3600_000 - 59_000;
    const third = await api.media.uploadGroup('G1', input);
    expect(third.file_info).toBe('fi3');
  });

  it('never caches srv_send_msg uploads and honours noCache', async () => {
    useTokenEndpoint(server);
    const state = uploads();
    const api = new SdkAPI(makeClient());
    const input = { file_type: 'image', url: 'https://example.com/a.png', srv_send_msg: true } as const;
    await api.media.uploadGroup('G', input);
    await api.media.uploadGroup('G', input);
    await api.media.uploadGroup('G', { file_type: 'image', url: 'https://example.com/b.png' });
    await api.media.uploadGroup('G', { file_type: 'image', url: 'https://example.com/b.png' }, { noCache: true });
    expect(state.bodies).toHaveLength(4);
  });

  it('evicts the oldest entry beyond maxEntries', () => {
    const cache = new MediaUploadCache({ maxEntries: 2 });
    cache.set('a', { file_info: 'a', ttl: 0 });
    cache.set('b', { file_info: 'b', ttl: 0 });
    cache.set('c', { file_info: 'c', ttl: 0 });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')?.file_info).toBe('c');
    expect(cache.size).toBe(2);
  });
});
