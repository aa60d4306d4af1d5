import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveLogger, type OutgoingMessage } from 'qq-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAccount } from '../../src/config/resolveAccount.js';
import type { QQBotAccountConfig } from '../../src/index.js';
import type { HostChannelRuntime, HostReplyPayload } from '../../src/host/HostTypes.js';
import { saveInboundMedia } from '../../src/inbound/saveInboundMedia.js';
import { toInboundFields } from '../../src/inbound/toInboundFields.js';
import { replySender } from '../../src/outbound/replySender.js';
import { toOutgoingMessages } from '../../src/outbound/toOutgoingMessages.js';
import { isSilk } from '../../src/voice/SilkCodec.js';
import { toQQVoice, voicePolicy } from '../../src/voice/outboundVoice.js';
import { decodeWav, isWav } from '../../src/voice/wav.js';
import { attachment, fakeMessage } from '../support/fakeMessage.js';
import { frequencyOf, testCodec, tone, toneWav } from './support.js';

const logger = resolveLogger({}, 'silent');
const codec = testCodec();
let server: Server;
let base: string;
let store: string;
let silk: Uint8Array;

beforeAll(async () => {
  store = mkdtempSync(join(tmpdir(), 'qqbot-voice-'));
  silk = (await codec.encode({ samples: tone(440, 1.5, 24000), sampleRate: 24000 })).silk;
  server = createServer((req, res) => {
    // QQ serves voice notes as SILK, with a generic content type.
    if (req.url === '/voice.silk') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(silk);
    if (req.url === '/voice.wav') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(toneWav(440, 1, 16000));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(store, { recursive: true, force: true });
});

const config = (extra: QQBotAccountConfig = {}): QQBotAccountConfig =>
  resolveAccount({ channels: { qqbot: { token: '102000000:secret', mediaHosts: ['127.0.0.1'], ...extra } } }, undefined, {
    env: () => ({}),
    readFile: () => '',
  }).config;

/** A host media store in a temp folder, as OpenClaw's saveMediaBuffer. */
const runtime = {
  media: {
    saveMediaBuffer: async (buffer: Buffer, contentType: string, _subdir: string, _max?: number, filename?: string) => {
      const path = join(store, `${Date.now()}-${Math.random().toString(36).slice(2)}-${filename ?? 'file'}`);
      writeFileSync(path, buffer);
      return { path, contentType };
    },
  },
} as unknown as HostChannelRuntime;

/**
 * What the host's media understanding does with the inbound context: take the first audio
 * attachment not marked transcribed, and hand it to its speech-to-text provider. This fake
 * provider reads WAV only (like the providers OpenClaw calls), and "hears" the tone's pitch.
 */
function fakeHostTranscription(ctx: Record<string, unknown>): string | undefined {
  const media = ctx['media'] as Array<Record<string, unknown>>;
  const audio = media.find((fact) => fact['kind'] === 'audio' && fact['transcribed'] !== true && String(fact['contentType']).startsWith('audio/'));
  if (audio === undefined || typeof audio['path'] !== 'string') return undefined;
  const bytes = new Uint8Array(readFileSync(audio['path']));
  if (!isWav(bytes)) throw new Error('the provider cannot read this audio');
  const pcm = decodeWav(bytes);
  return `a ${Math.round(frequencyOf(pcm.samples, pcm.sampleRate) / 10) * 10} Hz tone`;
}

describe('a voice note QQ did not recognise is transcribed by the host', () => {
  it('decodes the SILK note to WAV in the media store, unmarked, so the host transcribes it', async () => {
    const message = fakeMessage('c2c', {
      content: '',
      attachments: [attachment('voice', { url: `${base}/voice.silk`, contentType: 'voice', filename: 'note.silk' })],
    });
    const saved = await saveInboundMedia(message, config(), runtime, logger, codec);
    expect(saved[0]).toMatchObject({ contentType: 'audio/wav' });
    expect(saved[0]?.path).toMatch(/note\.wav$/u);
    const fields = toInboundFields(message, { accountId: 'default', sessionKey: 's', commandAuthorized: true, saved });
    expect(fields['media']).toEqual([expect.objectContaining({ kind: 'audio', contentType: 'audio/wav', path: saved[0]?.path })]);
    expect((fields['media'] as Array<Record<string, unknown>>)[0]?.['transcribed']).toBeUndefined();
    expect(fields['MediaTranscribedIndexes']).toBeUndefined();
    expect(fakeHostTranscription(fields)).toBe('a 440 Hz tone');
  });

  it("takes QQ's WAV conversion (voice_wav_url) as it is, labelled audio/wav", async () => {
    const message = fakeMessage('group', {
      content: '',
      attachments: [attachment('voice', { url: `${base}/voice.silk`, voiceWavUrl: `${base}/voice.wav`, contentType: 'voice' })],
    });
    const saved = await saveInboundMedia(message, config(), runtime, logger, codec);
    expect(saved[0]?.contentType).toBe('audio/wav');
    expect(fakeHostTranscription(toInboundFields(message, { accountId: 'default', sessionKey: 's', commandAuthorized: true, saved }))).toBe('a 440 Hz tone');
  });

  it("uses QQ's ASR text when there is one, and marks the note transcribed for both host generations", async () => {
    const message = fakeMessage('c2c', {
      content: '',
      attachments: [attachment('voice', { url: `${base}/voice.silk`, contentType: 'voice', asrText: '明天会下雨吗' })],
    });
    const saved = await saveInboundMedia(message, config(), runtime, logger, codec);
    // Not decoded: nobody transcribes it again.
    expect(isSilk(new Uint8Array(readFileSync(saved[0]!.path)))).toBe(true);
    const fields = toInboundFields(message, { accountId: 'default', sessionKey: 's', commandAuthorized: true, saved });
    expect(fields['Body']).toBe('[voice] 明天会下雨吗');
    expect(fields['MediaTranscribedIndexes']).toEqual([0]);
    expect(fakeHostTranscription(fields)).toBeUndefined();
  });

  it('leaves the note as SILK with stt.enabled false or sttDirectFormats [".silk"]; a broken note is kept and logged, never thrown', async () => {
    const message = fakeMessage('c2c', { content: '', attachments: [attachment('voice', { url: `${base}/voice.silk`, contentType: 'voice' })] });
    for (const extra of [{ stt: { enabled: false } }, { audioFormatPolicy: { sttDirectFormats: ['.silk'] } }]) {
      const saved = await saveInboundMedia(message, config(extra), runtime, logger, codec);
      expect(isSilk(new Uint8Array(readFileSync(saved[0]!.path)))).toBe(true);
    }
    const broken = new (await import('../../src/voice/SilkCodec.js')).SilkCodec(async () => new Uint8Array([0, 1, 2]));
    const warnings: string[] = [];
    const saved = await saveInboundMedia(message, config(), runtime, { ...logger, warn: (line: string) => void warnings.push(line) }, broken);
    expect(saved[0]).toBeDefined();
    expect(warnings.join()).toMatch(/left as SILK/u);
  });
});

describe('audio in a reply goes out as QQ voice', () => {
  it('encodes a WAV (MEDIA: line or media path) to SILK; the text goes first, as its own message', async () => {
    const wavPath = join(store, 'reply.wav');
    writeFileSync(wavPath, toneWav(440, 1, 16000));
    const payload: HostReplyPayload = { text: `听听这个\nMEDIA:${wavPath}` };
    const outgoing = toOutgoingMessages(payload, { scene: 'c2c', markdown: false });
    expect(outgoing.map((item) => (item.kind === 'media' ? item.media : item.kind))).toEqual(['text', 'voice']);
    const message = fakeMessage('c2c');
    const send = replySender(config(), logger, codec);
    for (const item of outgoing) await send(message, item);
    const voice = message.sent[1]?.content as OutgoingMessage & { kind: 'media' };
    expect(voice).toMatchObject({ kind: 'media', media: 'voice', source: { filename: 'reply.silk' } });
    const data = (voice.source as { data: Uint8Array }).data;
    expect(isSilk(data) && data[0] === 0x02).toBe(true);
    const back = await codec.decode(data);
    expect(frequencyOf(back.samples, back.sampleRate)).toBeGreaterThan(400);
  });

  it('sends SILK as it is, other audio (MP3) as a file, and a WAV as a file when conversion is off', async () => {
    const policy = voicePolicy(config());
    const silkPath = join(store, 'ready.silk');
    writeFileSync(silkPath, silk);
    const mp3Path = join(store, 'song.mp3');
    writeFileSync(mp3Path, Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0]));
    const wavPath = join(store, 'tts.wav');
    writeFileSync(wavPath, toneWav(440, 0.2, 24000));
    const asSilk = await toQQVoice({ kind: 'media', media: 'voice', source: { path: silkPath } }, policy, codec);
    expect(asSilk).toMatchObject({ media: 'voice', source: { data: silk } });
    expect(await toQQVoice({ kind: 'media', media: 'voice', source: { path: mp3Path } }, policy, codec)).toEqual({
      kind: 'media',
      media: 'file',
      source: { path: mp3Path },
    });
    // Listed as a direct format, MP3 goes as voice unconverted (the official plugin's uploadDirectFormats).
    const direct = voicePolicy(config({ audioFormatPolicy: { uploadDirectFormats: ['mp3'] } }));
    expect(await toQQVoice({ kind: 'media', media: 'voice', source: { path: mp3Path } }, direct, codec)).toMatchObject({
      media: 'voice',
      source: { path: mp3Path },
    });
    const off = voicePolicy(config({ audioFormatPolicy: { transcodeEnabled: false } }));
    expect(await toQQVoice({ kind: 'media', media: 'voice', source: { path: wavPath } }, off, codec)).toMatchObject({ media: 'file' });
    // A remote WAV is not fetched by the plugin: QQ gets it as a file.
    expect(await toQQVoice({ kind: 'media', media: 'voice', source: { url: 'https://example.com/a.wav' } }, policy, codec)).toMatchObject({ media: 'file' });
    // A codec that cannot load: the WAV still reaches the user, as a file.
    const broken = new (await import('../../src/voice/SilkCodec.js')).SilkCodec(async () => new Uint8Array([0, 1, 2]));
    expect(await toQQVoice({ kind: 'media', media: 'voice', source: { path: wavPath } }, policy, broken)).toMatchObject({
      media: 'file',
      source: { path: wavPath },
    });
  });
});
