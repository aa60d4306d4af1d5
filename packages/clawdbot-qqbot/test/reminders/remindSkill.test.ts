import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluginManifest } from '../../src/index.js';

const PKG = new URL('../../', import.meta.url).pathname;

describe('the qqbot-remind skill', () => {
  it('is a SKILL.md under a directory the manifest declares, with name and description, teaching qqbot_remind and the active-message caveat', () => {
    const dirs = pluginManifest()['skills'] as string[];
    const file = join(PKG, dirs[0]!, 'qqbot-remind', 'SKILL.md');
    const text = readFileSync(file, 'utf8');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    expect(front).toMatch(/^name: qqbot-remind$/m);
    expect(front).toMatch(/^description: .*qqbot_remind/m);
    expect(text).toContain('"action":"add"');
    expect(text).toMatch(/active message/i);
    expect(text).toMatch(/60 minutes .* 5 minutes/s);
  });

  it('ships in the installable plugin (pack:openclaw stages skills/ next to the manifest)', async () => {
    const dist = join(PKG, 'dist', 'index.js');
    if (!existsSync(dist)) return; // the stage needs a build; CI builds before testing
    const { stageForOpenClaw } = (await import(join(PKG, 'scripts', 'pack-for-openclaw.mjs'))) as { stageForOpenClaw: (dir: string) => string };
    const dir = mkdtempSync(join(tmpdir(), 'qqbot-stage-'));
    try {
      stageForOpenClaw(dir);
      expect(existsSync(join(dir, 'skills', 'qqbot-remind', 'SKILL.md'))).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'openclaw.plugin.json'), 'utf8'))['skills']).toEqual(['./skills']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
