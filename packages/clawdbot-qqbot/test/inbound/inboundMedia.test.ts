import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveLogger } from 'qq-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAccount } from '../../src/config/resolveAccount.js';
import type { QQBotAccountConfig } from '../../src/index.js';
import { handleInbound } from '../../src/inbound/handleInbound.js';
import type { HostChannelRuntime } from '../../src/host/HostTypes.js';
import { attachment, fakeMessage } from '../support/fakeMessage.js';
import { fakeRuntime } from '../support/fakeRuntime.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
let server: Server;
let base: string;
let store: string;
const logger = resolveLogger({}, 'silent');

beforeAll(async () => {
  store = mkdtempSync(join(tmpdir(), 'qqbot-media-'));
  server = createServer((req, res) => {
    if (req.url === '/photo') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
    if (req.url === '/big')
      return void res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(3 * 1024 * 1024) }).end(Buffer.alloc(3 * 1024 * 1024));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(store, { recursive: true, force: true });
});

const account = (config: QQBotAccountConfig = {}) =>
  resolveAccount({ channels: { qqbot: { token: '102000000:secret', dmPolicy: 'open', mediaHosts: ['127.0.0.1'], ...config } } }, undefined, {
    env: () => ({}),
    readFile: () => '',
  });

/** The fake host with a media store writing into a temp folder, as OpenClaw's saveMediaBuffer does. */
function withMediaStore(): { runtime: HostChannelRuntime; contexts: Record<string, unknown>[] } {
  const { runtime, record } = fakeRuntime();
  let n = 0;
  const media: HostChannelRuntime['media'] = {
    saveMediaBuffer: async (buffer, contentType, subdir, maxBytes, filename) => {
      expect(subdir).toBe('inbound');
      expect(buffer.byteLength).toBeLessThanOrEqual(maxBytes ?? Infinity);
      const path = join(store, `${++n}-${filename ?? 'file'}`);
      writeFileSync(path, buffer);
      return { path, contentType };
    },
  };
  return { runtime: { ...runtime, media }, contexts: record.contexts };
}

describe('media a user sends reaches the agent as a local file', () => {
  it('downloads an image into the host media store and hands the agent its path', async () => {
    const { runtime, contexts } = withMediaStore();
    const message = fakeMessage('c2c', { attachments: [attachment('image', { url: `${base}/photo`, filename: 'cat.jpg' })] });
    await handleInbound(message, { cfg: {}, account: account(), runtime, logger });
    const ctx = contexts[0]!;
    const path = ctx['MediaPath'] as string;
    expect(path.startsWith(store)).toBe(true);
    expect(readFileSync(path)).toEqual(JPEG);
    expect(ctx['MediaPaths']).toEqual([path]);
    expect(ctx['MediaType']).toBe('image/jpeg');
    expect(ctx['media']).toEqual([expect.objectContaining({ path, kind: 'image', contentType: 'image/jpeg', fileName: 'cat.jpg' })]);
  });

  it('keeps the URL (and says why in the log) when the download is refused: too large, or a host not allowed', async () => {
    const { runtime, contexts } = withMediaStore();
    const message = fakeMessage('group', {
      attachments: [attachment('image', { url: `${base}/big` }), attachment('file', { url: 'http://10.1.2.3/secret' })],
    });
    await handleInbound(message, { cfg: {}, account: account({ mediaMaxMb: 1 }), runtime, logger });
    const ctx = contexts[0]!;
    expect(ctx['MediaPaths']).toEqual([`${base}/big`, 'http://10.1.2.3/secret']);
    expect((ctx['media'] as Record<string, unknown>[]).every((fact) => fact['path'] === undefined)).toBe(true);
  });

  it('only QQ media hosts by default: a test server is refused unless listed in mediaHosts', async () => {
    const { runtime, contexts } = withMediaStore();
    const message = fakeMessage('c2c', { attachments: [attachment('image', { url: `${base}/photo` })] });
    await handleInbound(message, { cfg: {}, account: account({ mediaHosts: undefined as unknown as string[] }), runtime, logger });
    expect(contexts[0]!['MediaPath']).toBe(`${base}/photo`);
  });

  it('a host without a media store still gets the URLs, as before', async () => {
    const { runtime, record } = fakeRuntime();
    const message = fakeMessage('c2c', { attachments: [attachment('image', { url: `${base}/photo` })] });
    await handleInbound(message, { cfg: {}, account: account(), runtime, logger });
    expect(record.contexts[0]!['MediaUrls']).toEqual([`${base}/photo`]);
  });
});
