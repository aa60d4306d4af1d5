import { toBase64 } from '../../internal/base64.js';
import { digestHex } from '../digests.js';
import { fileNameOf, readLocalFile } from '../localFiles.js';
import * as z from '../../internal/zod.js';
import { QQValidationError } from '../../errors/QQValidationError.js';
import type { ChunkedUploadProgress } from '../ChunkedUploadProgress.js';
import { MediaUploadCache } from '../MediaUploadCache.js';
import { uploadInChunks, type ChunkedUploadRoutes } from '../uploadInChunks.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import {
  FILE_TYPES,
  FileTypeSchema,
  MediaUploadBodySchema,
  MediaUploadResponseSchema,
  type FileType,
  type FileTypeName,
  type MediaUploadResponse,
} from '../schemas/media.js';
import { validateBody } from '../validateBody.js';
import { DefaultRestOptions } from '../DefaultRestOptions.js';

/**
 * What to upload: a file type and exactly one source — a public `url`, a `buffer`, a local file
 * `path`, or base64 `file_data`.
 */
export interface MediaUploadInput {
  /** `'image'` (png/jpg), `'video'` (mp4), `'voice'` (silk), `'file'`, or the numbers 1–4. */
  readonly file_type: FileType | FileTypeName;
  /** A public URL the platform downloads. */
  readonly url?: string | undefined;
  /** The file bytes. */
  readonly buffer?: Uint8Array | undefined;
  /** A local file path, read and sent as base64. */
  readonly path?: string | undefined;
  /** The file as base64. Per-scene support is UNCONFIRMED by the docs; it works for groups in practice. */
  readonly file_data?: string | undefined;
  /**
   * `true`: the platform sends the media right away, counting as an active message. `false`
   * (recommended): only returns `file_info` for a later `msg_type: 7` send.
   * @defaultValue false
   */
  readonly srv_send_msg?: boolean | undefined;
}

/** Per-call options of an upload. */
export interface MediaUploadOptions extends RequestOptions {
  /** Skip the upload cache for this call. @defaultValue false */
  readonly noCache?: boolean | undefined;
}

const MediaUploadInputSchema = z.lazy(() =>
  z
    .strictObject({
      file_type: z.union([FileTypeSchema, z.enum(['image', 'video', 'voice', 'file'])], {
        error: 'must be image, video, voice, file or 1-4',
      }),
      url: z.url().optional(),
      buffer: z.instanceof(Uint8Array).optional(),
      path: z.string().min(1).optional(),
      file_data: z.string().min(1).optional(),
      srv_send_msg: z.boolean().optional(),
    })
    .superRefine((input, ctx) => {
      const sources = [input.url, input.buffer, input.path, input.file_data].filter((s) => s !== undefined).length;
      if (sources !== 1) {
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'give exactly one of url, buffer, path or file_data' });
      }
    }),
);

/** A large file to upload in parts: a file type, the bytes or a path, and progress reporting. */
export interface LargeMediaUploadInput {
  /** `'image'`, `'video'`, `'voice'`, `'file'`, or 1–4. */
  readonly file_type: FileType | FileTypeName;
  /** The file bytes. */
  readonly buffer?: Uint8Array | undefined;
  /** A local file path (read into memory; the platform's hard limit is 200 MB). */
  readonly path?: string | undefined;
  /** The file name reported to the platform. @defaultValue the path's base name, else `'file'` */
  readonly file_name?: string | undefined;
  /** Parts uploaded in parallel. @defaultValue 2 */
  readonly concurrency?: number | undefined;
  /** Called after each confirmed part. */
  readonly onProgress?: ((progress: ChunkedUploadProgress) => void) | undefined;
}

