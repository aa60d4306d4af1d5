import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from 'qq-sdk/testing';
import type { HostPluginRuntime } from '../../src/index.js';
import { fakeHost as makeHost, runAccount as run, type Cleanup } from '../support/runPluginAccount.js';

// What the account learns while it runs (what it sent, for quotes; the QQ client's group-settings
// changes) outlives a restart: the real QQBot against the simulator on 127.0.0.1, stopped and
// started again with the same host state directory and config file (stand-ins for OpenClaw's).

let cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

const fakeHost = (channel: Record<string, unknown>) => makeHost(channel, cleanup);
const runAccount = (sim: QQSimulator, host: ReturnType<typeof fakeHost>['host'], pluginRuntime: HostPluginRuntime, answer: string) =>
  run(sim, host, pluginRuntime, answer, cleanup);

async function startSimulator() {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000 });
  cleanup.push(() => sim.close());
  const channel = { appId: sim.appId, clientSecret: sim.clientSecret, apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl, dmPolicy: 'open' };
  return { sim, channel };
}

describe('state that outlives a restart', () => {
  it("a quote of the bot's answer from before a restart still gives the agent that answer", async () => {
    const { sim, channel } = await startSimulator();
    const { host, pluginRuntime } = fakeHost(channel);
    const user = 'E4F3A1B2C3D4E5F60718293A4B5C6D7E';
    const first = await runAccount(sim, host, pluginRuntime, '明天晴，最高 25 度');
    sim.inject('C2C_MESSAGE_CREATE', { content: '天气', author: { id: user, user_openid: user } });
    const answer = await sim.waitFor(() => sim.messagesTo(user).find((m) => m.text.includes('25')), { timeoutMs: 10_000 });
    await first.stop();
    const saved = JSON.parse(readFileSync(join(host.stateDir, 'plugins', 'qqbot', 'default', 'sent-messages.json'), 'utf8')) as unknown;
    expect(saved).toEqual([[answer.refIdx, '明天晴，最高 25 度']]);

    const second = await runAccount(sim, host, pluginRuntime, '后天多云');
    sim.injectRaw({
      t: 'C2C_MESSAGE_CREATE',
      d: {
        id: 'ROBOT1.0_quote_after_restart',
        author: { user_openid: user },
        content: '那后天呢？',
        timestamp: new Date().toISOString(),
        message_type: 103,
        message_scene: { source: 'default', ext: [`ref_msg_idx=${answer.refIdx}`] },
      },
    });
    await sim.waitFor(() => second.record.contexts.length === 1, { timeoutMs: 10_000 });
    expect(second.record.contexts[0]).toMatchObject({ ReplyToId: answer.refIdx, ReplyToBody: '明天晴，最高 25 度', ReplyToSender: 'assistant' });
  });

  it('a damaged index file is ignored: the account starts and answers', async () => {
    const { sim, channel } = await startSimulator();
    const { host, pluginRuntime } = fakeHost(channel);
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(host.stateDir, 'plugins', 'qqbot', 'default'), { recursive: true });
    writeFileSync(join(host.stateDir, 'plugins', 'qqbot', 'default', 'sent-messages.json'), '{"not":"an index"');
    const { record } = await runAccount(sim, host, pluginRuntime, '在');
    sim.inject('C2C_MESSAGE_CREATE', { content: '在吗' });
    await sim.waitFor(() => record.contexts.length === 1, { timeoutMs: 10_000 });
  });

  it("a change from the QQ client's group-settings panel is written to the config (no restart asked) and holds after a restart", async () => {
    const { sim, channel } = await startSimulator();
    const { host, pluginRuntime } = fakeHost({ ...channel, requireMention: true, groups: { c9f778fe6adf9d1d1dbe395bf744a33a: { name: '发布群' } } });
    const group = 'C9F778FE6ADF9D1D1DBE395BF744A33A';
    const first = await runAccount(sim, host, pluginRuntime, '在');
    const change = sim.inject('INTERACTION_CREATE', {
      scene: 'group',
      chat_type: 1,
      group_openid: group,
      data: { type: 2002, resolved: { claw_cfg: { require_mention: 'always', mention_patterns: '小助手, 机器人' } } },
    } as never);
    await sim.waitFor(() => sim.interactionAcks.some((ack) => ack.interactionId === change.id), { timeoutMs: 10_000 });
    await sim.waitFor(() => host.writes.length === 1, { timeoutMs: 5_000, description: 'the config write' });
    expect(host.writes[0]?.afterWrite).toMatchObject({ mode: 'none' });
    // The existing key (another case) is updated, not duplicated; its other settings stay.
    expect((host.cfg as { channels: { qqbot: { groups: unknown } } }).channels.qqbot.groups).toEqual({
      c9f778fe6adf9d1d1dbe395bf744a33a: { name: '发布群', requireMention: false, mentionPatterns: ['小助手', '机器人'] },
    });
    await first.stop();

    const second = await runAccount(sim, host, pluginRuntime, '在');
    const query = sim.inject('INTERACTION_CREATE', { scene: 'group', chat_type: 1, group_openid: group, data: { type: 2001, resolved: {} } } as never);
    const answered = await sim.waitFor(() => sim.interactionAcks.find((ack) => ack.interactionId === query.id), { timeoutMs: 10_000 });
    expect(answered).toMatchObject({ code: 0, data: { claw_cfg: { require_mention: 'always' } } });
    sim.inject('GROUP_MESSAGE_CREATE', { group_openid: group, content: 'hello after restart', mentions: [] } as never);
    await sim.waitFor(() => second.record.contexts.length === 1, { timeoutMs: 10_000 });
    expect(second.record.contexts[0]).toMatchObject({ CommandBody: 'hello after restart' });
  });

  it('a mention pattern counts as addressing the bot where a mention is required', async () => {
    const { sim, channel } = await startSimulator();
    const { host, pluginRuntime } = fakeHost({ ...channel, requireMention: true, groups: { '*': { mentionPatterns: ['小助手'] } } });
    const { record } = await runAccount(sim, host, pluginRuntime, '在');
    const group = 'A9F778FE6ADF9D1D1DBE395BF744A33A';
    sim.inject('GROUP_MESSAGE_CREATE', { group_openid: group, content: '今天天气怎么样', mentions: [] } as never);
    sim.inject('GROUP_MESSAGE_CREATE', { group_openid: group, content: '小助手，今天天气怎么样', mentions: [] } as never);
    await sim.waitFor(() => record.contexts.length === 1, { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(record.contexts).toHaveLength(1);
    expect(record.contexts[0]).toMatchObject({ CommandBody: '小助手，今天天气怎么样' });
  });
});
