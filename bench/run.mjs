// Runs every `*.bench.mjs` in this folder, one after another, each in its own process.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.mjs') && (!only || file.includes(only)))
  .sort();
if (files.length === 0) console.log('no benchmarks yet');
let failed = false;
for (const file of files) {
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', file], {
    cwd: new URL('.', import.meta.url),
    stdio: 'inherit',
  });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
