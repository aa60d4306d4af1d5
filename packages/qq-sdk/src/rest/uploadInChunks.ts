import { QQApiError } from '../errors/QQApiError.js';
import type { ChunkedUploadProgress } from './ChunkedUploadProgress.js';
import { fetchWithTimeout, sleep } from './fetchWithTimeout.js';
import type { RequestOptions } from './RequestOptions.js';
import type { RestClient } from './RestClient.js';
import type { BuiltRoute } from './route.js';
import { UploadPrepareResponseSchema, type UploadPart } from './schemas/chunkedUpload.js';
import { MediaUploadResponseSchema, type FileType, type MediaUploadResponse } from './schemas/media.js';
import { DefaultRestOptions } from './DefaultRestOptions.js';
import { digestHex } from './digests.js';

/** Bytes hashed for the platform's instant-upload check (`md5_10m`). */
const MD5_10M_BYTES = 10_002_432;

/**
 * The platform calls of a chunked upload to one user or group: `upload_prepare`,
 * `upload_part_finish` and `files`.
 *
 * @internal
 */
export interface ChunkedUploadRoutes {
  readonly prepare: BuiltRoute;
  readonly finish: BuiltRoute;
  readonly complete: BuiltRoute;
}

/** @internal */
export interface ChunkedUploadJob {
  readonly rest: RestClient;
  /** The three platform calls, built for one user or group. */
  readonly routes: ChunkedUploadRoutes;
  readonly fileType: FileType;
  readonly data: Uint8Array;
  readonly fileName: string;
  readonly concurrency: number;
  readonly onProgress?: ((progress: ChunkedUploadProgress) => void) | undefined;
  readonly options: RequestOptions;
}

/**
 * Uploads a large file in parts: prepare → PUT each part to its presigned URL → part finish →
 * complete. Sizes go over the wire as strings, as the platform expects for large numbers.
 *
 * @internal
 */
export async function uploadInChunks(job: ChunkedUploadJob): Promise<MediaUploadResponse> {
  const { rest, routes, data, options } = job;
  const prepare = await rest.request(
    {
      ...options,
      ...routes.prepare,
      body: {
        file_type: job.fileType,
        file_size: String(data.byteLength),
        file_name: job.fileName,
        md5: await digestHex('md5', data),
        sha1: await digestHex('sha1', data),
        md5_10m: await digestHex('md5', data.subarray(0, MD5_10M_BYTES)),
      },
    },
    UploadPrepareResponseSchema,
  );
  // The platform already has this file (instant upload).
  if (prepare.file_info !== undefined) return MediaUploadResponseSchema.parse({ ttl: 0, ...prepare });
  if (!prepare.upload_id || !prepare.parts || prepare.parts.length === 0) {
    throw QQApiError.from({
      status: 200,
      method: 'POST',
      route: routes.prepare.path,
      platformMessage: 'upload_prepare returned neither file_info nor upload_id and parts',
      body: prepare,
      kind: 'server',
      retry: 'permanent',
    });
  }
  const uploadId = prepare.upload_id;
  const blockSize = Number(prepare.block_size ?? DefaultRestOptions.uploadPartSize);
  const parts = [...prepare.parts].sort((a, b) => a.index - b.index);
  const firstIndex = parts[0]!.index;
  let uploadedBytes = 0;
  let partsDone = 0;

  const sendPart = async (part: UploadPart): Promise<void> => {
    const offset = (part.index - firstIndex) * blockSize;
    const bytes = data.subarray(offset, Math.min(offset + Number(part.block_size ?? blockSize), data.byteLength));
    await putPart(job, part.presigned_url, bytes);
    await rest.request({
      ...options,
      ...routes.finish,
      body: { upload_id: uploadId, part_index: part.index, block_size: String(bytes.byteLength), md5: await digestHex('md5', bytes) },
    });
    uploadedBytes += bytes.byteLength;
    partsDone += 1;
    job.onProgress?.({ uploadedBytes, totalBytes: data.byteLength, partsDone, totalParts: parts.length });
  };

  // A fixed pool of workers drains the part list; at most `concurrency` parts are in flight.
  const queue = [...parts];
  const workers = Array.from({ length: Math.max(1, Math.min(job.concurrency, queue.length)) }, async () => {
    for (let part = queue.shift(); part; part = queue.shift()) await sendPart(part);
  });
  await Promise.all(workers);

  return rest.request({ ...options, ...routes.complete, body: { upload_id: uploadId } }, MediaUploadResponseSchema);
}

/** PUTs one part to object storage (no platform auth headers), retrying transient failures. */
async function putPart(job: ChunkedUploadJob, url: string, bytes: Uint8Array): Promise<void> {
  const route = new URL(url).pathname;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await fetchWithTimeout(
        job.rest.fetch,
        url,
        { method: 'PUT', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } },
        { method: 'PUT', route, timeoutMs: job.options.timeoutMs ?? DefaultRestOptions.uploadPartTimeoutMs, signal: job.options.signal },
      );
      if (result.status >= 200 && result.status < 300) return;
      const error = QQApiError.from({ status: result.status, method: 'PUT', route, platformMessage: 'object storage rejected the part' });
      if (!error.retryable || attempt >= DefaultRestOptions.uploadPartAttempts) throw error;
    } catch (error) {
      const retryable = !(error instanceof QQApiError) || error.retryable;
      if (attempt >= DefaultRestOptions.uploadPartAttempts || !retryable || job.options.signal?.aborted) throw error;
    }
    await sleep(250 * attempt, job.options.signal, `PUT ${route}`);
  }
}
