// Regenerates openclaw.plugin.json from the zod config schema (run after `pnpm build`).
import { writeFileSync } from 'node:fs';
import { pluginManifest } from '../dist/index.js';

writeFileSync(new URL('../openclaw.plugin.json', import.meta.url), `${JSON.stringify(pluginManifest(), null, 2)}\n`);
