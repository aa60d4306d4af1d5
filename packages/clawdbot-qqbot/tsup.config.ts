import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createTsupConfig } from '../../tsup.shared.ts';

// The plugin is installed into OpenClaw without a dependency install step (path and archive
// installs copy files only), so qq-sdk and zod are bundled into dist; `require` is provided for
// the CommonJS parts of qq-sdk's dependencies (ws) inside the ESM bundle.
export default createTsupConfig(
  { index: 'src/index.ts' },
  {
    noExternal: [/.*/],
    // Shorter, but still one statement per line: OpenClaw's code scanner reads files line by line
    // and skips files over 1 MiB.
    minifySyntax: true,
    minifyIdentifiers: true,
    // qq-sdk's dist imports shared chunks for ordering only; they have no side effects, as its
    // package.json says, so esbuild dropping those bare imports is expected.
    esbuildOptions(options) {
      options.logOverride = { ...options.logOverride, 'ignored-bare-import': 'silent' };
    },
    // The SILK codec's WebAssembly ships next to the bundle as a data file (src/voice/SilkCodec.ts
    // reads it from there); the CommonJS build finds it through the import.meta.url shim.
    shims: true,
    onSuccess: async () => {
      copyFileSync(createRequire(import.meta.url).resolve('silk-wasm/lib/silk.wasm'), 'dist/silk.wasm');
    },
    banner: ({ format }) =>
      format === 'esm' ? { js: "import { createRequire as __cqCreateRequire } from 'node:module'; const require = __cqCreateRequire(import.meta.url);" } : {},
  },
);
