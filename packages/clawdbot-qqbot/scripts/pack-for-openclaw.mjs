#!/usr/bin/env node
// Builds what `openclaw plugins install` takes, from the bundled dist: an install directory
// (openclaw-plugin/, for `openclaw plugins install [--link] <dir>`) and a tarball packed from it.
// Both hold the bundled dist, the manifest and a package.json without dependencies (everything the
// plugin runs is bundled), so the host's install checks and code-safety scan see exactly what ships.
//
// The package directory itself cannot be installed: OpenClaw's install check walks the whole
// directory, node_modules included, and refuses any node_modules symlink that leaves it (pnpm links
// qq-sdk, zod and silk-wasm from outside), whatever package.json's `files` or dependency kind says;
// and a copied install would carry src/, e2e/ and scripts/ into the deep code scan.
//
//   pnpm --filter clawdbot-qqbot pack:openclaw [out-dir]     # after `pnpm build`
//   → <out-dir or package dir>/clawdbot-qqbot-<version>.tgz, and openclaw-plugin/ in the package dir
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const PKG_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
/** The install directory `pack:openclaw` leaves in the package (git-ignored). */
export const INSTALL_DIR = join(PKG_DIR, 'openclaw-plugin');

/**
 * Writes the installable plugin into `dir` (emptied first) and returns `dir`.
 * @param {string} dir
 */
export function stageForOpenClaw(dir) {
  if (!existsSync(join(PKG_DIR, 'dist', 'index.js'))) throw new Error('dist/index.js missing: run `pnpm build` first');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(PKG_DIR, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(PKG_DIR, 'openclaw.plugin.json'), join(dir, 'openclaw.plugin.json'));
  // Agent skills the manifest declares (`skills`).
  if (existsSync(join(PKG_DIR, 'skills'))) cpSync(join(PKG_DIR, 'skills'), join(dir, 'skills'), { recursive: true });
  if (existsSync(join(PKG_DIR, 'README.md'))) cpSync(join(PKG_DIR, 'README.md'), join(dir, 'README.md'));
  const pkg = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8'));
  delete pkg.devDependencies;
  delete pkg.scripts;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return dir;
}

/**
 * Packs the plugin into `outDir` and returns the tarball's path.
 * @param {string} outDir
 * @param {NodeJS.ProcessEnv} [env]
 */
export async function packForOpenClaw(outDir, env = process.env) {
  const stage = mkdtempSync(join(tmpdir(), 'clawdbot-qqbot-stage-'));
  try {
    stageForOpenClaw(stage);
    mkdirSync(outDir, { recursive: true });
    const { stdout } = await promisify(execFile)('npm', ['pack', '--pack-destination', resolve(outDir), '--loglevel=error'], { cwd: stage, env });
    return join(resolve(outDir), stdout.trim().split('\n').pop());
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(stageForOpenClaw(INSTALL_DIR));
  console.log(await packForOpenClaw(process.argv[2] ?? PKG_DIR));
}
