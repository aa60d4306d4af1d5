import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPluginEntry, pluginManifest, type HostPluginApi } from '../../src/index.js';
import { QQ_API_TOOL_NAME } from '../../src/tools/createQQApiTool.js';

describe('qqbot_api registration', () => {
  it('register(api) registers one tool factory named qqbot_api, and the manifest lists it in contracts.tools', () => {
    const tools: Array<{ factory: unknown; options: unknown }> = [];
    const api: HostPluginApi = {
      registerChannel: () => {},
      runtime: {},
      registerTool: (factory, options) => void tools.push({ factory, options }),
    };
    createPluginEntry().register(api);
    expect(tools).toHaveLength(1);
    expect(tools[0]!.options).toEqual({ name: QQ_API_TOOL_NAME });
    expect(typeof tools[0]!.factory).toBe('function');
    expect(pluginManifest()['contracts']).toEqual({ tools: [QQ_API_TOOL_NAME] });
    const committed = JSON.parse(readFileSync(new URL('../../openclaw.plugin.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(committed['contracts']).toEqual({ tools: [QQ_API_TOOL_NAME] });
  });

  it('hosts without registerTool still load the channel', () => {
    const registered: unknown[] = [];
    createPluginEntry().register({ registerChannel: ({ plugin }) => registered.push(plugin), runtime: {} });
    expect(registered).toHaveLength(1);
  });
});
