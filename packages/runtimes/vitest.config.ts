import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'runtimes',
    include: ['test/**/*.test.ts'],
    // A runtime's cold start is 50-200 ms; a whole scenario stays well under this.
    testTimeout: 60_000,
  },
});
