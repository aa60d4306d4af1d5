import { createPrivateKey, sign } from 'node:crypto';
import { deriveWebhookSeed } from '../../src/webhook/keys.js';
import type { DispatchEnvelope } from '../../src/events/DispatchEnvelope.js';

export const SECRET = 'naOC0ocQE3shWLAfffVLB1rhYPG7';
export const OTHER_SECRET = 'DG5g3B4j9X2KOErG';
export const APP_ID = '11111111';
/** 2026-01-01T00:00:00Z, in ms. */
export const NOW_MS = 1_767_225_600_000;
export const NOW_S = String(NOW_MS / 1000);
export const fixedClock = { now: () => NOW_MS };

export function dispatchBody(id = 'C2C_MESSAGE_CREATE:abc', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    op: 0,
    id,
    t: 'C2C_MESSAGE_CREATE',
    d: {
      id: `msg-${id}`,
      content: '你好',
      timestamp: '2026-01-01T08:00:00+08:00',
      author: { user_openid: 'E4F4AEA33253A2797FB897C50B81D7ED' },
      ...extra,
    },
  });
}

export interface SignOptions {
  secret?: string;
  timestamp?: string;
  appId?: string | undefined;
  contentType?: string | undefined;
}

/**
 * Signs like the platform, synchronously and on node:crypto directly: an oracle independent of
 * the SDK's own (async) signWebhookPayload.
 */
export function platformSignature(secret: string, timestamp: string, body: string | Uint8Array): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), deriveWebhookSeed(secret)]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.concat([Buffer.from(timestamp), typeof body === 'string' ? Buffer.from(body) : body]), key).toString('hex');
}

/** Headers the platform would send for `body`. */
export function signedHeaders(body: string | Uint8Array, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? NOW_S;
  const headers: Record<string, string> = {
    'x-signature-ed25519': platformSignature(options.secret ?? SECRET, timestamp, body),
    'x-signature-timestamp': timestamp,
    'user-agent': 'QQBot-Callback',
  };
  const appId = 'appId' in options ? options.appId : APP_ID;
  if (appId !== undefined) headers['x-bot-appid'] = appId;
  const contentType = 'contentType' in options ? options.contentType : 'application/json';
  if (contentType !== undefined) headers['content-type'] = contentType;
  return headers;
}

/** A sink that records envelopes. */
export function recordingSink(): { envelopes: DispatchEnvelope[]; sink: (envelope: DispatchEnvelope) => void } {
  const envelopes: DispatchEnvelope[] = [];
  return { envelopes, sink: (envelope) => void envelopes.push(envelope) };
}

/** Resolves when `check()` is true, polling every 5 ms, failing after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
