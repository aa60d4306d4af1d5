import { describe, expect, it } from 'vitest';
import { isSilk, SilkCodec } from '../../src/voice/SilkCodec.js';
import { SilkWasm } from '../../src/voice/SilkWasm.js';
import { VoiceError } from '../../src/voice/VoiceError.js';
import { silkDurationMs } from '../../src/voice/inboundVoice.js';
import { decodeWav, encodeWav, isWav } from '../../src/voice/wav.js';
import { frequencyOf, silkWasmBytes, testCodec, tone } from './support.js';

describe('SILK codec (WebAssembly, in process)', () => {
  it('encodes PCM to a Tencent SILK v3 stream and decodes it back to the same tone', async () => {
    const codec = testCodec();
    const { silk, durationMs } = await codec.encode({ samples: tone(440, 1, 24000), sampleRate: 24000 });
    // Tencent's encoder writes a 0x02 byte before the "#!SILK_V3" magic.
    expect(silk[0]).toBe(0x02);
    expect(Buffer.from(silk.subarray(1, 10)).toString('latin1')).toBe('#!SILK_V3');
    expect(isSilk(silk)).toBe(true);
    expect(durationMs).toBe(1000);
    expect(silkDurationMs(silk)).toBe(1000);
    const back = await codec.decode(silk);
    expect(back.sampleRate).toBe(24000);
    expect(back.samples.length / back.sampleRate).toBeCloseTo(1, 1);
    expect(frequencyOf(back.samples, back.sampleRate)).toBeGreaterThan(400);
    expect(frequencyOf(back.samples, back.sampleRate)).toBeLessThan(480);
  });

  it('takes the sample rates the encoder does not (22050 Hz) by resampling, and many calls in a row', async () => {
    const codec = testCodec();
    for (let i = 0; i < 5; i++) {
      const { silk } = await codec.encode({ samples: tone(300, 0.5, 22050), sampleRate: 22050 });
      const back = await codec.decode(silk);
      expect(frequencyOf(back.samples, back.sampleRate)).toBeGreaterThan(270);
      expect(frequencyOf(back.samples, back.sampleRate)).toBeLessThan(330);
    }
  });

  it('refuses bytes that are not SILK, and a module that is not the expected build, with typed errors', async () => {
    await expect(testCodec().decode(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'unsupported-format' });
    // The smallest valid module: no imports or exports.
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(SilkWasm.instantiate(empty)).rejects.toMatchObject({ name: 'VoiceError', code: 'codec-unavailable' });
    const missing = new SilkCodec(async () => {
      throw new Error('ENOENT: silk.wasm');
    });
    await expect(missing.decode(new Uint8Array([0x02, ...Buffer.from('#!SILK_V3'), 0, 0]))).rejects.toBeInstanceOf(VoiceError);
    expect(silkWasmBytes().length).toBeGreaterThan(100_000);
  });
});

describe('WAV reading', () => {
  it('mixes stereo down and reads 8-, 24-bit and float WAVs', () => {
    const pcm = tone(440, 0.1, 8000);
    const wav = (format: number, bits: number, channels: number, write: (view: DataView, at: number, value: number) => void): Uint8Array => {
      const bytes = bits / 8;
      const out = new Uint8Array(44 + pcm.length * bytes * channels);
      const view = new DataView(out.buffer);
      out.set(Buffer.from('RIFF'), 0);
      view.setUint32(4, out.length - 8, true);
      out.set(Buffer.from('WAVEfmt '), 8);
      view.setUint32(16, 16, true);
      view.setUint16(20, format, true);
      view.setUint16(22, channels, true);
      view.setUint32(24, 8000, true);
      view.setUint16(34, bits, true);
      out.set(Buffer.from('data'), 36);
      view.setUint32(40, pcm.length * bytes * channels, true);
      pcm.forEach((sample, i) => {
        for (let c = 0; c < channels; c++) write(view, 44 + (i * channels + c) * bytes, sample / 32768);
      });
      return out;
    };
    const cases = [
      wav(1, 16, 2, (v, at, x) => v.setInt16(at, Math.round(x * 32767), true)),
      wav(1, 8, 1, (v, at, x) => v.setUint8(at, Math.round(x * 127 + 128))),
      wav(1, 24, 1, (v, at, x) => {
        const n = Math.round(x * 8388607);
        v.setUint16(at, n & 0xffff, true);
        v.setInt8(at + 2, n >> 16);
      }),
      wav(3, 32, 1, (v, at, x) => v.setFloat32(at, x, true)),
    ];
    for (const file of cases) {
      expect(isWav(file)).toBe(true);
      const read = decodeWav(file);
      expect(read.sampleRate).toBe(8000);
      expect(read.samples.length).toBe(pcm.length);
      // 8-bit loses precision; the rest matches within a step or two.
      for (let i = 0; i < pcm.length; i += 97) expect(Math.abs((read.samples[i] ?? 0) - (pcm[i] ?? 0))).toBeLessThan(300);
    }
  });

  it('writes what it reads, and refuses what it cannot read', () => {
    const samples = tone(1000, 0.05, 16000);
    expect(decodeWav(encodeWav({ samples, sampleRate: 16000 })).samples).toEqual(samples);
    expect(() => decodeWav(new Uint8Array(10))).toThrow(VoiceError);
    const adpcm = encodeWav({ samples, sampleRate: 16000 });
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(() => decodeWav(adpcm)).toThrow(/format 2/u);
  });
});