const LargeMediaUploadInputSchema = z.lazy(() =>
  z
    .strictObject({
      file_type: z.union([FileTypeSchema, z.enum(['image', 'video', 'voice', 'file'])], {
        error: 'must be image, video, voice, file or 1-4',
      }),
      buffer: z.instanceof(Uint8Array).optional(),
      path: z.string().min(1).optional(),
      file_name: z.string().min(1).optional(),
      concurrency: z.number().int().min(1).max(10).optional(),
      onProgress: z.custom<(progress: ChunkedUploadProgress) => void>((v) => typeof v === 'function').optional(),
    })
    .superRefine((input, ctx) => {
      if ((input.buffer === undefined) === (input.path === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['buffer'], message: 'give exactly one of buffer or path' });
      }
    }),
);

/** The routes of a chunked upload to one user (`c2c`) or group. */
function chunkRoutes(scene: 'c2c' | 'group', target: string): ChunkedUploadRoutes {
  if (scene === 'c2c') {
    return {
      prepare: route('POST /v2/users/{openid}/upload_prepare', { openid: target }),
      finish: route('POST /v2/users/{openid}/upload_part_finish', { openid: target }),
      complete: route('POST /v2/users/{openid}/files', { openid: target }),
    };
  }
  return {
    prepare: route('POST /v2/groups/{group_openid}/upload_prepare', { group_openid: target }),
    finish: route('POST /v2/groups/{group_openid}/upload_part_finish', { group_openid: target }),
    complete: route('POST /v2/groups/{group_openid}/files', { group_openid: target }),
  };
}

/** Options of a {@link MediaAPI}. */
export interface MediaAPIOptions {
  /** The upload cache, or `false` to disable caching. @defaultValue a new {@link MediaUploadCache} */
  readonly cache?: MediaUploadCache | false | undefined;
}

/**
 * Uploads rich media (image, video, voice, file) for C2C and group messages. The returned
 * `file_info` goes into `{ msg_type: 7, media: { file_info } }`. Uploads are cached by scene,
 * type and content for their `ttl`, since a `file_info` can be reused across targets of one scene.
 *
 * Large files can go through the chunked upload ({@link MediaAPI.uploadLargeGroup}), whose
 * endpoints are UNCONFIRMED (not in the official docs).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/rich-media.html
 */
export class MediaAPI {
  /** The upload cache in use, or `undefined` when disabled. */
  readonly cache: MediaUploadCache | undefined;

  /**
   * @param rest - The REST client.
   * @param options - Cache settings.
   */
  constructor(
    private readonly rest: RestClient,
    options: MediaAPIOptions = {},
  ) {
    this.cache = options.cache === false ? undefined : (options.cache ?? new MediaUploadCache());
  }

  /**
   * Uploads media for a C2C chat.
   *
   * @param openid - The user's openid.
   * @param input - File type and source.
   * @param options - `noCache`, signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/rich-media.html
   * @example
   * ```ts
   * const { file_info } = await api.media.uploadC2C(openid, { file_type: 'image', url: 'https://example.com/a.png' });
   * await api.messages.sendC2C(openid, { msg_type: 7, content: ' ', media: { file_info }, msg_id, msg_seq: 2 });
   * ```
   */
  uploadC2C(openid: string, input: MediaUploadInput, options: MediaUploadOptions = {}): Promise<MediaUploadResponse> {
    return this.#upload('c2c', openid, input, options);
  }

  /**
   * Uploads media for a group.
   *
   * @param groupOpenid - The group's openid.
   * @param input - File type and source.
   * @param options - `noCache`, signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/rich-media.html
   */
  uploadGroup(groupOpenid: string, input: MediaUploadInput, options: MediaUploadOptions = {}): Promise<MediaUploadResponse> {
    return this.#upload('group', groupOpenid, input, options);
  }

