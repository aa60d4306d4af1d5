import { describe, expect, it } from 'vitest';
import { createQQBotChannelPlugin, type HostAccountStatus, type HostGatewayContext, type ResolvedQQBotAccount } from '../../src/index.js';
import { fakeBotFactory } from '../support/fakeBot.js';
import { fakeMessage } from '../support/fakeMessage.js';
import { fakeRuntime } from '../support/fakeRuntime.js';

const SECRET = 'VerySecretAppSecret123';
const cfg = {
  channels: {
    qqbot: {
      token: `102000000:${SECRET}`,
      dmPolicy: 'open',
      apiBaseUrl: 'http://127.0.0.1:4000',
      tokenUrl: 'http://127.0.0.1:4000/app/getAppAccessToken',
      accounts: {
        shop: {
          appId: '102000009',
          clientSecret: 'shopSecret',
          transport: 'webhook',
          webhook: { port: 8443 },
          intents: ['GROUP_AND_C2C_EVENT'],
          proxy: 'http://egress.internal:3128',
        },
      },
    },
  },
};

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function gatewayContext(plugin: ReturnType<typeof createQQBotChannelPlugin>, accountId: string, runtime = fakeRuntime().runtime) {
  const controller = new AbortController();
  const statuses: HostAccountStatus[] = [];
  const logs: string[] = [];
  let status: HostAccountStatus = {};
  const ctx: HostGatewayContext<ResolvedQQBotAccount> = {
    cfg,
    accountId,
    account: plugin.config.resolveAccount(cfg, accountId),
    abortSignal: controller.signal,
    log: { debug: (l) => logs.push(l), info: (l) => logs.push(l), warn: (l) => logs.push(l), error: (l) => logs.push(l) },
    getStatus: () => status,
    setStatus: (next) => {
      status = next;
      statuses.push(next);
    },
    channelRuntime: runtime,
  };
  return { ctx, controller, statuses, logs, status: () => status };
}

