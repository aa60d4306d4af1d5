import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  resolve: {
    // Tests run against the SDK's source through its public entry point only.
    alias: { 'qq-sdk': fileURLToPath(new URL('../qq-sdk/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'clawdbot-qqbot',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
