import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { QQValidationError } from '../src/errors/QQValidationError.js';
import * as nodeBase64 from '../src/internal/base64.js';
import * as nodeBytes from '../src/internal/bytes.js';
import * as webBytes from '../src/internal/bytes.web.js';
import * as webBase64 from '../src/internal/base64.web.js';
import * as nodeDigests from '../src/rest/digests.js';
import * as webDigests from '../src/rest/digests.web.js';
import { fileNameOf, readLocalFile } from '../src/rest/localFiles.web.js';
import { GatewayManager } from '../src/gateway/GatewayManager.web.js';
import { FileSessionStore } from '../src/gateway/session/FileSessionStore.web.js';
import { createWebhookServer } from '../src/webhook/createWebhookServer.web.js';
import { createProxyFetch } from '../src/rest/createProxyFetch.web.js';

// The web build's own parts, run here on Node: they must behave as the Node parts they replace,
// and what the web build cannot do must fail with a typed error naming the option. (The build as a
// whole runs in workerd, Deno and Bun in packages/runtimes.)
vi.mock('../src/internal/RuntimeFeatures.js', () => import('../src/internal/RuntimeFeatures.web.js'));

/** The field a QQValidationError names first. */
function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(QQValidationError);
    return (error as QQValidationError).field;
  }
  return undefined;
}

describe('QQBot in the web build', async () => {
  const { QQBot } = await import('../src/bot.js');
  const base = { appId: '102000000', clientSecret: 'secret-secret', intents: ['GROUP_AND_C2C_EVENT' as const] };

  it('refuses what needs Node when the bot is built, naming the option', () => {
    expect(fieldOf(() => new QQBot(base))).toBe('transport');
    expect(fieldOf(() => new QQBot({ ...base, transport: 'webhook' }))).toBe('webhook.listen');
    expect(fieldOf(() => new QQBot({ ...base, transport: 'webhook', webhook: { listen: false }, proxy: 'http://127.0.0.1:3128' }))).toBe('proxy');
  });

  it('builds a webhook bot that the runtime serves', () => {
    expect(() => new QQBot({ ...base, transport: 'webhook', webhook: { listen: false } })).not.toThrow();
  });
});

describe("the web build's stand-ins", () => {
  it('throw typed errors that say what to use instead', async () => {
    expect(fieldOf(() => new GatewayManager())).toBe('transport');
    expect(fieldOf(() => new FileSessionStore())).toBe('path');
    expect(fieldOf(() => createWebhookServer())).toBe('webhook.listen');
    expect(fieldOf(() => createProxyFetch())).toBe('proxy');
    await expect(readLocalFile()).rejects.toMatchObject({ field: 'path' });
    await expect(webDigests.digestHex('md5', new Uint8Array(4))).rejects.toBeInstanceOf(QQValidationError);
  });

  it('name files like Node does, for / and \\ paths', () => {
    expect(fileNameOf('/srv/media/cat.png')).toBe('cat.png');
    expect(fileNameOf('C:\\media\\cat.png')).toBe('cat.png');
  });
});

describe("the web build's byte helpers agree with Node's", () => {
  it('base64, both ways, any length, url-safe and unpadded input', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 33, 70_000]) {
      const bytes = new Uint8Array(randomBytes(length));
      const encoded = webBase64.toBase64(bytes);
      expect(encoded).toBe(nodeBase64.toBase64(bytes));
      expect(webBase64.fromBase64(encoded)).toEqual(bytes);
      const urlSafe = encoded.replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
      expect(webBase64.fromBase64(urlSafe)).toEqual(nodeBase64.fromBase64(urlSafe));
    }
  });

  it('UTF-8, hex and concatenation', () => {
    for (const text of ['', 'ascii only', '你好，QQ 🤖', '\u0000\u007f\u0080\uffff']) {
      expect(webBytes.utf8Bytes(text)).toEqual(new Uint8Array(nodeBytes.utf8Bytes(text)));
      expect(webBytes.utf8Length(text)).toBe(nodeBytes.utf8Length(text));
    }
    const bytes = new Uint8Array(randomBytes(300));
    expect(webBytes.toHex(bytes)).toBe(nodeBytes.toHex(bytes));
    expect(webBytes.fromHex(nodeBytes.toHex(bytes).toUpperCase())).toEqual(bytes);
    for (const bad of ['abc', 'zz', ' 00']) expect([webBytes.fromHex(bad), nodeBytes.fromHex(bad)]).toEqual([undefined, undefined]);
    const parts = [bytes.subarray(0, 7), new Uint8Array(0), bytes.subarray(7)];
    expect(webBytes.concatBytes(parts)).toEqual(new Uint8Array(nodeBytes.concatBytes(parts)));
  });

  it('SHA-1 and SHA-256 of bytes and of text', async () => {
    const bytes = new Uint8Array(randomBytes(1000));
    for (const algorithm of ['sha1', 'sha256'] as const) {
      expect(await webDigests.digestHex(algorithm, bytes)).toBe(await nodeDigests.digestHex(algorithm, bytes));
      expect(await webDigests.digestHex(algorithm, '你好 qq')).toBe(await nodeDigests.digestHex(algorithm, '你好 qq'));
    }
  });
});