describe('gateway.startAccount', () => {
  it('connects each account with its own credentials and connection options, stays pending until abort, then stops', async () => {
    const { create, bots } = fakeBotFactory();
    const plugin = createQQBotChannelPlugin({ createBot: create, sources: { env: () => ({}), readFile: () => '' } });
    const main = gatewayContext(plugin, 'default');
    const shop = gatewayContext(plugin, 'shop');
    let settled = false;
    const running = plugin.gateway.startAccount(main.ctx).then(() => (settled = true));
    const runningShop = plugin.gateway.startAccount(shop.ctx);
    await until(() => bots.length === 2 && main.status().connected === true);
    expect(bots[0]?.options).toMatchObject({
      appId: '102000000',
      clientSecret: SECRET,
      transport: 'websocket',
      intents: ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES', 'DIRECT_MESSAGE', 'INTERACTION'],
      apiBaseUrl: 'http://127.0.0.1:4000',
      tokenUrl: 'http://127.0.0.1:4000/app/getAppAccessToken',
    });
    expect(bots[1]?.options).toMatchObject({
      appId: '102000009',
      transport: 'webhook',
      webhook: { port: 8443 },
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: 'http://127.0.0.1:4000',
      proxy: 'http://egress.internal:3128',
    });
    expect(bots[0]?.options).not.toHaveProperty('proxy');
    expect(main.status()).toMatchObject({ running: true, connected: true, lifecycle: 'ready', lastError: null });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    main.controller.abort();
    shop.controller.abort();
    await Promise.all([running, runningShop]);
    expect(bots[0]?.calls).toEqual(['start', 'stop']);
    expect(main.status()).toMatchObject({ running: false, connected: false, lifecycle: 'stopped' });
  });

  it('warns at start on OpenClaw 2026.7 when exec approval prompts cannot reach QQ direct messages (session.dmScope "main"), not on 2026.9', async () => {
    const { create } = fakeBotFactory();
    const started = async (version: string, session?: Record<string, unknown>) => {
      const plugin = createQQBotChannelPlugin({ createBot: create, sources: { env: () => ({}), readFile: () => '' }, pluginRuntime: () => ({ version }) });
      const main = gatewayContext(plugin, 'default');
      const hostCfg = { ...cfg, approvals: { exec: { enabled: true } }, ...(session !== undefined ? { session } : {}) };
      const running = plugin.gateway.startAccount({ ...main.ctx, cfg: hostCfg });
      await until(() => main.status().connected === true);
      main.controller.abort();
      await running;
      return main.logs.filter((line) => line.includes('session.dmScope'));
    };
    const warned = await started('2026.7.35');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('OpenClaw 2026.7.35 does not deliver exec approval prompts to QQ direct messages');
    expect(await started('2026.7.35', { dmScope: 'per-channel-peer' })).toEqual([]);
    expect(await started('2026.9.6')).toEqual([]);
  });

  it('reports resuming and errors with their explanation, and never logs the secret', async () => {
    const { create, bots } = fakeBotFactory();
    const plugin = createQQBotChannelPlugin({ createBot: create, sources: { env: () => ({}), readFile: () => '' } });
    const main = gatewayContext(plugin, 'default');
    const running = plugin.gateway.startAccount(main.ctx);
    await until(() => bots.length === 1 && main.status().connected === true);
    bots[0]?.emitLifecycle({ type: 'reconnecting', reason: 'close 4009: session timed out, resuming' });
    expect(main.status()).toMatchObject({ connected: false, lifecycle: 'recovering', lastError: 'close 4009: session timed out, resuming' });
    bots[0]?.emitLifecycle({ type: 'resumed' });
    expect(main.status()).toMatchObject({ connected: true, lifecycle: 'ready', lastError: null });
    bots[0]?.options.logger.error(`token refresh failed for ${SECRET}`, { secret: SECRET });
    bots[0]?.emitLifecycle({ type: 'error', error: new Error('4914: bot is offline; contact QQ'), fatal: true });
    expect(main.status()).toMatchObject({ lifecycle: 'blocked', terminalDisconnect: true, lastError: 'Error: 4914: bot is offline; contact QQ' });
    expect(main.logs.join('\n')).not.toContain(SECRET);
    expect(main.logs.join('\n')).toContain('[redacted]');
    main.controller.abort();
    await running;
  });

  it('an unconfigured account is blocked with its reason instead of crash-looping', async () => {
    const { create, bots } = fakeBotFactory();
    const plugin = createQQBotChannelPlugin({ createBot: create, sources: { env: () => ({}), readFile: () => '' } });
    const empty = { channels: { qqbot: { useEnv: true } } };
    const controller = new AbortController();
    let status: HostAccountStatus = {};
    const running = plugin.gateway.startAccount({
      cfg: empty,
      accountId: 'default',
      account: plugin.config.resolveAccount(empty, 'default'),
      abortSignal: controller.signal,
      getStatus: () => status,
      setStatus: (next) => (status = next),
    });
    await until(() => status.lifecycle === 'blocked');
    expect(status).toMatchObject({ terminalDisconnect: true, lastError: expect.stringMatching(/QQBOT_APP_ID/) });
    expect(bots).toHaveLength(0);
    controller.abort();
    await running;
  });

  it('a failed start is reported and rethrown so the host restarts with backoff', async () => {
    const { create } = fakeBotFactory(new Error('connect ECONNREFUSED 127.0.0.1:4000'));
    const plugin = createQQBotChannelPlugin({ createBot: create, sources: { env: () => ({}), readFile: () => '' } });
    const main = gatewayContext(plugin, 'default');
    await expect(plugin.gateway.startAccount(main.ctx)).rejects.toThrow(/ECONNREFUSED/);
    expect(main.statuses.some((s) => s.lastError === 'Error: connect ECONNREFUSED 127.0.0.1:4000')).toBe(true);
  });

  it('inbound messages run a turn and update lastInboundAt / lastOutboundAt', async () => {
    const { create, bots } = fakeBotFactory();
    const plugin = createQQBotChannelPlugin({ createBot: create, sources: { env: () => ({}), readFile: () => '' }, now: () => 42 });
    const { runtime, record } = fakeRuntime(() => [[{ text: '你好！' }, 'final']]);
    const main = gatewayContext(plugin, 'default', runtime);
    const running = plugin.gateway.startAccount(main.ctx);
    await until(() => bots.length === 1);
    const message = fakeMessage('group');
    bots[0]?.emitMessage(message);
    await until(() => message.sent.length === 1);
    expect(record.contexts).toHaveLength(1);
    await until(() => main.status().lastOutboundAt === 42);
    expect(main.status().lastInboundAt).toBe(42);
    main.controller.abort();
    await running;
  });
});

