import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from 'qq-sdk/testing';
import type { HostReplyPayload } from '../../src/index.js';
import { startSimulatedAccount, type HostScript } from '../support/runPluginAccount.js';

// Exec approvals with the real QQBot against the simulator on 127.0.0.1: the fake host answers a
// turn with OpenClaw's approval prompt (channelData.execApproval), the test clicks a button by
// injecting INTERACTION_CREATE, and checks the acknowledgement code and the /approve the host gets.

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

const APPROVAL_ID = () => randomUUID();

/** The payload OpenClaw 2026.9.6 sends for a pending exec approval (buildExecApprovalPendingReplyPayload). */
function promptPayload(approvalId: string, expires = '30m', allowedDecisions = ['allow-once', 'allow-always', 'deny']): HostReplyPayload {
  return {
    text: `Approval required.\n\nRun:\n\n\`\`\`txt\n/approve ${approvalId} allow-once\n\`\`\`\n\nPending command:\n\n\`\`\`sh\nrm -rf /tmp/x\n\`\`\`\n\nHost: gateway\nExpires in: ${expires}\nFull id: \`${approvalId}\``,
    channelData: { execApproval: { approvalId, approvalSlug: approvalId.slice(0, 8), approvalKind: 'exec', allowedDecisions } },
  };
}

async function start(prompt: HostReplyPayload, channel: Record<string, unknown> = {}) {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000 });
  cleanup.push(() => sim.close());
  // The fake host: a /approve turn is answered like OpenClaw's command handler; any other turn asks for approval.
  const answer: HostScript = (ctx) => {
    const match = /^\/approve (\S+) (\S+)$/.exec(String(ctx['Body']));
    if (match) return [[{ text: `✅ Approval ${match[2]} submitted for ${match[1]}.` }, 'final']];
    return [
      [prompt, 'tool'],
      [{ text: 'Waiting for approval.' }, 'final'],
    ];
  };
  const { plugin, cfg, record } = await startSimulatedAccount(sim, { channel: { groupPolicy: 'open', ...channel }, answer }, cleanup);
  const approveTurns = () => record.contexts.filter((ctx) => String(ctx['Body']).startsWith('/approve'));
  return { sim, plugin, cfg, record, approveTurns };
}

function c2cClick(sim: QQSimulator, openid: string, buttonData: string) {
  const id = randomUUID();
  sim.injectRaw({
    op: 0,
    t: 'INTERACTION_CREATE',
    id,
    d: {
      id,
      type: 11,
      scene: 'c2c',
      chat_type: 2,
      user_openid: openid,
      application_id: sim.appId,
      timestamp: new Date().toISOString(),
      version: 1,
      data: { type: 11, resolved: { button_data: buttonData, button_id: 'o' } },
    },
  });
  return id;
}

function groupClick(sim: QQSimulator, group: string, member: string, buttonData: string) {
  return sim.inject('INTERACTION_CREATE', {
    group_openid: group,
    group_member_openid: member,
    data: { type: 11, resolved: { button_data: buttonData } },
  } as never).data.id as string;
}

const ackOf = (sim: QQSimulator, id: string) =>
  sim.waitFor(() => sim.interactionAcks.find((ack) => ack.interactionId === id), { timeoutMs: 5_000, description: `the ack of ${id}` });

