import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Options } from 'tsup';
import { createTsupConfig } from '../../tsup.shared.ts';

type TsupPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * The platform seams: a module `x.ts` that needs Node (`node:` built-ins, `Buffer`, `ws`) may have
 * a sibling `x.web.ts` with the same exports on Web APIs only, and this build takes the sibling
 * wherever `x.js` is imported. The Node build (tsup.config.ts) never sees the siblings.
 */
const webSiblings: TsupPlugin = {
  name: 'web-siblings',
  setup(build) {
    build.onResolve({ filter: /^\.{1,2}\/.*\.js$/ }, (args) => {
      const sibling = resolve(dirname(args.importer), args.path.replace(/\.js$/u, '.web.ts'));
      return existsSync(sibling) ? { path: sibling } : undefined;
    });
  },
};

// The build for Cloudflare Workers, Deno, Bun and browsers (package.json `exports` conditions
// `workerd`, `deno`, `bun`, `browser`, `default` of `qq-sdk/fetch`): ES modules on Web APIs only,
// checked by scripts/check-web-bundle.mjs. Runs after tsup.config.ts, into dist/web.
export default createTsupConfig(
  { 'fetch/index': 'src/entries/fetch.ts' },
  {
    format: ['esm'],
    platform: 'neutral',
    target: 'es2022',
    outDir: 'dist/web',
    clean: false,
    noExternal: ['zod'],
    esbuildPlugins: [webSiblings],
  },
);
