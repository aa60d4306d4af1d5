import { deflateSync } from 'node:zlib';

/**
 * The files the console attaches when a simulated user sends a picture or a voice note, served by
 * the simulator so a bot that downloads them never leaves 127.0.0.1: a small PNG, and a short WAV
 * (as `voice_wav_url`; the `.amr` URL serves the same bytes).
 *
 * @internal
 */
export const CONSOLE_MEDIA: Readonly<Record<string, { readonly type: string; readonly bytes: Buffer }>> = {
  'photo.png': { type: 'image/png', bytes: png(64, 64) },
  'voice.wav': { type: 'audio/wav', bytes: wav(0.5) },
  'voice.amr': { type: 'audio/amr', bytes: wav(0.5) },
};

/** What the console says the voice note said (`asr_refer_text`). */
export const CONSOLE_VOICE_TEXT = '这是一条语音消息';

/** A `width` × `height` PNG of a blue-to-green gradient. */
function png(width: number, height: number): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++) rows.push(0x16, Math.round((x / width) * 200), Math.round(255 - (y / height) * 120));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** `seconds` of a quiet 440 Hz tone, 8 kHz mono 16-bit. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 3000), 44 + i * 2);
  return out;
}
