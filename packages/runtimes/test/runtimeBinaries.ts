import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where each runtime's npm package keeps its binary, per platform (its optional dependency). */
const PLATFORM_PACKAGES: Record<string, { deno: string; bun: string; workerd: string }> = {
  'linux-x64': { deno: '@deno/linux-x64-glibc', bun: '@oven/bun-linux-x64', workerd: '@cloudflare/workerd-linux-64' },
  'linux-arm64': { deno: '@deno/linux-arm64-glibc', bun: '@oven/bun-linux-aarch64', workerd: '@cloudflare/workerd-linux-arm64' },
  'darwin-arm64': { deno: '@deno/darwin-arm64', bun: '@oven/bun-darwin-aarch64', workerd: '@cloudflare/workerd-darwin-arm64' },
  'darwin-x64': { deno: '@deno/darwin-x64', bun: '@oven/bun-darwin-x64', workerd: '@cloudflare/workerd-darwin-64' },
};
const BINARY_PATHS = { deno: ['deno'], bun: ['bin/bun'], workerd: ['bin/workerd'] };

/**
 * The path of a runtime binary installed from npm, found through the runtime's own package (the
 * platform package is its optional dependency). Read straight from the platform package, so it
 * works without the install scripts that pnpm does not run.
 */
export function runtimeBinary(runtime: 'deno' | 'bun' | 'workerd'): string {
  const platform = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`];
  if (platform === undefined) throw new Error(`no ${runtime} binary package is known for ${process.platform}-${process.arch}`);
  const wrapper = createRequire(require.resolve(`${runtime}/package.json`));
  const packageDir = dirname(wrapper.resolve(`${platform[runtime]}/package.json`));
  for (const relative of BINARY_PATHS[runtime]) {
    const path = join(packageDir, relative);
    if (existsSync(path)) return path;
  }
  throw new Error(`${platform[runtime]} is installed but has no ${runtime} binary in ${packageDir}`);
}
