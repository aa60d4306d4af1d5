import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import entry, { CHANNEL_ID, type HostPluginApi } from '../../src/index.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('plugin entry', () => {
  it('registers the qqbot channel with the runtime the host passes', () => {
    const registered: unknown[] = [];
    const api: HostPluginApi = { registerChannel: ({ plugin }) => registered.push(plugin), runtime: {} };
    entry.register(api);
    expect(registered).toEqual([entry.channelPlugin]);
    expect(entry.channelPlugin.id).toBe(CHANNEL_ID);
    expect(entry.id).toBe('qqbot');
  });

  it('plugin code passes the host install scanner: no child processes, eval, network calls, and env only in the entry', () => {
    const root = new URL('../../src', import.meta.url).pathname;
    for (const file of sources(root)) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/child_process|\beval\s*\(|new\s+Function\s*\(/);
      expect(code, file).not.toMatch(/\bfetch\s*\(|\.post\s*\(|http\.request\s*\(/i);
      if (!file.endsWith('entry.ts')) expect(code, file).not.toMatch(/process\.env/);
    }
  });
});
