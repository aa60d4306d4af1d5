import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Proves the bundle OpenClaw installs, not the source. Needs `pnpm build` first (`check` runs it).
const bundle = new URL('../dist/index.js', import.meta.url);

describe('plugin bundle', () => {
  it('has been built', () => {
    expect(existsSync(bundle), 'run `pnpm build` before the tests').toBe(true);
  });

  // OpenClaw's install scanner skips files over 1 MiB (tsup.config.ts); a skipped plugin is one
  // nobody checked. Two full copies of zod (qq-sdk's and the config schema's) once took it past.
  it('stays under the 1 MiB the OpenClaw code scanner reads', () => {
    expect(statSync(bundle).size).toBeLessThan(1024 * 1024);
  });
});