describe('outbound adapter (core-initiated sends)', () => {
  it('answers the conversation passively while its newest message can still be replied to, otherwise sends actively', async () => {
    const { create, bots } = fakeBotFactory();
    const plugin = createQQBotChannelPlugin({ createBot: create, sources: { env: () => ({}), readFile: () => '' } });
    const { runtime } = fakeRuntime(() => []);
    const main = gatewayContext(plugin, 'default', runtime);
    const running = plugin.gateway.startAccount(main.ctx);
    await until(() => bots.length === 1);
    const message = fakeMessage('group', { budget: 1 });
    bots[0]?.emitMessage(message);
    await until(() => main.status().lastInboundAt !== undefined);
    const to = 'qqbot:group:C9F1AB22D3E4F5061728394A5B6C7D8E';
    await expect(plugin.outbound.sendText({ cfg, to, text: 'first', accountId: 'default' })).resolves.toEqual({ channel: 'qqbot', messageId: 'reply-1' });
    await expect(plugin.outbound.sendText({ cfg, to, text: 'second' })).resolves.toEqual({ channel: 'qqbot', messageId: 'active-1' });
    await plugin.outbound.sendMedia({ cfg, to: 'qqbot:c2c:ABC', mediaUrl: 'https://cdn.example.com/x.jpg', text: 'cap' });
    expect(bots[0]?.activeSends).toEqual([
      { target: { scene: 'group', groupOpenid: 'C9F1AB22D3E4F5061728394A5B6C7D8E' }, content: { kind: 'markdown', content: 'second' } },
      { target: { scene: 'c2c', openid: 'ABC' }, content: { kind: 'media', media: 'image', source: { url: 'https://cdn.example.com/x.jpg' }, caption: 'cap' } },
    ]);
    await expect(plugin.outbound.sendText({ cfg, to: 'telegram:123', text: 'x' })).rejects.toThrow(/unknown target/);
    await expect(plugin.outbound.sendText({ cfg, to, text: 'x', accountId: 'nope' })).rejects.toThrow(/not running/);
    main.controller.abort();
    await running;
  });
});

describe('agentPrompt and messaging', () => {
  it('tells the model about QQ links, markdown, the 5-message cap and when a later message can still arrive, per account', () => {
    const plugin = createQQBotChannelPlugin({ createBot: fakeBotFactory().create, sources: { env: () => ({}), readFile: () => '' } });
    const withDomains = { channels: { qqbot: { token: '1:a', registeredDomains: ['docs.example.cn'], markdown: false } } };
    const hints = plugin.agentPrompt.inboundFormattingHints({ cfg: withDomains, accountId: 'default' });
    expect(hints.text_markup).toBe('plain');
    expect(hints.rules.join('\n')).toMatch(/QQ delivery rules: QQ blocks links: only URLs on this bot's registered domains \(docs\.example\.cn\)/);
    expect(hints.rules.join('\n')).toMatch(/at most 4 QQ messages in a private chat and 5 in a group/);
    // Reminders: only inside the reply window (60 min C2C, 5 min groups), said plainly.
    expect(hints.rules.join('\n')).toMatch(
      /reminder[\s\S]*within 60 minutes of the user's last private message \(5 in a group\)[\s\S]*call the qqbot_remind tool[\s\S]*say so plainly/,
    );
    // Without the tool, the model is not sent to it.
    const noReminders = plugin.agentPrompt.inboundFormattingHints({
      cfg: { channels: { qqbot: { token: '1:a', reminders: { enabled: false } } } },
      accountId: 'default',
    });
    expect(noReminders.rules.join('\n')).not.toMatch(/qqbot_remind/);
    expect(noReminders.rules.join('\n')).toMatch(/suggest the user write again near the time/);
    expect(plugin.agentPrompt.messageToolHints({ cfg: {}, accountId: null }).join('\n')).toMatch(/never write URLs[\s\S]*Markdown renders in QQ private chats/);
    // Hosts before 2026.9 pass no cfg: still answers.
    expect(plugin.agentPrompt.inboundFormattingHints({ accountId: 'default' }).rules).toHaveLength(4);
  });

  it('normalizes targets', () => {
    const plugin = createQQBotChannelPlugin({ createBot: fakeBotFactory().create, sources: { env: () => ({}), readFile: () => '' } });
    expect(plugin.messaging.normalizeTarget('QQBOT:user:abc')).toBe('qqbot:c2c:abc');
    expect(plugin.messaging.normalizeTarget('channel:123')).toBe('qqbot:channel:123');
    expect(plugin.messaging.normalizeTarget('dm:9')).toBe('qqbot:dm:9');
    expect(plugin.messaging.normalizeTarget('hello')).toBeUndefined();
    expect(plugin.messaging.targetResolver.looksLikeId('qqbot:group:X')).toBe(true);
  });
});
