// `pnpm api:check` / `pnpm api:update`: the public surface of each package, checked in.
//
// For every entry point a package exports (its package.json `exports`, from the built
// declarations), api/<package>.api.md lists each exported name with its kind and its shape as the
// compiler prints it: a function's signature, a class's or interface's members, a type's
// definition. `pnpm check` runs the check: a change to the public surface fails it until
// `pnpm api:update` rewrites the report, so the change is visible in review.
// Run after `pnpm build`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './snippets.mjs';

const ts = createRequire(import.meta.url)('typescript');
const PACKAGES = ['qq-sdk', 'clawdbot-qqbot'];
const reportDir = join(root, 'api');

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | ts.TypeFormatFlags.WriteArrowStyleSignature;

/** `./webhook` → the ESM declaration file of that entry. */
function entryPoints(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    // An entry with runtime conditions (qq-sdk/fetch) is reported from its Node build: the same API.
    const formats = typeof target === 'object' && target.node !== undefined ? target.node : target;
    const types = typeof formats === 'object' ? (formats.import?.types ?? formats.types) : undefined;
    if (typeof types === 'string') entries.push({ specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, file: join(pkgDir, types) });
  }
  return { name: pkg.name, entries };
}

function kindOf(symbol) {
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  if (flags & ts.SymbolFlags.Variable) return 'const';
  return 'other';
}

/** Private and protected members are not part of what users can call. */
function isHidden(member) {
  return (member.declarations ?? []).some((declaration) => ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
}

/** One exported name, described so that any change to what users can call or read changes the text. */
function describe(checker, symbol) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const kind = kindOf(target);
  const declaration = target.declarations?.[0];
  const lines = [];
  if (kind === 'class' || kind === 'interface') {
    const type = checker.getDeclaredTypeOfSymbol(target);
    const heritage = (type.getBaseTypes?.() ?? []).map((base) => checker.typeToString(base, undefined, FLAGS));
    lines.push(`${kind} ${symbol.name}${heritage.length > 0 ? ` extends ${heritage.join(', ')}` : ''}`);
    if (kind === 'class' && declaration) {
      for (const signature of checker.getTypeOfSymbolAtLocation(target, declaration).getConstructSignatures()) {
        lines.push(`  constructor${checker.signatureToString(signature, undefined, FLAGS)}`);
      }
      const statics = checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(target, declaration)).filter((p) => p.name !== 'prototype');
      for (const member of statics)
        lines.push(`  static ${member.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(member, declaration), undefined, FLAGS)}`);
    }
    for (const member of checker.getPropertiesOfType(type)) {
      if (member.name.startsWith('__@') || member.name.startsWith('#') || isHidden(member)) continue;
      const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
      lines.push(
        `  ${member.name}${optional}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(member, declaration ?? member.declarations?.[0]), undefined, FLAGS)}`,
      );
    }
  } else if (kind === 'type') {
    lines.push(`type ${symbol.name} = ${checker.typeToString(checker.getDeclaredTypeOfSymbol(target), undefined, FLAGS | ts.TypeFormatFlags.InTypeAlias)}`);
  } else if (kind === 'enum') {
    lines.push(
      `enum ${symbol.name} { ${checker
        .getExportsOfModule(target)
        .map((m) => m.name)
        .join(', ')} }`,
    );
  } else if (declaration) {
    lines.push(`${kind} ${symbol.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(target, declaration), undefined, FLAGS)}`);
  } else {
    lines.push(`${kind} ${symbol.name}`);
  }
  return lines.join('\n');
}

function report(pkgDir) {
  const { name, entries } = entryPoints(pkgDir);
  const files = entries.map((entry) => entry.file).filter((file) => existsSync(file));
  if (files.length !== entries.length) throw new Error(`${name}: build the package first (pnpm build)`);
  const program = ts.createProgram(files, {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const sections = [`# API report: ${name}`, '', 'Generated by `pnpm api:update` from the built declarations; `pnpm check` fails when it is out of date.', ''];
  for (const entry of entries) {
    const source = program.getSourceFile(entry.file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${entry.file}: not a module`);
    const exported = checker.getExportsOfModule(moduleSymbol).sort((a, b) => a.name.localeCompare(b.name));
    sections.push(`## ${entry.specifier} (${exported.length} exports)`, '', '```ts');
    for (const symbol of exported) sections.push(describe(checker, symbol));
    sections.push('```', '');
  }
  return { name, text: sections.join('\n') };
}

const update = process.argv.includes('--update');
let stale = 0;
mkdirSync(reportDir, { recursive: true });
for (const pkg of PACKAGES) {
  const { name, text } = report(join(root, 'packages', pkg));
  const path = join(reportDir, `${name}.api.md`);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (current === text) {
    console.log(`api: ${name} matches api/${name}.api.md`);
  } else if (update) {
    writeFileSync(path, text);
    console.log(`api: wrote api/${name}.api.md`);
  } else {
    stale++;
    const before = new Set(current.split('\n'));
    const after = new Set(text.split('\n'));
    const added = [...after].filter((line) => !before.has(line)).slice(0, 20);
    const removed = [...before].filter((line) => !after.has(line)).slice(0, 20);
    console.error(`✗ the public API of ${name} changed; review it and run \`pnpm api:update\` to accept it.`);
    for (const line of removed) console.error(`  - ${line}`);
    for (const line of added) console.error(`  + ${line}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
