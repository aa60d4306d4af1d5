import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The web build (tsup.web.config.ts) swaps each `x.ts` for its sibling `x.web.ts`. A sibling that
// lacked one of the original's exports would surface only as a broken import in that build, so
// both must export the same names.
const srcDir = new URL('../../src/', import.meta.url);
const siblings = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.web.ts'))
  .sort();

describe('web siblings', () => {
  it('exist for the Node-only parts', () => {
    expect(siblings.length).toBeGreaterThanOrEqual(8);
  });

  it.each(siblings)('%s exports what its Node original exports', async (sibling) => {
    const web = (await import(new URL(sibling, srcDir).href)) as Record<string, unknown>;
    const node = (await import(new URL(sibling.replace(/\.web\.ts$/u, '.ts'), srcDir).href)) as Record<string, unknown>;
    expect(Object.keys(web).sort()).toEqual(Object.keys(node).sort());
    for (const name of Object.keys(node)) expect(typeof web[name], name).toBe(typeof node[name]);
  });
});
