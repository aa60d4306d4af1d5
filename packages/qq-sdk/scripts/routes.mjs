#!/usr/bin/env node
// Lists the platform endpoints of docs/platform-reference.md (its Endpoints table) that have no
// REST resource method yet. Implemented routes are the templates the resources pass to the route
// builder (`route('METHOD /path', params)`, src/rest/route.ts) in src/rest/resources/*.ts.
//
// Usage: node scripts/routes.mjs [--json] [--all]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The reference's endpoint rows: `| \`METHOD /path\` | area | status |`. */
const REFERENCE = [];
const reference = readFileSync(join(here, '..', '..', '..', 'docs', 'platform-reference.md'), 'utf8');
for (const match of reference.matchAll(/^\| `((?:GET|POST|PUT|PATCH|DELETE) \/[^`]*)` \| ([^|]+) \| ([^|]+) \|$/gmu)) {
  REFERENCE.push([match[1], match[2].trim(), match[3].trim() === 'documented' ? undefined : match[3].trim()]);
}
if (REFERENCE.length === 0) throw new Error('docs/platform-reference.md has no endpoint rows');

/** Compares routes by shape: parameter names do not matter. */
const normalise = (route) => route.replace(/\{[^}]+\}/g, '{}');

const resourcesDir = join(here, '..', 'src', 'rest', 'resources');
const implemented = new Map();
for (const file of readdirSync(resourcesDir).filter((f) => f.endsWith('.ts'))) {
  const text = readFileSync(join(resourcesDir, file), 'utf8');
  for (const match of text.matchAll(/route\(\s*'((?:GET|POST|PUT|PATCH|DELETE) \/[^']*)'/g)) {
    implemented.set(normalise(match[1]), file.replace(/\.ts$/, ''));
  }
}

const rows = REFERENCE.map(([route, section, note]) => ({
  route,
  section,
  note: note ?? '',
  resource: implemented.get(normalise(route)) ?? null,
}));
const missing = rows.filter((row) => row.resource === null);
const args = new Set(process.argv.slice(2));
// A closed pipe (`| head`) is not an error.
process.stdout.on('error', () => {});

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify({ total: rows.length, implemented: rows.length - missing.length, missing }, null, 2)}\n`);
} else {
  if (args.has('--all')) {
    for (const row of rows) process.stdout.write(`${row.resource ? 'ok ' : '-- '} ${row.route}${row.resource ? `  (${row.resource})` : ''}\n`);
    process.stdout.write('\n');
  }
  process.stdout.write(`Reference endpoints without a method (${missing.length} of ${rows.length}):\n`);
  for (const row of missing) process.stdout.write(`  ${row.route}  [${row.section}]${row.note ? `  ${row.note}` : ''}\n`);
}
