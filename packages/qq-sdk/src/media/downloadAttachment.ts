import type { MessageAttachment } from '../messaging/Message.js';
import type { FetchLike } from '../rest/fetchWithTimeout.js';
import { hostAllowed, QQ_MEDIA_HOSTS } from './mediaHosts.js';
import { MediaDownloadError } from './MediaDownloadError.js';

/** Options of {@link downloadAttachment}. */
export interface DownloadAttachmentOptions {
  /** The most bytes kept; a larger file is refused (by `Content-Length` or while reading). @defaultValue 25 MiB */
  readonly maxBytes?: number;
  /** The whole download, redirects included, in ms. @defaultValue 30_000 */
  readonly timeoutMs?: number;
  /** Cancels the download. */
  readonly signal?: AbortSignal;
  /** Hosts the download (and every redirect) may go to. @defaultValue {@link QQ_MEDIA_HOSTS} */
  readonly allowedHosts?: readonly string[];
  /** The fetch to use, e.g. `createProxyFetch(proxyUrl)` behind an egress proxy. @defaultValue the global `fetch` */
  readonly fetch?: FetchLike;
  /** Voice messages: `'wav'` takes the platform's WAV conversion when there is one (for speech-to-text). @defaultValue 'original' */
  readonly variant?: 'original' | 'wav';
}

/** A downloaded attachment. */
export interface DownloadedMedia {
  /** The bytes. */
  readonly data: Uint8Array;
  /** The attachment's kind. */
  readonly kind: MessageAttachment['kind'];
  /** The content type the server answered with (else the attachment's). */
  readonly contentType: string;
  /** A file name: the attachment's, else one made from the kind and type. */
  readonly filename: string;
  /** The URL the bytes came from (after redirects). */
  readonly url: string;
}

const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 3;
/** What a server sends instead of media when something is wrong: an error page. */
const ERROR_PAGE_TYPES = ['text/html', 'application/json', 'text/plain'];

/**
 * Downloads a received attachment (an image, file, video or voice note a user sent) within bounds:
 * only from QQ's media hosts (every redirect checked too, so an attachment URL cannot reach an
 * internal address), at most `maxBytes`, within `timeoutMs`, refusing an error page in place of
 * media. Throws {@link MediaDownloadError} with the reason; nothing partial is returned.
 *
 * @param attachment - `msg.attachments[i]`, or an attachment URL.
 * @param options - Limits, hosts, proxy fetch and the voice variant.
 *
 * @example
 * ```ts
 * bot.on('message', async (msg) => {
 *   for (const attachment of msg.attachments) {
 *     const media = await downloadAttachment(attachment, { maxBytes: 10 * 1024 * 1024 });
 *     await writeFile(join(inbox, media.filename), media.data);
 *   }
 * });
 * ```
 */
export async function downloadAttachment(attachment: MessageAttachment | string, options: DownloadAttachmentOptions = {}): Promise<DownloadedMedia> {
  const item: MessageAttachment = typeof attachment === 'string' ? { kind: 'file', url: attachment, contentType: '' } : attachment;
  const wanted = options.variant === 'wav' && item.voiceWavUrl !== undefined ? item.voiceWavUrl : item.url;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const allowed = options.allowedHosts ?? QQ_MEDIA_HOSTS;
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let url = checkedUrl(wanted, allowed);
  try {
    if (options.signal?.aborted) throw new MediaDownloadError('aborted', 'The download was cancelled.', { host: url.host });
    for (let hop = 0; ; hop++) {
      const response = await fetchFn(url, { redirect: 'manual', signal: controller.signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        discard(response);
        if (hop >= MAX_REDIRECTS)
          throw new MediaDownloadError('too-many-redirects', `More than ${MAX_REDIRECTS} redirects from ${url.host}.`, { host: url.host });
        url = checkedUrl(new URL(location, url).toString(), allowed);
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        discard(response);
        throw new MediaDownloadError(
          'http-status',
          `${url.host} answered HTTP ${response.status} for the attachment; it may have expired (QQ media URLs are short-lived).`,
          { host: url.host },
        );
      }
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (item.kind !== 'file' && ERROR_PAGE_TYPES.includes(contentType)) {
        discard(response);
        throw new MediaDownloadError('content-type', `${url.host} sent ${contentType} instead of the ${item.kind}: an error page, not media.`, {
          host: url.host,
        });
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (declared > maxBytes) {
        discard(response);
        throw tooLarge(declared, maxBytes, url.host);
      }
      const data = await readBounded(response, maxBytes, url.host);
      return {
        data,
        kind: item.kind,
        contentType: contentType || item.contentType,
        filename: item.filename ?? defaultName(item, contentType),
        url: url.toString(),
      };
    }
  } catch (error) {
    if (error instanceof MediaDownloadError) throw error;
    if (timedOut) throw new MediaDownloadError('timeout', `The download from ${url.host} took longer than ${timeoutMs} ms (timeoutMs).`, { host: url.host });
    if (options.signal?.aborted) throw new MediaDownloadError('aborted', 'The download was cancelled.', { host: url.host, cause: options.signal.reason });
    throw new MediaDownloadError('network', `Could not reach ${url.host} for the attachment; check network access and the proxy.`, {
      host: url.host,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** The URL, with `https:` added where the platform left the scheme out, if its host is allowed. */
function checkedUrl(raw: string, allowed: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
  } catch {
    throw new MediaDownloadError('host-not-allowed', `Not a URL: ${raw.slice(0, 100)}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !hostAllowed(url.hostname, allowed)) {
    throw new MediaDownloadError(
      'host-not-allowed',
      `Refused to download from ${url.protocol}//${url.host}: not one of the allowed media hosts (allowedHosts).`,
      { host: url.host },
    );
  }
  return url;
}

async function readBounded(response: Response, maxBytes: number, host: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge(total, maxBytes, host);
    }
    chunks.push(value);
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return data;
}

/** Lets go of a body we will not read (not awaited: a stalled server must not hold the call). */
function discard(response: Response): void {
  void response.body?.cancel().catch(() => {});
}

function tooLarge(size: number, maxBytes: number, host: string): MediaDownloadError {
  return new MediaDownloadError('too-large', `The attachment from ${host} is larger than ${maxBytes} bytes (at least ${size}); raise maxBytes to accept it.`, {
    host,
  });
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/silk': 'silk',
  'audio/amr': 'amr',
};

function defaultName(item: MessageAttachment, contentType: string): string {
  const fallback = item.kind === 'image' ? 'jpg' : item.kind === 'video' ? 'mp4' : item.kind === 'voice' ? 'silk' : 'bin';
  return `${item.kind}.${EXTENSIONS[contentType] ?? EXTENSIONS[item.contentType] ?? fallback}`;
}
