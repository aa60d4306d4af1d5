import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from 'qq-sdk/testing';
import { parseBotCommand } from '../../src/commands/parseBotCommand.js';
import { fakeHost, runAccount, type Cleanup } from '../support/runPluginAccount.js';

// The plugin's /bot-* commands, against the real QQBot and the simulator on 127.0.0.1: each is
// answered as a passive reply without a model call (the fake host runtime records every turn).

let cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

const OWNER = 'E4F3A1B2C3D4E5F60718293A4B5C6D7E';
const STRANGER = 'A0A0A0A0B1B1B1B1C2C2C2C2D3D3D3D3';

async function start(channel: Record<string, unknown> = {}) {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000 });
  cleanup.push(() => sim.close());
  const { host, pluginRuntime } = fakeHost(
    { appId: sim.appId, clientSecret: sim.clientSecret, apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl, dmPolicy: 'allowlist', allowFrom: [OWNER], ...channel },
    cleanup,
  );
  const { record } = await runAccount(sim, host, pluginRuntime, '模型的回答', cleanup);
  const dm = async (from: string, content: string) => {
    const event = sim.inject('C2C_MESSAGE_CREATE', { content, author: { id: from, user_openid: from } });
    return sim.waitFor(() => sim.messagesTo(from).find((m) => m.msgId === event.data.id), { timeoutMs: 10_000, description: `the answer to ${content}` });
  };
  return { sim, host, record, dm };
}

