import { createTsupConfig } from '../../tsup.shared.ts';

export default createTsupConfig({
  index: 'src/index.ts',
  'webhook/index': 'src/webhook/index.ts',
  'testing/index': 'src/testing/index.ts',
  'testing/cli': 'src/testing/cli.ts',
  'redis/index': 'src/redis/index.ts',
});
