// `pnpm docs:check`: the documentation cannot drift from the code.
//
// 1. Every file in docs/snippets compiles against the built qq-sdk (tsc -p docs/snippets).
// 2. The getting-started bot runs on the simulator and gets its replies; the README's test passes.
// 3. Every snippet block in the guides and READMEs matches its file (scripts/snippets.mjs --check),
//    and every snippet file is shown somewhere.
// 4. Every other ```ts block in the guides typechecks against the built packages as a fragment:
//    the placeholders it leaves undeclared are declared with their usual types (`bot: QQBot`,
//    `groupOpenid: string`, package exports imported, anything else `any`), then anything wrong
//    (a missing export, a wrong option, argument or property) fails.
// 5. The READMEs' OpenClaw commands are the ones docs/openclaw.md gives.
// 6. Every relative link in docs/ and the READMEs points at a file that exists, and every
//    `#anchor` into a Markdown file names one of its headings.
// Run after `pnpm build` and `pnpm run docs` (links into docs/api need the generated site).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { markdownFiles, root, snippetDir, syncSnippets } from './snippets.mjs';

/** Snippets that are whole programs: run on the simulator, their output must match. */
const RUNNABLE = {
  'hello-bot.js': [/group: ping -> bot: pong/u, /c2c: 你好 -> bot: 你说：你好/u],
};

/** Snippets that are vitest files: they must pass. */
const TESTS = ['testing.ts'];

/**
 * Guides other engineers are writing: while one is missing, links to it are reported but do not
 * fail the check. Remove an entry once its file has landed.
 */
const PENDING = new Set();

const failures = [];
const warnings = [];
const outDir = join(root, 'node_modules', '.cache', 'docs-snippets');

