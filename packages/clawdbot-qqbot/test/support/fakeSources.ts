import type { AccountSources } from '../../src/index.js';

/** Env and files for account resolution: `readFile` throws ENOENT for a path not in `files`. */
export const fakeSources = (env: Record<string, string> = {}, files: Record<string, string> = {}): AccountSources => ({
  env: () => env,
  readFile: (path) => {
    const content = files[path];
    if (content === undefined) throw new Error(`ENOENT: ${path}`);
    return content;
  },
});
