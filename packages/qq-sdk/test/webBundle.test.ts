import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Proves the web build (dist/web, the `qq-sdk/fetch` entry for Workers, Deno, Bun and browsers)
// needs nothing from Node: it imports no built-in module and names no Node global. Reads the
// built files, so it needs `pnpm build` first.
const webDir = new URL('../dist/web/', import.meta.url);
const NODE_GLOBALS = new Set(['Buffer', 'process', 'require', 'module', 'exports', '__dirname', '__filename', 'global']);
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function webFiles(dir: URL = webDir): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? webFiles(new URL(`${entry.name}/`, dir)) : entry.name.endsWith('.js') ? [new URL(entry.name, dir)] : [],
  );
}

/** Every module specifier the file imports (static, re-export, dynamic) and every free use of a Node global. */
function scan(file: URL): { specifiers: string[]; globals: string[] } {
  const source = ts.createSourceFile(file.pathname, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const specifiers: string[] = [];
  const globals: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      specifiers.push(arg && ts.isStringLiteral(arg) ? arg.text : '<computed import>');
    }
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && isFreeReference(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      globals.push(`${node.text} at ${file.pathname.split('/dist/')[1]}:${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, globals };
}

/** An identifier that reads a global: not a property name (`x.process`, `{ process: 1 }`) and not a declaration. */
function isFreeReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent)) return false;
  return true;
}

describe('web build (qq-sdk/fetch for Workers, Deno, Bun, browsers)', () => {
  it('has been built', () => {
    expect(existsSync(new URL('fetch/index.js', webDir)), 'run `pnpm build` before the tests').toBe(true);
  });

  it('imports no Node built-in and no package but eventemitter3, and names no Node global', () => {
    const files = webFiles();
    expect(files.length).toBeGreaterThan(0);
    const specifiers = new Set<string>();
    const globals: string[] = [];
    for (const file of files) {
      const found = scan(file);
      for (const specifier of found.specifiers) specifiers.add(specifier);
      globals.push(...found.globals);
    }
    const external = [...specifiers].filter((specifier) => !specifier.startsWith('./') && !specifier.startsWith('../'));
    expect(external.filter((specifier) => BUILTINS.has(specifier) || specifier.startsWith('node:'))).toEqual([]);
    expect(external).toEqual(['eventemitter3']);
    expect(globals).toEqual([]);
  });

  it('catches what it looks for (the Node build of the same entry fails it)', () => {
    // Every chunk the Node build's fetch entry loads, followed through relative imports.
    const seen = new Set<string>();
    const found: string[] = [];
    const walk = (file: URL): void => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const scanned = scan(file);
      found.push(...scanned.specifiers.filter((specifier) => BUILTINS.has(specifier)).map((specifier) => `builtin ${specifier}`), ...scanned.globals);
      for (const specifier of scanned.specifiers) if (specifier.startsWith('.')) walk(new URL(specifier, file));
    };
    walk(new URL('../dist/fetch/index.js', import.meta.url));
    expect(found.some((entry) => entry.startsWith('builtin '))).toBe(true);
    expect(found.some((entry) => entry.startsWith('Buffer at'))).toBe(true);
  });
});