describe('/bot-* commands', { timeout: 20_000 }, () => {
  it('/bot-ping, /bot-help and /bot-version are answered locally, in Chinese by default, as passive replies', async () => {
    const { record, dm } = await start();
    const pong = await dm(OWNER, '/bot-ping');
    expect(pong).toMatchObject({ passive: true, msgSeq: 1 });
    expect(pong.text).toMatch(/^pong：消息从 QQ 到达机器人用了 \d+ 毫秒$/u);
    const help = await dm(OWNER, '/bot-help');
    for (const name of ['/bot-ping', '/bot-me', '/bot-version', '/bot-streaming', '/bot-group-always']) expect(help.text).toContain(name);
    const version = await dm(OWNER, '/BOT-VERSION');
    expect(version.text).toMatch(/^clawdbot-qqbot \S+\nqq-sdk \S+\nOpenClaw 2026\.9\.6$/u);
    expect(record.contexts).toHaveLength(0); // the model was never asked
  });

  it('answers in English with locale "en", and `?` shows a command\'s usage', async () => {
    const { dm } = await start({ locale: 'en' });
    expect((await dm(OWNER, '/bot-ping')).text).toMatch(/^pong: your message reached the bot in \d+ ms$/u);
    expect((await dm(OWNER, '/bot-streaming ?')).text).toBe('/bot-streaming on|off: turn streamed answers in private chat on or off (allowFrom only)');
  });

  it('/bot-me tells a sender not on the allow-list their openid; their other messages still go nowhere', async () => {
    const { sim, record, dm } = await start();
    expect((await dm(STRANGER, '/bot-me')).text).toBe(`你的 openid：${STRANGER}\n把它加入 qqbot 频道配置的 allowFrom，即可私聊机器人。`);
    sim.inject('C2C_MESSAGE_CREATE', { content: '你好', author: { id: STRANGER, user_openid: STRANGER } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sim.messagesTo(STRANGER)).toHaveLength(1);
    expect(record.contexts).toHaveLength(0);
  });

  it('/bot-me in a group shows the member openid and the group_openid', async () => {
    const { sim } = await start();
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' /bot-me', author: { id: STRANGER, member_openid: STRANGER } });
    const reply = await sim.waitFor(() => sim.messagesTo(event.data.group_openid).find((m) => m.msgId === event.data.id), { timeoutMs: 10_000 });
    expect(reply.text).toBe(`你在本群的 openid：${STRANGER}\n本群的 group_openid：${event.data.group_openid}\n二者都可加入 qqbot 频道配置的 groupAllowFrom。`);
  });

  it('/bot-streaming off writes streaming: false for the account (the host reloads it); refused for senders not in allowFrom', async () => {
    const { host, dm } = await start();
    expect((await dm(STRANGER, '/bot-streaming off')).text).toMatch(/没有权限/u);
    expect(host.writes).toHaveLength(0);
    expect((await dm(OWNER, '/bot-streaming off')).text).toBe('已关闭私聊流式回复。');
    expect(host.writes).toEqual([{ afterWrite: { mode: 'auto' } }]);
    expect((host.cfg as { channels: { qqbot: Record<string, unknown> } }).channels.qqbot['streaming']).toBe(false);
    expect((await dm(OWNER, '/bot-streaming maybe')).text).toBe('用法：/bot-streaming on 或 /bot-streaming off');
  });

  it('/bot-group-always on by a group admin: every message in that group is answered from then on, and the config says so', async () => {
    const { sim, host, record } = await start({ groupPolicy: 'open', requireMention: true });
    const group = 'C9F778FE6ADF9D1D1DBE395BF744A33A';
    const ask = (content: string, role: string) => {
      const event = sim.inject('GROUP_AT_MESSAGE_CREATE', {
        group_openid: group,
        content,
        author: { id: STRANGER, member_openid: STRANGER, member_role: role },
      } as never);
      return sim.waitFor(() => sim.messagesTo(group).find((m) => m.msgId === event.data.id), { timeoutMs: 10_000 });
    };
    expect((await ask(' /bot-group-always on', 'member')).text).toBe('只有群主、管理员或 allowFrom 中的人可以使用 /bot-group-always。');
    expect((await ask(' /bot-group-always on', 'admin')).text).toBe('好的，本群的每条消息我都会回复。');
    expect((host.cfg as { channels: { qqbot: { groups: unknown } } }).channels.qqbot.groups).toEqual({ [group]: { requireMention: false } });
    sim.inject('GROUP_MESSAGE_CREATE', { group_openid: group, content: '大家好', mentions: [] } as never);
    await sim.waitFor(() => record.contexts.length === 1, { timeoutMs: 10_000, description: 'the non-@ message to reach the agent' });
  });

  it("the host's own commands (/status, /new) are not the plugin's: they go to the host", async () => {
    const { record, dm } = await start();
    const reply = await dm(OWNER, '/status');
    expect(reply.text).toBe('模型的回答');
    expect(record.contexts[0]).toMatchObject({ CommandBody: '/status', CommandAuthorized: true });
  });

  it("/bot-logs shows the owner, in private chat, the latest warnings and errors with QQ's code, and nobody else", async () => {
    const { sim, dm } = await start();
    expect((await dm(OWNER, '/bot-logs')).text).toBe('自本账号启动以来没有警告或错误。');
    // QQ refuses an answer: the plugin logs it as a warning, with the platform's code.
    sim.failNext('POST /v2/users/{openid}/messages', 40034005, 2); // the typing notice, then the answer
    const refused = sim.inject('C2C_MESSAGE_CREATE', { content: '你好', author: { id: OWNER, user_openid: OWNER } });
    await sim.waitFor(
      () => sim.requests.some((r) => r.route === 'POST /v2/users/{openid}/messages' && (r.body as { msg_id?: string }).msg_id === refused.data.id),
      { timeoutMs: 10_000 },
    );
    // The warning is written once the reply attempt has failed: ask until it shows (bounded).
    let logs = await dm(OWNER, '/bot-logs 5');
    for (let attempt = 0; attempt < 20 && !/40034005/u.test(logs.text); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      logs = await dm(OWNER, '/bot-logs 5');
    }
    expect(logs.text).toContain('40034005');
    expect(logs.text).toMatch(/^最近 \d+ 条警告和错误（UTC 时间）：\n\d\d:\d\d:\d\d (WARN|ERROR) /u);
    expect(logs.text).not.toContain(sim.clientSecret);
    expect((await dm(STRANGER, '/bot-logs')).text).toContain('你没有权限使用 /bot-logs');
  });
});

describe('parseBotCommand', () => {
  it('knows its commands, arguments and the ? for usage; nothing else', () => {
    expect(parseBotCommand('/bot-ping')).toEqual({ name: 'bot-ping', args: [], help: false });
    expect(parseBotCommand('  /Bot-Streaming  ON ')).toEqual({ name: 'bot-streaming', args: ['on'], help: false });
    expect(parseBotCommand('/bot-me?')).toEqual({ name: 'bot-me', args: [], help: true });
    expect(parseBotCommand('/bot-me ?')).toEqual({ name: 'bot-me', args: [], help: true });
    expect(parseBotCommand('/bot-pingx')).toBeUndefined();
    expect(parseBotCommand('/status')).toBeUndefined();
    expect(parseBotCommand('请 /bot-ping')).toBeUndefined();
  });
});
