import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment, type MessageAttachment } from '../../src/index.js';
import { MediaDownloadError } from '../../src/entries/errors.js';

const requested: string[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requested.length = 0;
});
afterAll(() => server.close());
server.events.on('request:start', ({ request }) => void requested.push(request.url));

const MEDIA = 'https://multimedia.nt.qq.com.cn/download?appid=1407&fileid=abc';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
const image: MessageAttachment = { kind: 'image', url: MEDIA, contentType: 'image/png', filename: 'photo.png' };

async function failure(promise: Promise<unknown>): Promise<MediaDownloadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaDownloadError);
  return error as MediaDownloadError;
}

describe('downloadAttachment', () => {
  it('downloads an image from QQ media hosts with its type and name', async () => {
    server.use(http.get(MEDIA, () => new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } })));
    const media = await downloadAttachment(image);
    expect(media).toMatchObject({ kind: 'image', contentType: 'image/png', filename: 'photo.png', url: MEDIA });
    expect([...media.data]).toEqual([...PNG]);
  });

  it('adds https: to a scheme-less URL and names an unnamed file by its type', async () => {
    server.use(http.get(MEDIA, () => new HttpResponse(PNG, { headers: { 'content-type': 'image/jpeg' } })));
    const media = await downloadAttachment({ kind: 'image', url: MEDIA.slice('https:'.length), contentType: 'image/jpeg' });
    expect(media.filename).toBe('image.jpg');
  });

  it('refuses any other host before a request is made (no SSRF through an attachment URL)', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://127.0.0.1:6379/',
      'file:///etc/passwd',
      'https://multimedia.nt.qq.com.cn.evil.example/x',
      'not a url',
    ]) {
      expect((await failure(downloadAttachment({ ...image, url }))).reason).toBe('host-not-allowed');
    }
    expect(requested).toEqual([]);
  });

  it('follows redirects between QQ hosts, and refuses one to anywhere else without following it', async () => {
    const cdn = 'https://gchat.qpic.cn/gchatpic_new/1/abc/0';
    server.use(
      http.get(MEDIA, () => new HttpResponse(null, { status: 302, headers: { location: cdn } })),
      http.get(cdn, () => new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } })),
    );
    expect((await downloadAttachment(image)).url).toBe(cdn);
    server.use(http.get(MEDIA, () => new HttpResponse(null, { status: 302, headers: { location: 'http://10.0.0.5/admin' } })));
    requested.length = 0;
    expect((await failure(downloadAttachment(image))).reason).toBe('host-not-allowed');
    expect(requested).toEqual([MEDIA]);
  });

  it('refuses a file larger than maxBytes, by Content-Length or while reading', async () => {
    server.use(http.get(MEDIA, () => new HttpResponse(new Uint8Array(2048), { headers: { 'content-type': 'image/png', 'content-length': '2048' } })));
    expect((await failure(downloadAttachment(image, { maxBytes: 1024 }))).reason).toBe('too-large');
    server.use(
      http.get(MEDIA, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 8; i++) controller.enqueue(new Uint8Array(512));
            controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { 'content-type': 'image/png' } });
      }),
    );
    const error = await failure(downloadAttachment(image, { maxBytes: 1024 }));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('maxBytes');
  });

  it('refuses an error page in place of media, and says when the URL has expired', async () => {
    server.use(http.get(MEDIA, () => HttpResponse.text('<html>gone</html>', { headers: { 'content-type': 'text/html; charset=utf-8' } })));
    expect((await failure(downloadAttachment(image))).reason).toBe('content-type');
    server.use(http.get(MEDIA, () => new HttpResponse(null, { status: 403 })));
    const expired = await failure(downloadAttachment(image));
    expect(expired.reason).toBe('http-status');
    expect(expired.message).toContain('expired');
  });

  it('times out, and can be cancelled', async () => {
    server.use(
      http.get(MEDIA, async () => {
        await delay('infinite');
        return new HttpResponse(PNG);
      }),
    );
    expect((await failure(downloadAttachment(image, { timeoutMs: 50 }))).reason).toBe('timeout');
    const controller = new AbortController();
    const pending = downloadAttachment(image, { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).reason).toBe('aborted');
  });

  it("takes a voice note's WAV conversion when asked, and goes through the fetch given (a proxy)", async () => {
    const wav = 'https://multimedia.nt.qq.com.cn/download?fileid=abc&spec=wav';
    const voice: MessageAttachment = { kind: 'voice', url: MEDIA, contentType: 'voice', voiceWavUrl: wav };
    const through: string[] = [];
    server.use(http.get(wav, () => new HttpResponse(new Uint8Array([82, 73, 70, 70]), { headers: { 'content-type': 'audio/wav' } })));
    const media = await downloadAttachment(voice, { variant: 'wav', fetch: (input, init) => (through.push(String(input)), fetch(input, init)) });
    expect(media).toMatchObject({ kind: 'voice', contentType: 'audio/wav', filename: 'voice.wav' });
    expect(through).toEqual([wav]);
  });
});
