// Installs an npm package into a cache folder once: the e2e scripts keep OpenClaw and Node 24 there.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Installs `spec` into `dir` unless the folder already holds exactly that spec.
 * @param {string} dir
 * @param {string} spec
 * @param {{ path: string | undefined, log: (message: string) => void }} options - PATH for npm; where to report the install.
 * @returns {Promise<boolean>} whether it installed.
 */
export async function ensureInstalled(dir, spec, { path, log }) {
  const marker = join(dir, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === spec) return false;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`npm install ${spec} (cached afterwards in ${dir})`);
  await run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', spec], {
    env: { ...process.env, PATH: path },
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(marker, spec);
  return true;
}