  /**
   * Uploads a large file for a C2C chat in parts (prepare, PUT parts, finish, complete), with
   * progress callbacks. UNCONFIRMED: the chunked endpoints are not in the official docs; see
   * docs/rest.md. Use {@link MediaAPI.uploadC2C} with a `url` when you can.
   *
   * @param openid - The user's openid.
   * @param input - File type, bytes or path, progress callback.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/rich-media.html
   */
  uploadLargeC2C(openid: string, input: LargeMediaUploadInput, options: RequestOptions = {}): Promise<MediaUploadResponse> {
    return this.#uploadLarge('c2c', openid, input, options);
  }

  /**
   * Uploads a large file for a group in parts, with progress callbacks. UNCONFIRMED, like
   * {@link MediaAPI.uploadLargeC2C}.
   *
   * @param groupOpenid - The group's openid.
   * @param input - File type, bytes or path, progress callback.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/rich-media.html
   */
  uploadLargeGroup(groupOpenid: string, input: LargeMediaUploadInput, options: RequestOptions = {}): Promise<MediaUploadResponse> {
    return this.#uploadLarge('group', groupOpenid, input, options);
  }

  async #uploadLarge(scene: 'c2c' | 'group', target: string, input: LargeMediaUploadInput, options: RequestOptions): Promise<MediaUploadResponse> {
    const routes = chunkRoutes(scene, target);
    const checked = validateBody(LargeMediaUploadInputSchema, input, 'large media upload');
    let data: Uint8Array;
    if (checked.buffer) {
      data = checked.buffer;
    } else {
      try {
        data = await readLocalFile(checked.path ?? '');
      } catch (error) {
        throw new QQValidationError('large media upload', [{ path: 'path', message: `cannot read the file (${(error as Error).message})` }]);
      }
    }
    if (data.byteLength === 0) throw new QQValidationError('large media upload', [{ path: checked.buffer ? 'buffer' : 'path', message: 'the file is empty' }]);
    return uploadInChunks({
      rest: this.rest,
      routes,
      fileType: typeof checked.file_type === 'number' ? checked.file_type : FILE_TYPES[checked.file_type],
      data,
      fileName: checked.file_name ?? (checked.path ? fileNameOf(checked.path) : 'file'),
      concurrency: checked.concurrency ?? DefaultRestOptions.uploadConcurrency,
      onProgress: checked.onProgress,
      options,
    });
  }

  async #upload(scene: 'c2c' | 'group', target: string, input: MediaUploadInput, options: MediaUploadOptions): Promise<MediaUploadResponse> {
    const files =
      scene === 'c2c' ? route('POST /v2/users/{openid}/files', { openid: target }) : route('POST /v2/groups/{group_openid}/files', { group_openid: target });
    const checked = validateBody(MediaUploadInputSchema, input, 'media upload');
    const fileType: FileType = typeof checked.file_type === 'number' ? checked.file_type : FILE_TYPES[checked.file_type];
    let fileData = checked.file_data;
    if (checked.buffer) fileData = toBase64(checked.buffer);
    if (checked.path) {
      try {
        fileData = toBase64(await readLocalFile(checked.path));
      } catch (error) {
        throw new QQValidationError('media upload', [{ path: 'path', message: `cannot read the file (${(error as Error).message})` }]);
      }
    }
    const body = validateBody(
      MediaUploadBodySchema,
      { file_type: fileType, url: checked.url, file_data: fileData, srv_send_msg: checked.srv_send_msg ?? false },
      'media upload body',
    );
    const { noCache, ...requestOptions } = options;
    // srv_send_msg uploads also send a message: never serve those from cache.
    const cacheable = this.cache !== undefined && !noCache && body.srv_send_msg !== true;
    const key = `${scene}:${fileType}:${body.url !== undefined ? `url:${body.url}` : `sha256:${await digestHex('sha256', body.file_data ?? '')}`}`;
    if (cacheable) {
      const hit = this.cache?.get(key);
      if (hit) return hit;
    }
    const response = await this.rest.request({ ...requestOptions, ...files, body }, MediaUploadResponseSchema);
    if (cacheable) this.cache?.set(key, response);
    return response;
  }
}
