import { VoiceError } from './VoiceError.js';

/** Mono 16-bit PCM with its sample rate: what the SILK codec reads and writes. */
export interface Pcm16 {
  /** Little-endian signed 16-bit samples, one channel. */
  readonly samples: Int16Array;
  /** Samples per second. */
  readonly sampleRate: number;
}

/** Whether `data` starts like a RIFF/WAVE file. */
export function isWav(data: Uint8Array): boolean {
  return data.length >= 12 && ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 4) === 'WAVE';
}

function ascii(data: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...data.subarray(start, start + length));
}

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;

/**
 * Reads a WAV file into mono 16-bit PCM: integer PCM of 8, 16, 24 or 32 bits and 32-bit float,
 * any channel count (mixed down). Chunks it does not need are skipped; a data chunk longer than
 * the file (streamed WAVs write 0xFFFFFFFF) is read to the end of the file.
 *
 * @throws {@link VoiceError} `unsupported-format` for anything else.
 */
export function decodeWav(data: Uint8Array): Pcm16 {
  if (!isWav(data)) throw new VoiceError('unsupported-format', 'not a RIFF/WAVE file');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let format: { code: number; channels: number; sampleRate: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= data.length) {
    const id = ascii(data, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && size >= 16) {
      let code = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
      if (code === EXTENSIBLE && size >= 26) code = view.getUint16(body + 24, true);
      format = { code, channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (format === undefined) throw new VoiceError('unsupported-format', 'WAV data chunk before its fmt chunk');
      const end = Math.min(data.length, body + size);
      return { samples: toMono16(view, body, end, format), sampleRate: format.sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new VoiceError('unsupported-format', 'WAV file without a data chunk');
}

function toMono16(view: DataView, start: number, end: number, format: { code: number; channels: number; sampleRate: number; bits: number }): Int16Array {
  const { code, channels, bits } = format;
  const readable = (code === PCM && [8, 16, 24, 32].includes(bits)) || (code === IEEE_FLOAT && bits === 32);
  if (!readable || channels < 1 || format.sampleRate < 1) {
    throw new VoiceError('unsupported-format', `WAV format ${code} with ${bits} bits and ${channels} channel(s) is not supported`);
  }
  const bytes = bits / 8;
  const frames = Math.floor((end - start) / (bytes * channels));
  const read = (at: number): number => {
    if (code === IEEE_FLOAT) return view.getFloat32(at, true);
    switch (bits) {
      case 8:
        return (view.getUint8(at) - 128) / 128;
      case 16:
        return view.getInt16(at, true) / 32768;
      case 24:
        return ((view.getInt8(at + 2) << 16) | view.getUint16(at, true)) / 8388608;
      default:
        return view.getInt32(at, true) / 2147483648;
    }
  };
  const out = new Int16Array(frames);
  for (let frame = 0; frame < frames; frame++) {
    let sum = 0;
    for (let channel = 0; channel < channels; channel++) sum += read(start + (frame * channels + channel) * bytes);
    const value = Math.round((sum / channels) * 32767);
    out[frame] = value > 32767 ? 32767 : value < -32768 ? -32768 : value;
  }
  return out;
}

/** Writes mono 16-bit PCM as a canonical 44-byte-header WAV file. */
export function encodeWav(pcm: Pcm16): Uint8Array {
  const dataBytes = pcm.samples.length * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const text = (at: number, value: string): void => {
    for (let i = 0; i < value.length; i++) out[at + i] = value.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.samples.length; i++) view.setInt16(44 + i * 2, pcm.samples[i] ?? 0, true);
  return out;
}
