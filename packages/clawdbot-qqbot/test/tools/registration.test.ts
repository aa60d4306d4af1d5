import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPluginEntry, pluginManifest, type HostPluginApi } from '../../src/index.js';
import type { RunningAccount } from '../../src/gateway/AccountRegistry.js';
import { QQ_API_TOOL_NAME } from '../../src/tools/createQQApiTool.js';
import { REMIND_TOOL_NAME } from '../../src/tools/createRemindTool.js';
import type { HostToolContext } from '../../src/tools/HostToolTypes.js';
import { sharedAccountRegistry } from '../../src/tools/sharedAccountRegistry.js';

describe('qqbot_api registration', () => {
  it('register(api) registers one tool factory named qqbot_api, and the manifest lists it in contracts.tools', () => {
    const tools: Array<{ factory: unknown; options: unknown }> = [];
    const api: HostPluginApi = {
      registerChannel: () => {},
      runtime: {},
      registerTool: (factory, options) => void tools.push({ factory, options }),
    };
    createPluginEntry().register(api);
    const apiTools = tools.filter((tool) => (tool.options as { name?: string }).name === QQ_API_TOOL_NAME);
    expect(apiTools).toHaveLength(1);
    expect(typeof apiTools[0]!.factory).toBe('function');
    expect(pluginManifest()['contracts']).toEqual({ tools: [QQ_API_TOOL_NAME, REMIND_TOOL_NAME] });
    const committed = JSON.parse(readFileSync(new URL('../../openclaw.plugin.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(committed['contracts']).toEqual({ tools: [QQ_API_TOOL_NAME, REMIND_TOOL_NAME] });
  });

  it('every loaded copy of the entry shares one registry of running accounts (the host registers the plugin once per mode)', () => {
    expect(sharedAccountRegistry()).toBe(sharedAccountRegistry());
    const factories: Array<(ctx: HostToolContext) => unknown> = [];
    const api = (): HostPluginApi => ({
      registerChannel: () => {},
      runtime: {},
      registerTool: (factory, options) => void (options?.name === QQ_API_TOOL_NAME && factories.push(factory)),
    });
    createPluginEntry().register(api());
    createPluginEntry().register(api());
    const fakeRunning = { account: { config: {} }, bot: { api: {} } } as unknown as RunningAccount;
    sharedAccountRegistry().set('shared-test', fakeRunning);
    try {
      for (const factory of factories) expect(factory({ messageChannel: 'qqbot', agentAccountId: 'shared-test' })).toMatchObject({ name: QQ_API_TOOL_NAME });
    } finally {
      sharedAccountRegistry().delete('shared-test');
    }
  });

  it('hosts without registerTool still load the channel', () => {
    const registered: unknown[] = [];
    createPluginEntry().register({ registerChannel: ({ plugin }) => registered.push(plugin), runtime: {} });
    expect(registered).toHaveLength(1);
  });
});
