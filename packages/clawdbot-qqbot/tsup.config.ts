import { createTsupConfig } from '../../tsup.shared.ts';

export default createTsupConfig({ index: 'src/index.ts' }, { external: ['qq-sdk'] });
