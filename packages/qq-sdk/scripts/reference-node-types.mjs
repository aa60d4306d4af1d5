// Runs after tsup: makes each entry's declarations pull in Node's types themselves.
//
// The declarations import node:http, node:https and node:crypto, so they need @types/node (which
// @types/ws, a dependency, brings). TypeScript 7 defaults `types` to [], and a project may list its
// own; without this reference such a project fails to compile qq-sdk's declarations. tsup's
// declaration bundler drops triple-slash directives from the sources, so they are added here.
import { readFileSync, writeFileSync } from 'node:fs';

const REFERENCE = '/// <reference types="node" />\n';
const ENTRIES = ['index', 'webhook/index', 'testing/index', 'redis/index'];

for (const entry of ENTRIES) {
  for (const extension of ['d.ts', 'd.cts']) {
    const path = new URL(`../dist/${entry}.${extension}`, import.meta.url);
    const text = readFileSync(path, 'utf8');
    if (!text.startsWith(REFERENCE)) writeFileSync(path, REFERENCE + text);
  }
}
