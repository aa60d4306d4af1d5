import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const sdk = (path: string): string => fileURLToPath(new URL(`../qq-sdk/src/${path}`, import.meta.url));

export default defineProject({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  resolve: {
    // Tests run against the SDK's source through its public entry points only.
    alias: [
      { find: /^qq-sdk\/testing$/, replacement: sdk('testing/index.ts') },
      { find: /^qq-sdk\/webhook$/, replacement: sdk('webhook/index.ts') },
      { find: /^qq-sdk\/(rest|events|gateway|messaging|errors)$/, replacement: sdk('entries/$1.ts') },
      { find: /^qq-sdk$/, replacement: sdk('index.ts') },
    ],
  },
  test: {
    name: 'clawdbot-qqbot',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
