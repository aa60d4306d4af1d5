// `pnpm release:check`: each published package would ship what a user needs, and they release
// together. For qq-sdk and clawdbot-qqbot: `npm pack --dry-run` lists LICENSE, README.md,
// CHANGELOG.md and dist/; repository, license and publishConfig are set; LICENSE is the
// repository's; npm would publish package.json as written; and both have one version (the plugin
// bundles the SDK, so they are released as one, see .changeset/config.json). Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './snippets.mjs';

const PACKAGES = ['qq-sdk', 'clawdbot-qqbot'];
const failures = [];
const fail = (message) => failures.push(message);
const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
const versions = new Map();
// pnpm passes its own settings to scripts as npm_config_* variables, which npm does not know and
// warns about on every call; `npm pack --dry-run` and `npm pkg fix` need none of them.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/iu.test(key)));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

for (const name of PACKAGES) {
  const dir = join(root, 'packages', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  versions.set(name, pkg.version);
  if (pkg.private) fail(`${name}: is private`);
  if (pkg.license !== 'MIT') fail(`${name}: license is ${pkg.license}, not MIT`);
  if (typeof pkg.repository?.url !== 'string' || pkg.repository.directory !== `packages/${name}`)
    fail(`${name}: repository.url and repository.directory (packages/${name}) must be set`);
  if (pkg.publishConfig?.access !== 'public' || pkg.publishConfig?.provenance !== true)
    fail(`${name}: publishConfig must be { access: "public", provenance: true }`);
  if (readFileSync(join(dir, 'LICENSE'), 'utf8') !== licence) fail(`${name}: LICENSE differs from the repository's (copy it again)`);
  // npm rewrites a package.json it finds wrong when publishing (and warns); `npm pkg fix` on a copy
  // shows whether it would.
  const scratch = mkdtempSync(join(tmpdir(), 'qq-sdk-release-'));
  try {
    copyFileSync(join(dir, 'package.json'), join(scratch, 'package.json'));
    npm(['pkg', 'fix'], scratch);
    if (JSON.stringify(JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8'))) !== JSON.stringify(pkg))
      fail(`${name}: npm would correct package.json when publishing (run \`npm pkg fix\` in packages/${name} and review)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], dir));
  const files = new Set(packed.files.map((file) => file.path));
  for (const required of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) if (!files.has(required)) fail(`${name}: the tarball has no ${required}`);
  if (![...files].some((file) => file.startsWith('dist/'))) fail(`${name}: the tarball has no dist/ (run pnpm build first)`);
  console.log(`release: ${name}@${pkg.version} packs ${files.size} files, ${(packed.size / 1024).toFixed(0)} KiB`);
}
if (new Set(versions.values()).size !== 1)
  fail(`the packages are released together and must share one version: ${[...versions].map(([n, v]) => `${n}@${v}`).join(', ')}`);

if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  process.exit(1);
}
console.log('release check passed');
