import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventFixtures } from '../src/events/fixtures/index.js';

// Proves the published build, not the source: both module formats load and carry the version
// injected at build time. Needs `pnpm build` first (the `check` script runs it).
const packageDir = new URL('../', import.meta.url);
const distEntry = new URL('../dist/index.js', import.meta.url);

/** Each entry of the package's `exports` map, with its ESM and CommonJS files. */
function builtEntries(): { specifier: string; esm: string; cjs: string }[] {
  type Formats = { import: { default: string }; require: { default: string } };
  const { exports } = JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8')) as {
    exports: Record<string, string | Formats | { node: Formats }>;
  };
  // An entry with runtime conditions (`qq-sdk/fetch`) is checked here through its Node build.
  return Object.entries(exports).flatMap(([subpath, target]) => {
    if (typeof target === 'string') return [];
    const formats = 'node' in target ? target.node : target;
    return [{ specifier: subpath, esm: formats.import.default, cjs: formats.require.default }];
  });
}
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('built package', () => {
  it('has been built', () => {
    expect(existsSync(distEntry), 'run `pnpm build` before the tests').toBe(true);
  });

  it('loads as ESM with the package version injected', async () => {
    const esm = (await import(distEntry.href)) as { VERSION: string };
    expect(esm.VERSION).toBe(version);
  });

  it('loads as CommonJS with the same version', () => {
    const require = createRequire(import.meta.url);
    const cjs = require('../dist/index.cjs') as { VERSION: string };
    expect(cjs.VERSION).toBe(version);
  });

  it('keeps every exported class its own name in both formats and every entry (stacks and constructor.name show QQValidationError, not _QQValidationError)', async () => {
    const require = createRequire(import.meta.url);
    let classCount = 0;
    for (const { esm, cjs } of builtEntries()) {
      for (const entry of [
        (await import(new URL(esm, packageDir).href)) as Record<string, unknown>,
        require(new URL(cjs, packageDir).pathname) as Record<string, unknown>,
      ]) {
        const classes = Object.entries(entry).filter((pair): pair is [string, { name: string }] => typeof pair[1] === 'function' && /^[A-Z]/u.test(pair[0]));
        classCount += classes.length;
        expect(classes.filter(([exported, value]) => value.name !== exported).map(([exported, value]) => `${exported} is named ${value.name}`)).toEqual([]);
      }
    }
    expect(classCount).toBeGreaterThan(100);
  });

  // `instanceof QQError` must hold whichever entry the error class was imported from.
  it('exports one class object per name across entries, in each format', async () => {
    const require = createRequire(import.meta.url);
    for (const format of ['esm', 'cjs'] as const) {
      const seen = new Map<string, { value: unknown; entry: string }>();
      const clashes: string[] = [];
      for (const entry of builtEntries()) {
        const file = new URL(entry[format], packageDir);
        const exports = (format === 'esm' ? await import(file.href) : require(file.pathname)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exports)) {
          const earlier = seen.get(name);
          if (earlier && earlier.value !== value) clashes.push(`${name}: ${earlier.entry} and ${entry.specifier} (${format})`);
          seen.set(name, { value, entry: entry.specifier });
        }
      }
      expect(clashes).toEqual([]);
      expect(seen.size).toBeGreaterThan(250);
    }
  });

  // `redis.eval(...)` (the Redis EVAL command) is a method call, not JavaScript eval.
  it('generates no code at run time (hosts such as OpenClaw refuse plugins that eval)', () => {
    const distDir = new URL('../dist/', import.meta.url);
    const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.c?js$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((file) => /\bnew Function\s*\(|(?<![.\w$])eval\s*\(/.test(readFileSync(new URL(file, distDir), 'utf8')));
    expect(offenders).toEqual([]);
  });

  // src/internal/zod.ts: loading zod's ~95 ES modules cost a bot ~70 ms and ~5 MB at start-up.
  it('bundles the zod functions it uses instead of loading zod, with one locale (English)', () => {
    const distDir = new URL('../dist/', import.meta.url);
    const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.c?js$/.test(file));
    const sources = files.map((file) => readFileSync(new URL(file, distDir), 'utf8'));
    expect(sources.filter((source) => /from ["']zod["']|require\(["']zod["']\)/.test(source))).toEqual([]);
    // The Node build's chunks share one copy; the web build (dist/web) is a build of its own with its own.
    for (const web of [false, true]) {
      const esm = sources.filter((_, i) => (files[i] as string).endsWith('.js') && (files[i] as string).startsWith('web/') === web).join('\n');
      expect(esm.match(/\blocaleError: error\d*\(\)/g)).toHaveLength(1);
    }
  });

  it("composes its schemas with the zod package's own (a user's z.object around an SDK schema)", async () => {
    const sdk = (await import(new URL('dist/events/index.js', packageDir).href)) as typeof import('../src/entries/events.js');
    const schema = sdk.EventSchemas.GROUP_AT_MESSAGE_CREATE;
    expect(schema).toBeInstanceOf(z.ZodType);
    const wrapper = z.object({ event: schema, n: z.number() });
    const event = eventFixtures.GROUP_AT_MESSAGE_CREATE.d as Record<string, unknown>;
    expect(wrapper.parse({ event, n: 1 }).event.group_openid).toBe(event.group_openid);
    const bad = wrapper.safeParse({ event: { ...event, group_openid: 5 }, n: 1 });
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.'))).toEqual(['event.group_openid']);
  });

  // tsup.asciiOutput.ts: one non-ASCII character makes V8 keep a whole module source as two bytes
  // per character; escaping it must not change what the code does.
  it('is ASCII-only JavaScript, and escaped text still means the same', async () => {
    const distDir = new URL('../dist/', import.meta.url);
    const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.c?js$/.test(file));
    // eslint-disable-next-line no-control-regex -- the range of ASCII, NUL included.
    expect(files.filter((file) => /[^\x00-\x7f]/.test(readFileSync(new URL(file, distDir), 'utf8')))).toEqual([]);
    // The URL patterns are String.raw templates with Chinese punctuation in their character classes.
    const sdk = (await import(new URL('dist/messaging/index.js', packageDir).href)) as typeof import('../src/entries/messaging.js');
    const { text } = sdk.applyUrlPolicy('看 https://example.com/a?b=1，以及 www.qq.com。', { policy: 'defang' });
    expect(text).toBe('看 example[.]com/a?b=1，以及 www[.]qq[.]com。');
  });
});
