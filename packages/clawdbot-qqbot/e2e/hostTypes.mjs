// Checks src/host/HostTypes.ts and the channel plugin object against the plugin-sdk types each
// OpenClaw version the e2e runs publishes: compiles e2e/hostTypes/check.ts with `openclaw/plugin-sdk/*`
// mapped to that version's declarations, and compares the errors (the gaps between our shapes and
// the host's) with e2e/hostTypes/gaps.<version>.txt. A new, changed or closed gap fails the run:
// the host changed a shape we depend on, or we did; after reviewing, HOST_TYPES_UPDATE=1 rewrites
// the lists. Runs after openclaw-e2e.mjs, which installs the hosts into the cache.
//
//   node e2e/hostTypes.mjs                      # OPENCLAW_VERSIONS or "2026.9.6 2026.7.35"
//   HOST_TYPES_UPDATE=1 node e2e/hostTypes.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(PKG_DIR, '..', '..');
const CHECK = join(PKG_DIR, 'e2e', 'hostTypes', 'check.ts');
const VERSIONS = (process.env.OPENCLAW_VERSIONS ?? '2026.9.6 2026.7.35').split(/\s+/).filter(Boolean);
const CACHE = process.env.E2E_CACHE ?? join(PKG_DIR, 'node_modules', '.cache', 'openclaw-e2e');
const UPDATE = process.env.HOST_TYPES_UPDATE === '1';
const tsc = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');

/** Each error in check.ts with its elaboration, as `member: TSxxxx message / detail / …`. */
function gapsFor(version) {
  const sdk = join(CACHE, `openclaw-${version}`, 'node_modules', 'openclaw', 'dist', 'plugin-sdk');
  if (!existsSync(join(sdk, 'core.d.ts'))) throw new Error(`OpenClaw ${version} is not installed in ${CACHE}: run e2e/openclaw-e2e.mjs first`);
  const dir = mkdtempSync(join(tmpdir(), 'qqbot-host-types-'));
  try {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.base.json'),
        compilerOptions: {
          noEmit: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
          typeRoots: [join(ROOT, 'node_modules', '@types')],
          types: ['node'],
          paths: { 'openclaw/plugin-sdk/*': [join(sdk, '*.d.ts')] },
        },
        files: [CHECK],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      output = String(error.stdout ?? '');
    }
    const gaps = [];
    for (const line of output.split('\n')) {
      // The compiler's elaboration (which member, which parameter) follows on indented lines.
      if (/^\s+\S/u.test(line) && gaps.length > 0) {
        gaps[gaps.length - 1] += ` / ${line.trim()}`;
        continue;
      }
      const match = /^(.*?)\((\d+),\d+\): error (TS\d+): (.*)$/u.exec(line);
      if (!match) continue;
      if (!match[1].endsWith('check.ts')) throw new Error(`OpenClaw ${version}: an error outside check.ts: ${line}`);
      const source = readFileSync(CHECK, 'utf8').split('\n')[Number(match[2]) - 1] ?? '';
      const member = /export const (\w+)/u.exec(source)?.[1] ?? `line ${match[2]}`;
      gaps.push(`${member}: ${match[3]} ${match[4]}`);
    }
    return gaps;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let failed = false;
for (const version of VERSIONS) {
  const gaps = gapsFor(version);
  const file = join(PKG_DIR, 'e2e', 'hostTypes', `gaps.${version}.txt`);
  const text = `${gaps.join('\n')}\n`;
  if (UPDATE) {
    writeFileSync(file, text);
    console.log(`host types: OpenClaw ${version}: wrote ${gaps.length} known gap(s) to ${file}`);
    continue;
  }
  const known = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (known === text) {
    console.log(`host types: OpenClaw ${version}: ${gaps.length} known gap(s), nothing changed`);
    continue;
  }
  failed = true;
  const knownLines = new Set(known.split('\n').filter(Boolean));
  const nowLines = new Set(gaps);
  console.error(`host types: OpenClaw ${version}: the shapes we depend on changed (review, then HOST_TYPES_UPDATE=1):`);
  for (const line of gaps) if (!knownLines.has(line)) console.error(`  + ${line}`);
  for (const line of knownLines) if (!nowLines.has(line)) console.error(`  - ${line}`);
}
process.exit(failed ? 1 : 0);
