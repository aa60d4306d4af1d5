// Exec approvals as QQ buttons on a real host: the fake model calls the exec tool, the host
// (tools.exec.mode "ask") asks for approval, the plugin sends the prompt with an allow once /
// always / deny keyboard, the test clicks "allow once" by injecting INTERACTION_CREATE, and checks
// the ack code, the host's "Approval … submitted" answer and that the command then ran. On
// 2026.7.35 the click also has to get through while the host keeps the chat's turn open.
import { randomUUID } from 'node:crypto';

export const name = 'approvals';
const ASK = 'E2E_APPROVAL_RUN';
const WAITING = 'E2E_APPROVAL_WAITING';
const RAN = 'E2E_APPROVED_RAN';
const DONE = 'E2E_APPROVAL_DONE';
// Chained, so no allowlist or safe bin covers it and the host asks.
const COMMAND = `hostname && echo ${RAN}`;

export function answer(userText) {
  if (userText.includes(`echo ${RAN}`) || userText.includes(RAN)) {
    // The command's output (after approval) or the pending notice (before it).
    return new RegExp(`(^|[^ ])${RAN}`).test(userText.replace(`echo ${RAN}`, '')) ? `${DONE} ran` : WAITING;
  }
  if (userText.includes('E2E_APPROVAL_HELLO')) return 'E2E_APPROVAL_HELLO_OK';
  if (userText.includes(ASK)) return { toolCalls: [{ name: 'exec', arguments: { command: COMMAND } }] };
  return undefined;
}

export function configureHost(config, { version }) {
  // Host exec on the gateway with approval on allowlist misses (both 2026.7.35 and 2026.9.6 know `mode`).
  config.tools = { ...(config.tools ?? {}), exec: { ...(config.tools?.exec ?? {}), host: 'gateway', mode: 'ask' } };
  // Both hosts keep the exec tool waiting for the decision (host=gateway) and show the prompt only
  // where it is forwarded: to the session's chat with approvals.exec (through outbound.sendPayload).
  config.approvals = { ...(config.approvals ?? {}), exec: { enabled: true, mode: 'session' } };
  // 2026.7.35 forwards only to the session stored under the approval's key, which for a DM is the
  // per-sender policy key: with dmScope "main" no session has it (see docs, approvalRouteCheck.ts).
  if (version.startsWith('2026.7')) config.session = { ...(config.session ?? {}), dmScope: 'per-channel-peer' };
}

function click(sim, openid, buttonData) {
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
      timestamp: new Date().toISOString(),
      version: 1,
      data: { type: 11, resolved: { button_data: buttonData } },
    },
  });
  return id;
}

export async function run({ version, sim, model, wait, check, log, c2cOpenid }) {
  // One ordinary exchange first, so the session has a stored route to forward the prompt to.
  const hello = sim.inject('C2C_MESSAGE_CREATE', { content: 'E2E_APPROVAL_HELLO', author: { id: c2cOpenid, user_openid: c2cOpenid } });
  await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === hello.data.id), 'the answer to a first message', 120_000);
  const before = sim.messagesTo(c2cOpenid).length;
  sim.inject('C2C_MESSAGE_CREATE', { content: `${ASK} 请运行命令`, author: { id: c2cOpenid, user_openid: c2cOpenid } });
  const prompt = await wait(
    (s) =>
      s
        .messagesTo(c2cOpenid)
        .slice(before)
        .find((m) => m.body?.keyboard !== undefined),
    'the approval prompt with buttons',
    120_000,
  );
  const buttons = prompt.body.keyboard.content.rows.flatMap((row) => row.buttons);
  const data = buttons.map((button) => button.action.data);
  check(data.every((d) => /^qqbot:approve:[oad]:\S+$/.test(d)) && data.length >= 2, `approval buttons: ${JSON.stringify(buttons)}`);
  const once = data.find((d) => d.startsWith('qqbot:approve:o:'));
  check(once !== undefined, `no allow-once button: ${data.join(', ')}`);
  const approvalId = once.slice('qqbot:approve:o:'.length);
  check(prompt.text.includes(approvalId), 'the prompt text does not name the approval id');
  log(`the host's approval prompt reached QQ with ${buttons.map((b) => b.render_data.label).join(' / ')} (${version})`);

  // Someone else's chat: refused (1), nothing for the host.
  const foreign = click(sim, 'E2E_SOMEONE_ELSE', once);
  const foreignAck = await wait((s) => s.interactionAcks.find((a) => a.interactionId === foreign), 'the ack of a click from another chat', 20_000);
  check(foreignAck.code === 1, `ack of a foreign click: ${foreignAck.code}`);

  const ok = click(sim, c2cOpenid, once);
  const ack = await wait((s) => s.interactionAcks.find((a) => a.interactionId === ok), 'the ack of the allow-once click', 20_000);
  check(ack.code === 0, `ack of the allow-once click: ${ack.code}`);
  const submitted = await wait(
    (s) => s.messagesTo(c2cOpenid).find((m) => m.eventId === ok && /Approval allow-once submitted/i.test(m.text)),
    "the host's answer to the decision",
    60_000,
  );
  log(`click acknowledged with 0; the host took the decision: "${submitted.text.split('\n')[0]}" (passive reply to the click)`);

  const again = click(sim, c2cOpenid, once);
  const againAck = await wait((s) => s.interactionAcks.find((a) => a.interactionId === again), 'the ack of a second click', 20_000);
  check(againAck.code === 3, `ack of a second click: ${againAck.code}`);

  // The approved command ran: its output reaches the model in a later request.
  await wait(
    () => model.requests.some((r) => r.raw.includes(RAN) && new RegExp(`(^|[^ ])${RAN}`).test(r.raw.split(`echo ${RAN}`).join(''))),
    'the approved command to run',
    120_000,
  );
  const done = await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.text.includes(DONE)), "the agent's answer after the approved command", 120_000);
  log(`the approved command ran, its output reached the model, and the answer reached QQ (${done.passive ? 'passive' : 'active'}) (${version})`);
}
