import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from 'qq-sdk/testing';
import { signWebhookPayload } from 'qq-sdk/webhook';
import { createPluginEntry, type HostAccountStatus, type HostConfig, type QQBotPluginEntry } from '../../src/index.js';
import { fakeRuntime, type RuntimeRecord } from '../support/fakeRuntime.js';
import { startFakeGatewayHttp, type FakeGatewayHttp } from './fakeGatewayHttp.js';

// Webhook accounts mounted on a stand-in for the gateway's HTTP server through registerHttpRoute,
// driven by the simulator's signed callbacks over real sockets on 127.0.0.1; the real QQBot
// verifies the Ed25519 signatures and answers through the simulator's REST API.

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function simulator(appId: string, clientSecret: string): Promise<QQSimulator> {
  const sim = await QQSimulator.start({ appId, clientSecret, webhookRetries: 0 });
  cleanup.push(() => sim.close());
  return sim;
}

function account(sim: QQSimulator, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { appId: sim.appId, clientSecret: sim.clientSecret, apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl, dmPolicy: 'open', transport: 'webhook', ...extra };
}

/** Loads a fresh plugin entry into a fake host whose config is `qqbot` (channels.qqbot). */
async function loadPlugin(qqbot: Record<string, unknown>, options: { routes?: boolean } = {}) {
  const gateway = await startFakeGatewayHttp();
  cleanup.push(() => gateway.close());
  const cfg: HostConfig = { channels: { qqbot } };
  const entry = createPluginEntry();
  const logs: string[] = [];
  const reloads: Array<readonly string[] | undefined> = [];
  entry.register({
    registerChannel: () => {},
    runtime: {},
    config: cfg,
    logger: { info: (line) => logs.push(line) },
    ...(options.routes === false
      ? {}
      : { registerHttpRoute: (route) => gateway.registerHttpRoute(route), registerReload: ({ restartPrefixes }) => void reloads.push(restartPrefixes) }),
  });
  return { gateway, cfg, entry, logs, reloads };
}

