import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SilkCodec } from '../../src/voice/SilkCodec.js';
import { encodeWav } from '../../src/voice/wav.js';

/** The codec over silk-wasm's `silk.wasm` from node_modules (the build copies the same file into dist). */
export const silkWasmBytes = (): Uint8Array => new Uint8Array(readFileSync(createRequire(import.meta.url).resolve('silk-wasm/lib/silk.wasm')));
export const testCodec = (): SilkCodec => new SilkCodec(async () => silkWasmBytes());

/** A sine tone as mono 16-bit PCM. */
export function tone(hz: number, seconds: number, sampleRate: number): Int16Array {
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * 12000);
  return samples;
}

/** A WAV file of a sine tone. */
export const toneWav = (hz: number, seconds: number, sampleRate: number): Uint8Array => encodeWav({ samples: tone(hz, seconds, sampleRate), sampleRate });

/** The dominant frequency of a tone, from its zero crossings. */
export function frequencyOf(samples: Int16Array, sampleRate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i - 1] ?? 0) < 0 !== (samples[i] ?? 0) < 0) crossings++;
  return crossings / 2 / (samples.length / sampleRate);
}
