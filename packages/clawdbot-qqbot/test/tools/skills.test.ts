import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluginManifest } from '../../src/index.js';
import { READ_ACTIONS, WRITE_ACTIONS } from '../../src/tools/QQApiToolInput.js';

const PKG = new URL('../../', import.meta.url).pathname;

/** Every skill the manifest ships: its frontmatter fields and its text. */
function skills() {
  const dirs = pluginManifest()['skills'] as string[];
  return dirs.flatMap((dir) =>
    readdirSync(join(PKG, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => {
        const text = readFileSync(join(PKG, dir, entry.name, 'SKILL.md'), 'utf8');
        const front = /^---\n([\s\S]*?)\n---\n/u.exec(text)?.[1] ?? '';
        const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'mu').exec(front)?.[1];
        return { dir: entry.name, name: field('name'), description: field('description') ?? '', text };
      }),
  );
}

describe('the skills the plugin ships', () => {
  it('every agent tool the manifest declares has a skill whose description names it', () => {
    const tools = (pluginManifest()['contracts'] as { tools: string[] }).tools;
    expect(tools.length).toBeGreaterThanOrEqual(2);
    for (const tool of tools) {
      expect(
        skills()
          .filter((skill) => skill.description.includes(tool))
          .map((skill) => skill.name),
        tool,
      ).toHaveLength(1);
    }
  });

  it('each skill is named after its folder', () => {
    for (const skill of skills()) expect(skill.name).toBe(skill.dir);
  });

  it('the qqbot-api skill teaches every action the tool takes, and that actions with effects need the owner', () => {
    const api = skills().find((skill) => skill.name === 'qqbot-api');
    for (const action of [...READ_ACTIONS, ...WRITE_ACTIONS]) expect(api?.text, action).toContain(`"action":"${action}"`);
    expect(api?.text).toContain('apiTool.actions');
  });
});
