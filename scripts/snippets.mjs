// Keeps the code in the guides identical to the typechecked files in docs/snippets/.
//
// In Markdown, a block between
//   <!-- snippet: hello-bot.js -->          (the whole file)
//   <!-- snippet: authentication.ts#share --> (the lines between `// #region share` and `// #endregion`)
// and
//   <!-- /snippet -->
// is generated from that file. `node scripts/snippets.mjs` rewrites the blocks;
// `node scripts/snippets.mjs --check` changes nothing and exits 1 when a guide drifted.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const snippetDir = join(root, 'docs', 'snippets');

const BLOCK = /<!-- snippet: ([\w./-]+?)(?:#([\w-]+))? -->\n[\s\S]*?<!-- \/snippet -->/gu;
const REGION_START = /^\s*\/\/ #region (\S+)\s*$/u;
const REGION_END = /^\s*\/\/ #endregion\b.*$/u;

/**
 * The Markdown files that may contain snippet blocks and whose links docs:check follows: the
 * READMEs, CONTRIBUTING (en, zh-CN), .changeset/README.md and every guide under docs/.
 */
export function markdownFiles() {
  const files = ['README.md', 'README.zh-CN.md', 'CONTRIBUTING.md', 'CONTRIBUTING.zh-CN.md', '.changeset/README.md']
    .map((f) => join(root, f))
    .filter((f) => existsSync(f));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(root, 'docs', 'api') && entry.name !== 'snippets') walk(path);
      } else if (entry.name.endsWith('.md')) {
        files.push(path);
      }
    }
  };
  walk(join(root, 'docs'));
  return files;
}

/** The code a marker stands for: a whole snippet file, or one `// #region name` of it, dedented. */
export function snippetCode(file, region) {
  const path = join(snippetDir, file);
  if (!existsSync(path)) throw new Error(`snippet file docs/snippets/${file} does not exist`);
  const lines = readFileSync(path, 'utf8').replace(/\r\n/gu, '\n').split('\n');
  let picked;
  if (region === undefined) {
    picked = lines.filter((line) => !REGION_START.test(line) && !REGION_END.test(line));
  } else {
    const start = lines.findIndex((line) => REGION_START.exec(line)?.[1] === region);
    if (start < 0) throw new Error(`docs/snippets/${file} has no "// #region ${region}"`);
    const end = lines.findIndex((line, i) => i > start && REGION_END.test(line));
    if (end < 0) throw new Error(`docs/snippets/${file}: region "${region}" has no "// #endregion"`);
    picked = lines.slice(start + 1, end).filter((line) => !REGION_START.test(line) && !REGION_END.test(line));
  }
  while (picked.length > 0 && picked[0].trim() === '') picked.shift();
  while (picked.length > 0 && picked.at(-1).trim() === '') picked.pop();
  const indent = Math.min(...picked.filter((l) => l.trim() !== '').map((l) => /^ */u.exec(l)[0].length));
  return picked.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

function render(file, region) {
  const lang = /\.[cm]?js$/u.test(file) ? 'js' : file.endsWith('.sh') ? 'sh' : 'ts';
  const marker = region === undefined ? file : `${file}#${region}`;
  return `<!-- snippet: ${marker} -->\n\`\`\`${lang}\n${snippetCode(file, region)}\n\`\`\`\n<!-- /snippet -->`;
}

/**
 * Regenerates every snippet block. With `check`, writes nothing and returns the drifted files.
 * @returns {{ drifted: string[], errors: string[], used: Set<string> }}
 */
export function syncSnippets({ check }) {
  const drifted = [];
  const errors = [];
  const used = new Set();
  for (const path of markdownFiles()) {
    const text = readFileSync(path, 'utf8');
    const name = relative(root, path);
    const next = text.replace(BLOCK, (block, file, region) => {
      used.add(file);
      try {
        return render(file, region);
      } catch (error) {
        errors.push(`${name}: ${error.message}`);
        return block;
      }
    });
    if (next !== text) {
      drifted.push(name);
      if (!check) writeFileSync(path, next);
    }
  }
  return { drifted, errors, used };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const { drifted, errors } = syncSnippets({ check });
  for (const error of errors) console.error(`✗ ${error}`);
  if (check) {
    for (const file of drifted) console.error(`✗ ${file}: code differs from docs/snippets (run: node scripts/snippets.mjs)`);
    if (drifted.length === 0 && errors.length === 0) console.log('snippets: every guide matches docs/snippets');
  } else {
    for (const file of drifted) console.log(`updated ${file}`);
  }
  process.exitCode = errors.length > 0 || (check && drifted.length > 0) ? 1 : 0;
}