describe('exec approvals as QQ buttons (simulator)', () => {
  it('C2C: the prompt carries an allow once / always / deny keyboard; a click is acknowledged with 0 and the host gets /approve from the clicker', async () => {
    const approvalId = APPROVAL_ID();
    const { sim, approveTurns } = await start(promptPayload(approvalId));
    const inbound = sim.inject('C2C_MESSAGE_CREATE', { content: 'delete tmp' });
    const openid = String(inbound.data.author.user_openid);
    const prompt = await sim.waitFor(() => sim.messagesTo(openid).find((m) => m.text.includes('Approval required')), { timeoutMs: 10_000 });
    const keyboard = prompt.body['keyboard'] as {
      content: { rows: Array<{ buttons: Array<{ render_data: { label: string }; action: { type: number; data: string } }> }> };
    };
    const buttons = keyboard.content.rows[0]?.buttons ?? [];
    expect(buttons.map((b) => b.render_data.label)).toEqual(['允许一次', '总是允许', '拒绝']);
    expect(buttons.map((b) => b.action)).toEqual([
      expect.objectContaining({ type: 1, data: `qqbot:approve:o:${approvalId}` }),
      expect.objectContaining({ type: 1, data: `qqbot:approve:a:${approvalId}` }),
      expect.objectContaining({ type: 1, data: `qqbot:approve:d:${approvalId}` }),
    ]);
    expect(prompt).toMatchObject({ passive: true, msgId: inbound.data.id });

    const click = c2cClick(sim, openid, `qqbot:approve:a:${approvalId}`);
    expect((await ackOf(sim, click)).code).toBe(0);
    await sim.waitFor(() => approveTurns().length === 1, { timeoutMs: 5_000 });
    expect(approveTurns()[0]).toMatchObject({
      Body: `/approve ${approvalId} allow-always`,
      SenderId: openid,
      CommandAuthorized: true,
      ChatType: 'direct',
      MessageSid: click,
    });
    // A native command in the clicker's own command session, not aimed at the chat's: OpenClaw
    // 2026.7 holds the chat's session while the exec tool waits, so a turn there would never run.
    expect(approveTurns()[0]).toMatchObject({
      SessionKey: `agent:main:qqbot:slash:${openid.toLowerCase()}`,
      CommandSource: 'native',
      CommandTurn: { kind: 'native', source: 'native', authorized: true, body: `/approve ${approvalId} allow-always` },
    });
    expect(approveTurns()[0]).not.toHaveProperty('CommandTargetSessionKey');
    // The host's answer goes back as a passive reply to the click.
    const answer = await sim.waitFor(() => sim.messagesTo(openid).find((m) => m.text.startsWith('✅')), { timeoutMs: 5_000 });
    expect(answer).toMatchObject({ passive: true, eventId: click });

    // A second click on the decided approval: "duplicate", nothing more for the host.
    const again = c2cClick(sim, openid, `qqbot:approve:d:${approvalId}`);
    expect((await ackOf(sim, again)).code).toBe(3);
    expect(approveTurns()).toHaveLength(1);
  });

  it('group: only the requester (and execApprovals.approvers) may press; the keyboard names them; others get 4 (no permission)', async () => {
    const approvalId = APPROVAL_ID();
    const { sim, approveTurns } = await start(promptPayload(approvalId), { execApprovals: { approvers: ['approver-openid'] } });
    const inbound = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' delete tmp' });
    const group = String(inbound.data.group_openid);
    const requester = String(inbound.data.author.member_openid);
    const prompt = await sim.waitFor(() => sim.messagesTo(group).find((m) => m.text.includes('Approval required')), { timeoutMs: 10_000 });
    const button = (prompt.body['keyboard'] as { content: { rows: Array<{ buttons: Array<{ action: { permission: unknown } }> }> } }).content.rows[0]
      ?.buttons[0];
    expect(button?.action.permission).toEqual({ type: 0, specify_user_ids: [requester.toUpperCase(), 'APPROVER-OPENID'] });

    const stranger = groupClick(sim, group, 'SOMEONE-ELSE', `qqbot:approve:o:${approvalId}`);
    expect((await ackOf(sim, stranger)).code).toBe(4);
    expect(approveTurns()).toHaveLength(0);

    const approver = groupClick(sim, group, 'APPROVER-OPENID', `qqbot:approve:d:${approvalId}`);
    expect((await ackOf(sim, approver)).code).toBe(0);
    await sim.waitFor(() => approveTurns().length === 1, { timeoutMs: 5_000 });
    expect(approveTurns()[0]).toMatchObject({
      Body: `/approve ${approvalId} deny`,
      SenderId: 'APPROVER-OPENID',
      ChatType: 'group',
      To: `qqbot:group:${group}`,
    });
    expect(approveTurns()[0]).toMatchObject({ SessionKey: 'agent:main:qqbot:slash:approver-openid', CommandSource: 'native' });
  });

  it('a click after the host\'s timeout ("Expires in") is acknowledged with 1 (failed) and the chat is told; the host gets nothing', async () => {
    const approvalId = APPROVAL_ID();
    const { sim, approveTurns } = await start(promptPayload(approvalId, '1s'));
    const inbound = sim.inject('C2C_MESSAGE_CREATE', { content: 'delete tmp' });
    const openid = String(inbound.data.author.user_openid);
    await sim.waitFor(() => sim.messagesTo(openid).find((m) => m.text.includes('Approval required')), { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const click = c2cClick(sim, openid, `qqbot:approve:o:${approvalId}`);
    expect((await ackOf(sim, click)).code).toBe(1);
    await sim.waitFor(() => sim.messagesTo(openid).find((m) => m.text.includes('expired')), { timeoutMs: 5_000 });
    expect(approveTurns()).toHaveLength(0);
  });

  it('a click in another chat than the prompt, or on an unknown approval, is refused (1); foreign buttons are left unacknowledged', async () => {
    const approvalId = APPROVAL_ID();
    const { sim, approveTurns } = await start(promptPayload(approvalId));
    const inbound = sim.inject('C2C_MESSAGE_CREATE', { content: 'delete tmp' });
    const openid = String(inbound.data.author.user_openid);
    await sim.waitFor(() => sim.messagesTo(openid).find((m) => m.text.includes('Approval required')), { timeoutMs: 10_000 });
    const elsewhere = c2cClick(sim, 'OTHER-USER', `qqbot:approve:o:${approvalId}`);
    expect((await ackOf(sim, elsewhere)).code).toBe(1);
    const unknown = c2cClick(sim, openid, `qqbot:approve:o:${APPROVAL_ID()}`);
    expect((await ackOf(sim, unknown)).code).toBe(1);
    const foreign = c2cClick(sim, openid, 'confirm:once');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.interactionAcks.find((ack) => ack.interactionId === foreign)).toBeUndefined();
    expect(approveTurns()).toHaveLength(0);
  });

  it('outbound.sendPayload (the prompt OpenClaw 2026.9 forwards to the session chat): buttons for the newest sender in the group, as a passive reply to that message; other payloads go as text', async () => {
    const approvalId = APPROVAL_ID();
    const { sim, plugin, cfg, approveTurns } = await start({ text: 'just text' });
    const inbound = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' delete tmp' });
    const group = String(inbound.data.group_openid);
    const requester = String(inbound.data.author.member_openid);
    await sim.waitFor(() => sim.messagesTo(group).some((m) => m.text === 'Waiting for approval.'), { timeoutMs: 10_000 });
    await plugin.outbound.sendPayload({ cfg, to: `qqbot:group:${group}`, accountId: 'default', payload: promptPayload(approvalId) });
    const prompt = sim.messagesTo(group).find((m) => m.text.includes('Approval required'));
    expect(prompt).toMatchObject({ passive: true, msgId: inbound.data.id });
    const button = (prompt?.body['keyboard'] as { content: { rows: Array<{ buttons: Array<{ action: { permission: unknown } }> }> } }).content.rows[0]
      ?.buttons[0];
    expect(button?.action.permission).toEqual({ type: 0, specify_user_ids: [requester.toUpperCase()] });
    const click = groupClick(sim, group, requester, `qqbot:approve:o:${approvalId}`);
    expect((await ackOf(sim, click)).code).toBe(0);
    await sim.waitFor(() => approveTurns().length === 1, { timeoutMs: 5_000 });

    // The host's follow-up (state "resolved") goes as text; the decision taken stays: a second click is a duplicate.
    const resolved = { text: '✅ Exec approved', channelData: { execApproval: { approvalId, approvalSlug: approvalId.slice(0, 8), state: 'resolved' } } };
    await plugin.outbound.sendPayload({ cfg, to: `qqbot:group:${group}`, accountId: 'default', payload: resolved });
    expect(sim.messagesTo(group).find((m) => m.text === '✅ Exec approved')?.body['keyboard']).toBeUndefined();
    const again = groupClick(sim, group, requester, `qqbot:approve:d:${approvalId}`);
    expect((await ackOf(sim, again)).code).toBe(3);

    // An approval the host reports resolved elsewhere (another surface) before any click: clicks count as expired.
    const other = APPROVAL_ID();
    // A fresh message to reply to (QQ allows 5 passive replies per message).
    const next = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' again', group_openid: group, author: { member_openid: requester } } as never);
    await sim.waitFor(() => sim.messagesTo(group).filter((m) => m.msgId === next.data.id).length === 2, { timeoutMs: 10_000 });
    await plugin.outbound.sendPayload({ cfg, to: `qqbot:group:${group}`, accountId: 'default', payload: promptPayload(other) });
    await plugin.outbound.sendPayload({
      cfg,
      to: `qqbot:group:${group}`,
      accountId: 'default',
      payload: { ...resolved, channelData: { execApproval: { approvalId: other, approvalSlug: 'x', state: 'resolved' } } },
    });
    const late = groupClick(sim, group, requester, `qqbot:approve:o:${other}`);
    expect((await ackOf(sim, late)).code).toBe(1);
    expect(approveTurns()).toHaveLength(1);
  });

  it('execApprovals.enabled false: the host is told approvals are disabled on QQ, and a prompt goes out as plain text without buttons', async () => {
    const approvalId = APPROVAL_ID();
    const { sim, plugin, cfg } = await start(promptPayload(approvalId), { execApprovals: { enabled: false } });
    expect(plugin.approvalCapability.getExecInitiatingSurfaceState({ cfg, accountId: 'default' })).toEqual({ kind: 'disabled' });
    expect(plugin.approvalCapability.getExecInitiatingSurfaceState({ cfg: { channels: { qqbot: {} } }, accountId: 'default' })).toEqual({ kind: 'enabled' });
    const inbound = sim.inject('C2C_MESSAGE_CREATE', { content: 'delete tmp' });
    const openid = String(inbound.data.author.user_openid);
    const prompt = await sim.waitFor(() => sim.messagesTo(openid).find((m) => m.text.includes('Approval required')), { timeoutMs: 10_000 });
    expect(prompt.body['keyboard']).toBeUndefined();
  });
});
