import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from 'qq-sdk/testing';
import type { AccountRegistry } from '../../src/gateway/AccountRegistry.js';
import { createQQApiToolFactory, QQ_API_TOOL_NAME } from '../../src/tools/createQQApiTool.js';
import type { HostToolContext } from '../../src/tools/HostToolTypes.js';
import { startSimulatedAccount } from '../support/runPluginAccount.js';

// The tool over the real QQBot (createQQBot) against the qq-sdk/testing simulator on 127.0.0.1.

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function startAccount(channel: Record<string, unknown> = {}) {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000 });
  cleanup.push(() => sim.close());
  const registry: AccountRegistry = new Map();
  await startSimulatedAccount(sim, { channel, answer: '这条会被撤回', registry }, cleanup);
  return { sim, factory: createQQApiToolFactory(registry) };
}

/** A group turn: the bot answered one @-message, so it has a message of its own there. */
async function groupTurn(sim: QQSimulator) {
  const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 你好' });
  const group = String(event.data.group_openid);
  const [sent] = await sim.waitFor(() => sim.messagesTo(group).length > 0 && sim.messagesTo(group), { timeoutMs: 10_000 });
  const ctx: HostToolContext = {
    messageChannel: 'qqbot',
    agentAccountId: 'default',
    deliveryContext: { channel: 'qqbot', to: `qqbot:group:${group}`, accountId: 'default' },
  };
  return { group, sentId: sent!.id, ctx };
}

const text = (result: { content: Array<{ text: string }> }): string => result.content.map((block) => block.text).join('');

describe('qqbot_api tool + QQBot + simulator', () => {
  it('me: the bot user through GET /users/@me, with no credential in the result', async () => {
    const { sim, factory } = await startAccount();
    const tool = factory({ messageChannel: 'qqbot', agentAccountId: 'default' });
    expect(tool).toMatchObject({ name: QQ_API_TOOL_NAME, label: 'QQ Bot API' });
    expect(tool!.parameters).toMatchObject({ type: 'object', required: ['action'], additionalProperties: false });
    const result = await tool!.execute('call-1', { action: 'me' });
    expect(result.details).toMatchObject({ action: 'me', accountId: 'default', result: { id: '6158788878435714165' } });
    expect(text(result)).toContain('6158788878435714165');
    expect(sim.requests.filter((request) => request.route === 'GET /users/@me').length).toBeGreaterThan(0);
    expect(text(result)).not.toContain(sim.clientSecret);
  });

  it('current_chat: the conversation comes from the host route, not from arguments', async () => {
    const { sim, factory } = await startAccount();
    const { group, ctx } = await groupTurn(sim);
    const result = await factory(ctx)!.execute('call-1', { action: 'current_chat' });
    expect(result.details.result).toEqual({ target: { scene: 'group', groupOpenid: group }, conversation: `qqbot:group:${group}` });
  });

  it('recall is refused while apiTool.actions does not list it: nothing reaches QQ', async () => {
    const { sim, factory } = await startAccount();
    const { sentId, ctx } = await groupTurn(sim);
    const tool = factory(ctx)!;
    expect(tool.description).toContain('Read-only');
    await expect(tool.execute('call-1', { action: 'recall', messageId: sentId })).rejects.toThrow(/recall is not enabled.*apiTool\.actions/);
    expect(sim.requestsTo('DELETE /v2/groups/{group_openid}/messages/{message_id}')).toHaveLength(0);
  });

  it('recall with apiTool.actions ["recall"]: the bot\'s message in this chat is withdrawn (DELETE recorded by the simulator)', async () => {
    const { sim, factory } = await startAccount({ apiTool: { actions: ['recall'] } });
    const { group, sentId, ctx } = await groupTurn(sim);
    const result = await factory(ctx)!.execute('call-1', { action: 'recall', messageId: sentId });
    expect(result.details.result).toEqual({ recalled: sentId });
    const [request] = sim.requestsTo('DELETE /v2/groups/{group_openid}/messages/{message_id}');
    expect(request).toMatchObject({ params: { group_openid: group, message_id: sentId }, status: 200 });
    expect(sim.messagesTo(group)[0]!.recalledAt).toBeDefined();
    // A second recall of the same message: QQ's refusal becomes a clear tool error.
    await expect(factory(ctx)!.execute('call-2', { action: 'recall', messageId: sentId })).rejects.toThrow(/^QQ refused recall \(/);
  });

  it('a QQ refusal (a guild endpoint the bot may not call) is a tool error naming the action, and the call went through the SDK', async () => {
    const { sim, factory } = await startAccount();
    const tool = factory({ messageChannel: 'qqbot' })!;
    await expect(tool.execute('call-1', { action: 'channels', guildId: '123456' })).rejects.toThrow(/^QQ refused channels \(.*HTTP 404/);
    expect(sim.requests.some((request) => request.method === 'GET' && request.path.startsWith('/guilds/123456/channels'))).toBe(true);
  });

  it('bad arguments and a missing id are refused before any call', async () => {
    const { sim, factory } = await startAccount();
    const tool = factory({ messageChannel: 'qqbot' })!;
    const before = sim.requests.length;
    await expect(tool.execute('call-1', { action: 'drop_tables' })).rejects.toThrow(/invalid arguments \(action:/);
    await expect(tool.execute('call-2', { action: 'guild', guildId: '../users/@me' })).rejects.toThrow(/invalid arguments \(guildId:/);
    await expect(tool.execute('call-3', { action: 'guild' })).rejects.toThrow(/guild needs guildId/);
    expect(sim.requests.length).toBe(before);
  });

  it('the factory returns null outside qqbot turns, for an account not running, and with apiTool.enabled false', async () => {
    const { factory } = await startAccount();
    expect(factory({ messageChannel: 'telegram', agentAccountId: 'default' })).toBeNull();
    expect(factory({})).toBeNull();
    expect(factory({ messageChannel: 'qqbot', agentAccountId: 'other' })).toBeNull();
    const disabled = await startAccount({ apiTool: { enabled: false } });
    expect(disabled.factory({ messageChannel: 'qqbot', agentAccountId: 'default' })).toBeNull();
  });
});
