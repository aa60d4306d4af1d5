#!/usr/bin/env node
// Builds the tarball `openclaw plugins install` takes: the bundled dist, the manifest and a
// package.json without dependencies (everything the plugin runs is bundled), so the host's
// install and code-safety scan see exactly what ships. Installing from the repository path
// instead would show the scanner the workspace link to qq-sdk, which points outside the plugin.
//
//   pnpm --filter clawdbot-qqbot pack:openclaw [out-dir]     # after `pnpm build`
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const PKG_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Packs the plugin into `outDir` and returns the tarball's path.
 * @param {string} outDir
 * @param {NodeJS.ProcessEnv} [env]
 */
export async function packForOpenClaw(outDir, env = process.env) {
  if (!existsSync(join(PKG_DIR, 'dist', 'index.js'))) throw new Error('dist/index.js missing: run `pnpm build` first');
  const stage = mkdtempSync(join(tmpdir(), 'clawdbot-qqbot-stage-'));
  try {
    cpSync(join(PKG_DIR, 'dist'), join(stage, 'dist'), { recursive: true });
    cpSync(join(PKG_DIR, 'openclaw.plugin.json'), join(stage, 'openclaw.plugin.json'));
    const pkg = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8'));
    delete pkg.devDependencies;
    delete pkg.scripts;
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    mkdirSync(outDir, { recursive: true });
    const { stdout } = await promisify(execFile)('npm', ['pack', '--pack-destination', resolve(outDir), '--loglevel=error'], { cwd: stage, env });
    return join(resolve(outDir), stdout.trim().split('\n').pop());
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tarball = await packForOpenClaw(process.argv[2] ?? PKG_DIR);
  console.log(tarball);
}