/** Starts one account of the loaded plugin; resolves once it is connected or blocked. */
async function startAccount(entry: QQBotPluginEntry, cfg: HostConfig, accountId: string, answer = '收到', gateway?: FakeGatewayHttp) {
  const { runtime: base, record } = fakeRuntime(() => [[{ text: answer }, 'final']]);
  // The agent turn starts after the ACK: the host refuses it in the answered request's context.
  const dispatch = base.reply.dispatchReplyWithBufferedBlockDispatcher;
  const runtime = {
    ...base,
    reply: {
      ...base.reply,
      dispatchReplyWithBufferedBlockDispatcher: (...args: Parameters<typeof dispatch>) => (gateway?.refusesLateWork(), dispatch(...args)),
    },
  };
  const controller = new AbortController();
  let status: HostAccountStatus = {};
  const running = entry.channelPlugin.gateway.startAccount({
    cfg,
    accountId,
    account: entry.channelPlugin.config.resolveAccount(cfg, accountId),
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
  const deadline = Date.now() + 10_000;
  while (status.connected !== true && status.lifecycle !== 'blocked') {
    if (Date.now() > deadline) throw new Error(`account ${accountId} neither connected nor blocked: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { record: record as RuntimeRecord, status: () => status, stop };
}

const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'QQBot-Callback', ...headers }, body });

describe("webhook accounts on the gateway's HTTP server", () => {
  it("mounts /qqbot/webhook without gateway auth; answers op 13, acknowledges a signed C2C message and replies passively through the same pipeline (the agent turn in the account's context, not the answered request's); 503 before start and after stop", async () => {
    const sim = await simulator('102000011', 'hookSecret-0123456789');
    const { gateway, cfg, entry, logs, reloads } = await loadPlugin({ appId: '102000000', clientSecret: 'gatewaySecret', accounts: { hook: account(sim) } });
    expect(gateway.routes).toHaveLength(1);
    // What decides the mounted paths restarts the gateway when changed (which mounts them anew).
    expect(reloads).toEqual([
      [
        'channels.qqbot.transport',
        'channels.qqbot.webhook',
        'channels.qqbot.accounts.*.transport',
        'channels.qqbot.accounts.*.webhook',
        'channels.qqbot.accounts.hook.transport',
        'channels.qqbot.accounts.hook.webhook',
      ],
    ]);
    expect(gateway.routes[0]).toMatchObject({ path: '/qqbot/webhook', auth: 'plugin', match: 'exact' });
    expect(logs.join('\n')).toContain('account hook mounted at /qqbot/webhook');
    const url = `${gateway.url}/qqbot/webhook`;
    const early = await post(url, '{"op":0}', {});
    expect(early.status).toBe(503);

    const { record, status, stop } = await startAccount(entry, cfg, 'hook', '已收到', gateway);
    expect(status()).toMatchObject({ running: true, connected: true, lifecycle: 'ready' });
    expect(await sim.validateWebhook(url)).toMatchObject({ valid: true, status: 200 });
    const delivery = await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE', { content: '你好' });
    expect(delivery.acknowledged).toBe(true);
    const event = JSON.parse(delivery.body) as { d: { id: string; author: { user_openid: string } } };
    const [reply] = await sim.waitFor(
      () => sim.messagesTo(event.d.author.user_openid).find((m) => m.text === '已收到') && sim.messagesTo(event.d.author.user_openid),
    );
    expect(reply).toMatchObject({ passive: true, msgId: event.d.id, text: '已收到' });
    expect(record.contexts[0]).toMatchObject({ ChatType: 'direct', Body: '你好', MessageSid: event.d.id, AccountId: 'hook' });

    await stop();
    expect((await post(url, '{"op":0}', {})).status).toBe(503);
  });

  it('refuses a callback signed with another secret (401) and one with no signature (401), dispatching nothing', async () => {
    const sim = await simulator('102000012', 'hookSecret-abcdefghij');
    const { gateway, cfg, entry } = await loadPlugin({ accounts: { hook: account(sim) } });
    const { record } = await startAccount(entry, cfg, 'hook');
    const url = `${gateway.url}/qqbot/webhook`;
    const body = JSON.stringify({
      op: 0,
      id: 'C2C_MESSAGE_CREATE:forged',
      t: 'C2C_MESSAGE_CREATE',
      d: { id: 'forged', content: 'x', timestamp: new Date().toISOString(), author: { user_openid: 'F0' } },
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const forged = await post(url, body, {
      'x-bot-appid': sim.appId,
      'x-signature-timestamp': ts,
      'x-signature-ed25519': await signWebhookPayload('some-other-secret-000', ts, body),
    });
    expect(forged.status).toBe(401);
    const unsigned = await post(url, body, { 'x-bot-appid': sim.appId });
    expect(unsigned.status).toBe(401);
    // The genuine signature over the same bytes is accepted.
    const genuine = await post(url, body, {
      'x-bot-appid': sim.appId,
      'x-signature-timestamp': ts,
      'x-signature-ed25519': await signWebhookPayload(sim.clientSecret, ts, body),
    });
    expect(genuine.status).toBe(200);
    await sim.waitFor(() => record.contexts.length === 1);
    expect(record.contexts.map((c) => c['MessageSid'])).toEqual(['forged']);
  });

  it('two accounts on the default path are told apart by X-Bot-Appid; each answers through its own app', async () => {
    const simA = await simulator('102000021', 'secretA-0123456789ab');
    const simB = await simulator('102000022', 'secretB-0123456789ab');
    const { gateway, cfg, entry, logs } = await loadPlugin({ accounts: { a: account(simA), b: account(simB) } });
    expect(gateway.routes).toHaveLength(1);
    expect(logs.join('\n')).toContain('accounts a, b mounted at /qqbot/webhook');
    await startAccount(entry, cfg, 'a', 'from A', gateway);
    await startAccount(entry, cfg, 'b', 'from B', gateway);
    const url = `${gateway.url}/qqbot/webhook`;
    expect(await simA.validateWebhook(url)).toMatchObject({ valid: true });
    expect(await simB.validateWebhook(url)).toMatchObject({ valid: true });
    const toA = await simA.deliverWebhook(url, 'GROUP_AT_MESSAGE_CREATE', { content: ' hi A' });
    const toB = await simB.deliverWebhook(url, 'GROUP_AT_MESSAGE_CREATE', { content: ' hi B' });
    expect([toA.acknowledged, toB.acknowledged]).toEqual([true, true]);
    await simA.waitFor(() => simA.sentMessages.length > 0);
    await simB.waitFor(() => simB.sentMessages.length > 0);
    expect(simA.sentMessages.map((m) => m.text)).toEqual(['from A']);
    expect(simB.sentMessages.map((m) => m.text)).toEqual(['from B']);
    // Without the header the path cannot say which bot is meant.
    expect((await post(url, '{"op":0}', {})).status).toBe(400);
    expect((await post(url, '{"op":0}', { 'x-bot-appid': '999' })).status).toBe(403);
  });

  it("an account's own webhook.path gets its own route; websocket accounts mount nothing", async () => {
    const sim = await simulator('102000031', 'secretC-0123456789ab');
    const { gateway, cfg, entry } = await loadPlugin({
      appId: '102000000',
      clientSecret: 'gatewaySecret',
      accounts: { shop: account(sim, { webhook: { path: '/hooks/qq-shop' } }), off: account(sim, { enabled: false, webhook: { path: '/hooks/off' } }) },
    });
    expect(gateway.routes.map((r) => r.path)).toEqual(['/hooks/qq-shop', '/hooks/off']);
    await startAccount(entry, cfg, 'shop');
    expect(await sim.validateWebhook(`${gateway.url}/hooks/qq-shop`)).toMatchObject({ valid: true });
    expect((await post(`${gateway.url}/qqbot/webhook`, '{}', {})).status).toBe(404);
  });

  it.each([
    [{ webhook: { port: 8443, server: 'gateway' } }, 'webhook.port: only applies with webhook.server "own"'],
    [{ webhook: { path: '/api/channels/qq' } }, 'webhook.path: "/api/channels/qq" is under /api/channels'],
  ])('a setting that cannot work blocks the account, naming the key (%j)', async (extra, message) => {
    const sim = await simulator('102000041', 'secretD-0123456789ab');
    const { cfg, entry, gateway } = await loadPlugin({ accounts: { hook: account(sim, extra) } });
    expect(gateway.routes).toHaveLength(0);
    const { status } = await startAccount(entry, cfg, 'hook');
    expect(status()).toMatchObject({ running: false, lifecycle: 'blocked', terminalDisconnect: true });
    expect(status().lastError).toContain(message);
  });

  it('a path added after the gateway loaded the plugin blocks the account with "restart the gateway"; a host without plugin routes points at webhook.server "own"', async () => {
    const sim = await simulator('102000051', 'secretE-0123456789ab');
    const loaded = await loadPlugin({ accounts: { hook: account(sim) } });
    const changed: HostConfig = { channels: { qqbot: { accounts: { hook: account(sim, { webhook: { path: '/qq/new' } }) } } } };
    const late = await startAccount(loaded.entry, changed, 'hook');
    expect(late.status()).toMatchObject({ lifecycle: 'blocked' });
    expect(late.status().lastError).toMatch(/^webhook\.path: "\/qq\/new" is not mounted .*mounted: \/qqbot\/webhook.*restart the gateway/);

    const bare = await loadPlugin({ accounts: { hook: account(sim) } }, { routes: false });
    const none = await startAccount(bare.entry, bare.cfg, 'hook');
    expect(none.status().lastError).toContain('webhook.server: this OpenClaw host mounts no plugin routes');
  });

  it('two accounts with the same AppID on one path: the second is blocked naming webhook.path', async () => {
    const sim = await simulator('102000061', 'secretF-0123456789ab');
    const { cfg, entry } = await loadPlugin({ accounts: { one: account(sim), two: account(sim) } });
    await startAccount(entry, cfg, 'one');
    const second = await startAccount(entry, cfg, 'two');
    expect(second.status()).toMatchObject({ lifecycle: 'blocked' });
    expect(second.status().lastError).toContain('webhook.path: "/qqbot/webhook" already takes callbacks for AppID 102000061 (account "one")');
  });
});
