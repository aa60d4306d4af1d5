// Prints the functions with the most self time in a .cpuprofile (from node --cpu-prof), and the
// self time summed per file, e.g. after
//   QQ_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node compare.bench.mjs --quick --clients sdk
//   node tools/cpuprof-top.mjs /tmp/prof/CPU.*.cpuprofile [top]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const perFn = new Map();
const perFile = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const short = url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^file:\/\/.*\/packages\//, '');
  const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
  perFn.set(key, (perFn.get(key) ?? 0) + us);
  perFile.set(short || '(native)', (perFile.get(short || '(native)') ?? 0) + us);
}
const print = (map, n) => {
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  }
};
console.log(`total ${(total / 1000).toFixed(0)} ms sampled\n-- self time by function`);
print(perFn, top);
console.log('-- self time by file');
print(perFile, 15);

// Inclusive (self + callees) time per function, counted once per stack.
const parents = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
const inclusive = new Map();
for (const [id, us] of self) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parents.get(cur)) {
    const { functionName, url, lineNumber } = byId.get(cur).callFrame;
    const short = url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^file:\/\/.*\/packages\//, '');
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
console.log('-- inclusive time by function');
print(inclusive, top);