function compileSnippets() {
  if (!existsSync(join(root, 'packages', 'qq-sdk', 'dist', 'index.d.ts'))) {
    failures.push('packages/qq-sdk/dist is missing: run `pnpm build` before the docs check');
    return false;
  }
  rmSync(outDir, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/lib/tsc.js');
  const run = spawnSync(process.execPath, [tsc, '-p', snippetDir], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    failures.push(`docs/snippets does not compile:\n${(run.stdout + run.stderr).trim()}`);
    return false;
  }
  return true;
}

function runSnippets() {
  // A throwaway project where `qq-sdk` resolves to the workspace package, like a user's project.
  const dir = mkdtempSync(join(tmpdir(), 'qq-sdk-docs-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(root, 'packages', 'qq-sdk'), join(dir, 'node_modules', 'qq-sdk'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    for (const [file, expected] of Object.entries(RUNNABLE)) {
      const js = file.replace(/\.ts$/u, '.js');
      copyFileSync(join(outDir, js), join(dir, js));
      const run = spawnSync(process.execPath, [join(dir, js)], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const output = `${run.stdout}${run.stderr}`.trim();
      const missing = expected.filter((pattern) => !pattern.test(run.stdout));
      if (run.status !== 0 || missing.length > 0) {
        failures.push(`docs/snippets/${file} did not run as the guide says (exit ${run.status ?? run.signal}):\n${output}`);
      } else {
        console.log(`ran docs/snippets/${file}: ${run.stdout.trim().split('\n').length} lines of expected output`);
      }
    }
    symlinkSync(realpathSync(join(root, 'node_modules', 'vitest')), join(dir, 'node_modules', 'vitest'), 'dir');
    const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
    for (const file of TESTS) {
      copyFileSync(join(outDir, file.replace(/\.ts$/u, '.js')), join(dir, file.replace(/\.ts$/u, '.test.js')));
    }
    const run = spawnSync(process.execPath, [vitest, 'run', '--root', dir], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) failures.push(`docs/snippets ${TESTS.join(', ')} failed under vitest:\n${`${run.stdout}${run.stderr}`.trim()}`);
    else console.log(`ran docs/snippets/${TESTS.join(', ')} with vitest: passed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Errors a fragment may still have once its placeholders are declared: type names it leaves
 * undeclared (TS2304, TS2552), parameters typed only through an untyped placeholder (TS7006,
 * TS7031), and packages the repository does not install (TS2307 for anything but qq-sdk and
 * clawdbot-qqbot).
 */
const FRAGMENT_ALLOWED = new Set(['TS2304', 'TS2552', 'TS7006', 'TS7031']);

/**
 * What the guides' usual placeholder names stand for, so the code around them is checked too.
 * Names missing here are declared `any`; names the packages export are imported.
 */
const PLACEHOLDER_TYPES = {
  bot: "import('qq-sdk').QQBot",
  botA: "import('qq-sdk').QQBot",
  botB: "import('qq-sdk').QQBot",
  api: "import('qq-sdk/rest').API",
  rest: "import('qq-sdk/rest').RestClient",
  events: "import('qq-sdk/events').EventDispatcher",
  dispatcher: "import('qq-sdk/events').EventDispatcher",
  gateway: "import('qq-sdk/gateway').GatewayManager",
  tokens: "import('qq-sdk/rest').TokenManager",
  msg: "import('qq-sdk').Message",
  envelope: "import('qq-sdk/events').DispatchEnvelope",
  sim: "import('qq-sdk/testing').QQSimulator",
  receiver: "import('qq-sdk/webhook').WebhookReceiver",
  expect: "typeof import('vitest').expect",
  signal: 'AbortSignal',
  msg_seq: 'number',
  bytes: 'Uint8Array',
  silkBytes: 'Uint8Array',
  headers: 'Record<string, string>',
};
const STRING_PLACEHOLDER =
  /^(?:[a-z]\w*(?:Id|Openid|Secret|Url|Mp4)|id|text|secret|appId|clientSecret|rawBody|timestamp|msg_id|event_id|message_id|openid|groupOpenid|channelId|guildId|userId|messageId)$/u;

/**
 * qq-sdk's entry points (from its package.json `exports`) and their ESM declarations, the root
 * first so a name the root also exports is imported from there.
 */
const SDK_ENTRIES = (() => {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', 'qq-sdk', 'package.json'), 'utf8'));
  const entries = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const types = typeof target === 'object' ? target.import?.types : undefined;
    if (typeof types === 'string') entries[subpath === '.' ? 'qq-sdk' : `qq-sdk/${subpath.slice(2)}`] = types.replace(/^\.\/dist\//u, '');
  }
  return entries;
})();

/** Every name each public entry point exports, from the built declarations. */
function packageExports() {
  const entries = Object.fromEntries(Object.entries(SDK_ENTRIES).map(([specifier, file]) => [specifier, `packages/qq-sdk/dist/${file}`]));
  const exported = new Map();
  for (const [specifier, path] of Object.entries(entries)) {
    if (!existsSync(join(root, path))) continue;
    const text = readFileSync(join(root, path), 'utf8');
    for (const block of text.matchAll(/export\s*\{([^}]*)\}/gu)) {
      for (const part of block[1].split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/u, '')
          .split(/\s+as\s+/u)
          .at(-1)
          ?.trim();
        if (name && name !== 'default' && !exported.has(name)) exported.set(name, specifier);
      }
    }
  }
  return exported;
}

function checkFragments() {
  const dir = mkdtempSync(join(tmpdir(), 'qq-sdk-guides-'));
  try {
    const fragments = new Map();
    for (const file of markdownFiles()) {
      const text = readFileSync(file, 'utf8').replace(/<!-- snippet: [\s\S]*?<!-- \/snippet -->/gu, (block) => block.replace(/[^\n]/gu, ' '));
      for (const match of text.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gmu)) {
        const line = text.slice(0, match.index).split('\n').length + 1;
        const name = `${relative(root, file).replace(/[\\/.]/gu, '_')}__L${line}.ts`;
        fragments.set(name, { guide: relative(root, file), line, code: match[1], prelude: [] });
      }
    }
    const dist = (pkg, entry) => [join(root, 'packages', pkg, 'dist', entry)];
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.base.json'),
        compilerOptions: {
          noEmit: true,
          noUnusedLocals: false,
          noUnusedParameters: false,
          typeRoots: [join(root, 'node_modules', '@types')],
          paths: {
            ...Object.fromEntries(Object.entries(SDK_ENTRIES).map(([specifier, file]) => [specifier, dist('qq-sdk', file)])),
            'clawdbot-qqbot': dist('clawdbot-qqbot', 'index.d.ts'),
            vitest: [join(root, 'node_modules', 'vitest')],
          },
        },
        include: ['*.ts'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/lib/tsc.js');
    const compile = () => {
      for (const [name, fragment] of fragments) {
        writeFileSync(join(dir, name), ['export {};', ...fragment.prelude, fragment.code].join('\n'));
      }
      const run = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
      return run.stdout
        .split('\n')
        .map((line) => /^(\S+?\.ts)\((\d+),(\d+)\): error (TS\d+): (.*)$/u.exec(line))
        .filter((match) => match !== null)
        .map(([, file, row, , code, message]) => ({ file, row: Number(row), code, message }));
    };

    // Pass 1 finds the names each fragment leaves undeclared; pass 2 declares them and checks.
    const exported = packageExports();
    for (const { file, code, message } of compile()) {
      const fragment = fragments.get(file);
      const name = /(?:Cannot find name|shorthand property) '([^']+)'/u.exec(message)?.[1];
      if (!fragment || !name || !['TS2304', 'TS2552', 'TS18004'].includes(code)) continue;
      if (fragment.prelude.some((line) => line.includes(` ${name}`))) continue;
      if (exported.has(name)) fragment.prelude.push(`import { ${name} } from '${exported.get(name)}';`);
      else if (name in PLACEHOLDER_TYPES) fragment.prelude.push(`declare const ${name}: ${PLACEHOLDER_TYPES[name]};`);
      else if (STRING_PLACEHOLDER.test(name)) fragment.prelude.push(`declare const ${name}: string;`);
      else fragment.prelude.push(`declare const ${name}: any;`);
    }
    let errors = 0;
    for (const { file, row, code, message } of compile()) {
      if (FRAGMENT_ALLOWED.has(code)) continue;
      if (code === 'TS2307' && !/'(qq-sdk|clawdbot-qqbot)[/']/u.test(message)) continue;
      const fragment = fragments.get(file);
      const at = fragment ? `${fragment.guide}:${fragment.line + row - 2 - fragment.prelude.length}` : file;
      failures.push(`${at}: ${code} ${message}`);
      errors += 1;
    }
    console.log(`fragments: ${fragments.size} code blocks in the guides typechecked, ${errors} errors`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The commands of the first `sh` block under a heading, without comments. */
function commandsUnder(file, heading) {
  const text = readFileSync(join(root, file), 'utf8');
  const at = text.indexOf(`\n${heading}\n`);
  const block = at < 0 ? undefined : /```sh\n([\s\S]*?)```/u.exec(text.slice(at))?.[1];
  return block
    ?.split('\n')
    .map((line) => line.replace(/\s+#.*$/u, '').trim())
    .filter(Boolean);
}

/** The READMEs repeat the OpenClaw quick start; it must stay the one docs/openclaw.md gives. */
function checkOpenClawCommands() {
  const source = commandsUnder('docs/openclaw.md', '## From nothing to a working QQ bot');
  if (!source) {
    warnings.push('docs/openclaw.md has no "## From nothing to a working QQ bot" commands to compare the READMEs with');
    return;
  }
  for (const readme of ['README.md', 'README.zh-CN.md']) {
    const shown = commandsUnder(readme, '## OpenClaw');
    if (JSON.stringify(shown) !== JSON.stringify(source)) {
      failures.push(`${readme}: the OpenClaw commands differ from docs/openclaw.md:\n  ${source.join('\n  ')}`);
    }
  }
}

function checkSnippetSync() {
  const { drifted, errors, used } = syncSnippets({ check: true });
  failures.push(...errors);
  for (const file of drifted) failures.push(`${file}: code differs from docs/snippets (run \`node scripts/snippets.mjs\` to update it)`);
  for (const file of readdirSync(snippetDir).filter((f) => f.endsWith('.ts'))) {
    if (!used.has(file)) failures.push(`docs/snippets/${file} is not shown in any guide (add <!-- snippet: ${file} --> or delete it)`);
  }
}

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens, duplicates numbered. */
function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  // Headings keep their inline code (`## Configuration (\`channels.qqbot\`)`); only fenced blocks go.
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/u.exec(line);
    if (!heading) continue;
    const text = heading[1].replace(/`/gu, '').replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/ /gu, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const match of markdown.matchAll(/<a (?:name|id)="([^"]+)"/gu)) anchors.add(match[1]);
  return anchors;
}

/** The Markdown without fenced code blocks, indented ones (in list items) included. */
function withoutFences(markdown) {
  return markdown.replace(/^( *)(```|~~~)[\s\S]*?^\1\2/gmu, '');
}

function withoutCode(markdown) {
  return withoutFences(markdown).replace(/`[^`\n]*`/gu, '');
}

function checkLinks() {
  let count = 0;
  for (const file of markdownFiles()) {
    const text = withoutCode(readFileSync(file, 'utf8'));
    const name = relative(root, file);
    const targets = [
      ...[...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/gu)].map((m) => m[1]),
      ...[...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gmu)].map((m) => m[1]),
      ...[...text.matchAll(/\b(?:href|src)="([^"]+)"/gu)].map((m) => m[1]),
    ];
    for (const target of targets) {
      if (/^[a-z][a-z0-9+.-]*:/iu.test(target)) continue; // https:, mailto:, …
      count += 1;
      const [pathPart, anchor] = target.split('#', 2);
      const path = pathPart === '' ? file : resolve(dirname(file), decodeURIComponent(pathPart));
      const shown = relative(root, path);
      if (!existsSync(path)) {
        if (PENDING.has(shown)) warnings.push(`${name}: links to ${shown}, which is not written yet`);
        else failures.push(`${name}: broken link ${target} (${shown} does not exist)`);
        continue;
      }
      if (anchor && path.endsWith('.md') && !anchorsOf(readFileSync(path, 'utf8')).has(decodeURIComponent(anchor))) {
        failures.push(`${name}: broken link ${target} (no heading #${anchor} in ${shown})`);
      }
    }
  }
  console.log(`links: ${count} relative links checked in ${markdownFiles().length} Markdown files`);
}

if (compileSnippets()) {
  runSnippets();
  checkFragments();
}
checkSnippetSync();
checkOpenClawCommands();
checkLinks();
for (const warning of warnings) console.warn(`! ${warning}`);
for (const failure of failures) console.error(`✗ ${failure}`);
if (failures.length === 0) console.log('docs check passed');
process.exitCode = failures.length > 0 ? 1 : 0;
