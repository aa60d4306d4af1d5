import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QQValidationError } from '../../src/errors/QQValidationError.js';
import { API as SdkAPI } from '../../src/rest/API.js';
import type { ChunkedUploadProgress } from '../../src/rest/ChunkedUploadProgress.js';
import { API, makeClient, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const COS = 'https://cos.example.com';
const md5 = (data: Uint8Array): string => createHash('md5').update(data).digest('hex');

describe('chunked media upload', () => {
  it('prepares, uploads each part, finishes parts and completes, reporting progress', async () => {
    useTokenEndpoint(server);
    const file = new Uint8Array(10).map((_, i) => i);
    const prepared: unknown[] = [];
    const stored = new Map<number, Uint8Array>();
    const finished: Record<string, unknown>[] = [];
    const completed: unknown[] = [];
    let putFailures = 0;
    server.use(
      http.post(`${API}/v2/groups/G/upload_prepare`, async ({ request }) => {
        prepared.push(await request.json());
        return HttpResponse.json({
          upload_id: 'UP1',
          block_size: 4,
          parts: [1, 2, 3].map((index) => ({ index, presigned_url: `${COS}/part/${index}?sig=secret` })),
        });
      }),
      http.put(`${COS}/part/:index`, async ({ request, params }) => {
        expect(request.headers.get('authorization')).toBeNull();
        const index = Number(params['index']);
        // The second part fails once: it must be retried.
        if (index === 2 && putFailures === 0) {
          putFailures += 1;
          return new HttpResponse(null, { status: 503 });
        }
        stored.set(index, new Uint8Array(await request.arrayBuffer()));
        return new HttpResponse(null, { status: 200 });
      }),
      http.post(`${API}/v2/groups/G/upload_part_finish`, async ({ request }) => {
        finished.push((await request.json()) as Record<string, unknown>);
        return HttpResponse.json({});
      }),
      http.post(`${API}/v2/groups/G/files`, async ({ request }) => {
        completed.push(await request.json());
        return HttpResponse.json({ file_uuid: 'U', file_info: 'BIG', ttl: 3600 });
      }),
    );
    const progress: ChunkedUploadProgress[] = [];
    const result = await new SdkAPI(makeClient()).media.uploadLargeGroup('G', {
      file_type: 'video',
      buffer: file,
      file_name: 'clip.mp4',
      concurrency: 1,
      onProgress: (p) => progress.push(p),
    });
    expect(result.file_info).toBe('BIG');
    expect(prepared).toEqual([
      {
        file_type: 2,
        file_size: '10',
        file_name: 'clip.mp4',
        md5: md5(file),
        sha1: createHash('sha1').update(file).digest('hex'),
        md5_10m: md5(file),
      },
    ]);
    expect([...stored.entries()].map(([i, b]) => [i, [...b]])).toEqual([
      [1, [0, 1, 2, 3]],
      [2, [4, 5, 6, 7]],
      [3, [8, 9]],
    ]);
    expect(putFailures).toBe(1);
    expect(finished).toEqual([
      { upload_id: 'UP1', part_index: 1, block_size: '4', md5: md5(file.subarray(0, 4)) },
      { upload_id: 'UP1', part_index: 2, block_size: '4', md5: md5(file.subarray(4, 8)) },
      { upload_id: 'UP1', part_index: 3, block_size: '2', md5: md5(file.subarray(8)) },
    ]);
    expect(completed).toEqual([{ upload_id: 'UP1' }]);
    expect(progress.map((p) => p.uploadedBytes)).toEqual([4, 8, 10]);
    expect(progress.at(-1)).toEqual({ uploadedBytes: 10, totalBytes: 10, partsDone: 3, totalParts: 3 });
  });

  it('returns file_info straight away when prepare already has it', async () => {
    useTokenEndpoint(server);
    server.use(http.post(`${API}/v2/users/U/upload_prepare`, () => HttpResponse.json({ file_info: 'KNOWN', ttl: 600 })));
    const result = await new SdkAPI(makeClient()).media.uploadLargeC2C('U', { file_type: 'file', buffer: new Uint8Array([1]) });
    expect(result).toMatchObject({ file_info: 'KNOWN', ttl: 600 });
  });

  it('validates input before any request', async () => {
    const api = new SdkAPI(makeClient());
    const error = await api.media.uploadLargeC2C('U', { file_type: 'image' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QQValidationError);
    expect((error as QQValidationError).field).toBe('buffer');
    await expect(api.media.uploadLargeC2C('U', { file_type: 'image', buffer: new Uint8Array() })).rejects.toMatchObject({ field: 'buffer' });
  });
});
