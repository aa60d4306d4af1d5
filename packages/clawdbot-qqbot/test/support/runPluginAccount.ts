import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QQSimulator } from 'qq-sdk/testing';
import {
  createQQBot,
  createQQBotChannelPlugin,
  type HostAccountStatus,
  type QQBotChannelPlugin,
  type HostDeliverInfo,
  type HostPluginRuntime,
  type HostReplyPayload,
} from '../../src/index.js';
import type { AccountRegistry } from '../../src/gateway/AccountRegistry.js';
import { fakeRuntime } from './fakeRuntime.js';

/** Steps to run after each test (the caller's afterEach runs them in reverse). */
export type Cleanup = Array<() => Promise<void> | void>;

/** A stand-in OpenClaw host: one config object that `mutateConfigFile` edits, one state directory, a version. */
export function fakeHost(channel: Record<string, unknown>, cleanup: Cleanup) {
  const stateDir = mkdtempSync(join(tmpdir(), 'qqbot-state-'));
  cleanup.push(() => rmSync(stateDir, { recursive: true, force: true }));
  const host = {
    cfg: { channels: { qqbot: channel } } as Record<string, unknown>,
    writes: [] as Array<{ afterWrite: unknown }>,
    stateDir,
  };
  const pluginRuntime: HostPluginRuntime = {
    version: '2026.9.6',
    state: { resolveStateDir: () => stateDir },
    config: {
      mutateConfigFile: async ({ afterWrite, mutate }) => {
        const draft = structuredClone(host.cfg);
        await mutate(draft);
        host.cfg = draft;
        host.writes.push({ afterWrite });
      },
    },
  };
  return { host, pluginRuntime };
}

/** Starts the default account of `cfg` with the stand-in host `script`, and waits until it is connected. */
async function connectDefaultAccount(sim: QQSimulator, plugin: QQBotChannelPlugin, cfg: Record<string, unknown>, script: HostScript, cleanup: Cleanup) {
  const { runtime, record } = fakeRuntime(script);
  const controller = new AbortController();
  let status: HostAccountStatus = {};
  const running = plugin.gateway.startAccount({
    cfg,
    accountId: 'default',
    account: plugin.config.resolveAccount(cfg, 'default'),
    abortSignal: controller.signal,
    getStatus: () => status,
    setStatus: (next) => (status = next),
    channelRuntime: runtime,
  });
  const stop = async () => {
    controller.abort();
    await running;
  };
  cleanup.push(stop);
  await sim.waitFor(() => status.connected === true, { timeoutMs: 10_000, description: 'the account to connect' });
  return { record, stop, status: () => status };
}

/** A reply text, or the stand-in host's script. */
const scriptOf = (answer: string | HostScript): HostScript => (typeof answer === 'string' ? () => [[{ text: answer }, 'final']] : answer);

/** Runs the default account of `host` against `sim` (real QQBot, real sockets) until `stop()`. */
export async function runAccount(
  sim: QQSimulator,
  host: ReturnType<typeof fakeHost>['host'],
  pluginRuntime: HostPluginRuntime,
  answer: string | HostScript,
  cleanup: Cleanup,
) {
  const plugin = createQQBotChannelPlugin({ createBot: createQQBot, sources: { env: () => ({}), readFile: () => '' }, pluginRuntime: () => pluginRuntime });
  const { record, stop } = await connectDefaultAccount(sim, plugin, host.cfg, scriptOf(answer), cleanup);
  return { record, stop };
}

/**
 * Starts the default account, configured for `sim` plus `channel`, with a host whose model answers
 * `answer`, and waits until it is connected. Pass `registry` to share the running accounts with an
 * agent tool.
 */
export async function startSimulatedAccount(
  sim: QQSimulator,
  options: { channel?: Record<string, unknown>; answer: string | HostScript; registry?: AccountRegistry },
  cleanup: Cleanup,
) {
  const cfg = {
    channels: {
      qqbot: { appId: sim.appId, clientSecret: sim.clientSecret, apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl, dmPolicy: 'open', ...options.channel },
    },
  };
  const plugin = createQQBotChannelPlugin({
    createBot: createQQBot,
    sources: { env: () => ({}), readFile: () => '' },
    ...(options.registry !== undefined ? { registry: options.registry } : {}),
  });
  const { record, status } = await connectDefaultAccount(sim, plugin, cfg, scriptOf(options.answer), cleanup);
  return { plugin, record, cfg, status };
}

/** What the stand-in host answers to a turn: the reply payloads and their kinds, in order. */
export type HostScript = (ctx: Record<string, unknown>) => Array<[HostReplyPayload, HostDeliverInfo['kind'] | 'partial']>;
