// `pnpm newcomer`: the getting-started guide, run verbatim as a new user would, outside the repo.
//
// docs/getting-started.md marks the blocks a reader types or saves:
//   <!-- newcomer: project -->             a shell block: run in the project, line by line, as written
//   <!-- newcomer: bot > bot.js -->        a file block: saved under that name
// For each setup below, the check packs qq-sdk with the guide's own command (HOME points at a
// temporary home, so `~/qq-sdk-0.1.0.tgz` is a fresh tarball), creates an empty folder outside the
// workspace and runs the blocks in order; a run step's output must be what the guide prints. The
// packages come from the npm registry, as they would for the reader. The zh-CN guide must carry the
// same blocks unchanged.
// Run after `pnpm build` (the tarball is packed from packages/qq-sdk/dist).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './snippets.mjs';

const GUIDE = 'docs/getting-started.md';
const GUIDE_ZH = 'docs/zh-CN/getting-started.md';

/** What `node bot.js` prints, from the guide's `output` block; the CommonJS bot prints its group line. */
const FULL_OUTPUT = (output) => output;
const GROUP_LINE = (output) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('group:'))
    .join('\n');

/**
 * The setups a newcomer may have: each is the guide's blocks in order; `expect` names the run
 * steps whose output is checked, and how.
 */
const SETUPS = {
  'JavaScript, ES modules': { steps: ['project', 'bot', 'run'], expect: { run: FULL_OUTPUT } },
  'JavaScript, CommonJS': { steps: ['project', 'bot-cjs', 'run-cjs'], expect: { 'run-cjs': GROUP_LINE } },
  'TypeScript 7, module nodenext, and vitest': {
    steps: ['project', 'bot', 'typescript', 'to-ts', 'tsconfig', 'run-ts', 'vitest', 'test', 'run-test'],
    expect: { 'run-ts': FULL_OUTPUT },
  },
  'TypeScript 5.9, module nodenext': {
    steps: ['project', 'bot', 'typescript-5.9', 'to-ts', 'tsconfig', 'run-ts'],
    expect: { 'run-ts': FULL_OUTPUT },
  },
  'TypeScript 7, bundler resolution with tsx': {
    steps: ['project', 'bot', 'typescript', 'to-ts', 'tsconfig-bundler', 'run-tsx'],
    expect: { 'run-tsx': FULL_OUTPUT },
  },
  'TypeScript 5.9, bundler resolution with tsx': {
    steps: ['project', 'bot', 'typescript-5.9', 'to-ts', 'tsconfig-bundler', 'run-tsx'],
    expect: { 'run-tsx': FULL_OUTPUT },
  },
};

/** Any one command (an npm install from the registry included) gets this long. */
const STEP_TIMEOUT_MS = 240_000;

/** The marked blocks of a guide: name → { file?, code }. */
function markedBlocks(path) {
  const text = readFileSync(join(root, path), 'utf8');
  const blocks = new Map();
  // A block may sit in a list item, indented; its code is dedented by the fence's indentation.
  const marker = /<!-- newcomer: ([\w.-]+)(?: > ([\w.-]+))? -->\n(?:[ ]*<!-- snippet: [^>]+ -->\n)?([ ]*)```\w*\n([\s\S]*?)^\3```/gmu;
  for (const [, name, file, indent, indented] of text.matchAll(marker)) {
    if (blocks.has(name)) throw new Error(`${path}: two blocks are marked "newcomer: ${name}"`);
    const code = indented
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n');
    blocks.set(name, { file, code });
  }
  return blocks;
}

/** Runs one shell block with bash in `cwd`; returns its output and the directory it ended in. */
function runShell(code, cwd, env) {
  const pwdFile = join(env.HOME, '.newcomer-pwd');
  const script = `set -euo pipefail\n${code}\npwd > '${pwdFile}'\n`;
  const run = spawnSync('bash', ['-c', script], { cwd, env, encoding: 'utf8', timeout: STEP_TIMEOUT_MS });
  const ok = run.status === 0;
  return {
    ok,
    stdout: run.stdout ?? '',
    output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`.trim(),
    cwd: ok ? readFileSync(pwdFile, 'utf8').trim() : cwd,
  };
}

function main() {
  const failures = [];
  const blocks = markedBlocks(GUIDE);
  const zh = markedBlocks(GUIDE_ZH);
  for (const [name, block] of blocks) {
    if (zh.get(name)?.code !== block.code || zh.get(name)?.file !== block.file)
      failures.push(`${GUIDE_ZH}: block "newcomer: ${name}" is missing or differs from ${GUIDE}`);
  }
  const needed = new Set(['pack', 'output', ...Object.values(SETUPS).flatMap((setup) => setup.steps)]);
  for (const name of needed) if (!blocks.has(name)) failures.push(`${GUIDE}: no block is marked "newcomer: ${name}"`);
  if (failures.length > 0) return finish(failures);

  const tsconfigs = ['tsconfig', 'tsconfig-bundler'].map((name) => JSON.parse(blocks.get(name).code));
  if (tsconfigs.some((config) => config.compilerOptions?.skipLibCheck === true))
    failures.push(`${GUIDE}: a tsconfig turns skipLibCheck on; qq-sdk's declarations must compile without it`);

  const npmCache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
  const base = mkdtempSync(join(tmpdir(), 'qq-sdk-newcomer-'));
  try {
    const home = join(base, 'home');
    mkdirSync(home);
    const env = {
      ...process.env,
      HOME: home,
      npm_config_cache: npmCache,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    // The workspace's own settings must not leak into the reader's project.
    for (const key of Object.keys(env)) if (key.startsWith('npm_package_') || key === 'npm_config_user_agent' || key === 'INIT_CWD') delete env[key];

    const packed = runShell(blocks.get('pack').code, root, env);
    if (!packed.ok) return finish([`the guide's pack step failed:\n${packed.output}`]);

    const expectedOutput = blocks.get('output').code.trim();
    for (const [setupName, setup] of Object.entries(SETUPS)) {
      const started = Date.now();
      let cwd = mkdtempSync(join(base, 'project-'));
      let failed = false;
      for (const step of setup.steps) {
        const block = blocks.get(step);
        if (block.file) {
          writeFileSync(join(cwd, block.file), block.code);
          continue;
        }
        const run = runShell(block.code, cwd, env);
        if (!run.ok) {
          failures.push(`${setupName}: step "${step}" failed:\n$ ${block.code.trim()}\n${run.output}`);
          failed = true;
          break;
        }
        cwd = run.cwd;
        const expected = setup.expect[step]?.(expectedOutput);
        // The bot's output comes last; an install in the same block may print before it.
        const printed = run.stdout.trim();
        if (expected !== undefined && printed !== expected && !printed.endsWith(`\n${expected}`)) {
          failures.push(`${setupName}: step "${step}" printed\n${run.stdout.trim()}\ninstead of what the guide shows:\n${expected}`);
          failed = true;
          break;
        }
      }
      if (!failed) console.log(`newcomer: ${setupName}: the guide's steps work (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return finish(failures);
}

function finish(failures) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  if (failures.length === 0) console.log('newcomer: every setup in docs/getting-started.md reaches a reply from the simulator');
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main();
