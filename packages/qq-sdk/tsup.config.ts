import { createTsupConfig } from '../../tsup.shared.ts';

export default createTsupConfig(
  {
    index: 'src/index.ts',
    'rest/index': 'src/entries/rest.ts',
    'events/index': 'src/entries/events.ts',
    'gateway/index': 'src/entries/gateway.ts',
    'messaging/index': 'src/entries/messaging.ts',
    'errors/index': 'src/entries/errors.ts',
    'webhook/index': 'src/webhook/index.ts',
    'testing/index': 'src/testing/index.ts',
    'testing/cli': 'src/testing/cli.ts',
    'redis/index': 'src/redis/index.ts',
    'fetch/index': 'src/entries/fetch.ts',
  },
  // zod is bundled, tree-shaken to what src/internal/zod.ts re-exports (see there why); the
  // declarations keep importing the `zod` package, which stays a dependency for them.
  // No keepNames: it wraps every named closure in a `__name()` call at run time, a few µs per reply
  // (bench/). esbuild names a class that refers to itself in its body `_Name`; those few classes set
  // their name in a static block, and test/dist.test.ts checks every exported class's name.
  { noExternal: ['zod'] },
);
