import { SilkCodec } from './SilkCodec.js';

let shared: SilkCodec | undefined;

/**
 * The codec the plugin's accounts share: its WebAssembly module is compiled once per process, on
 * the first voice note, and holds no per-account state.
 */
export function sharedSilkCodec(): SilkCodec {
  shared ??= new SilkCodec();
  return shared;
}
