import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { asciiOutput } from './tsup.asciiOutput.ts';

/**
 * One build recipe for every package: ESM + CJS + declarations, with the
 * package version injected as `__PACKAGE_VERSION__` so runtime code never reads package.json,
 * and ASCII-only JavaScript (see tsup.asciiOutput.ts).
 */
export function createTsupConfig(entry: Record<string, string>, overrides: Options = {}) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
    ...overrides,
    plugins: [asciiOutput, ...(overrides.plugins ?? [])],
  });
}
