// A group @-message and a C2C message get the agent's answer as a passive reply with the right
// msg_id and msg_seq; C2C shows a typing notice first; the host reports the account connected;
// the model's request carries the channel's QQ hints (agentPrompt).
export const name = 'basics';
const REPLY = 'E2E_REPLY_OK';

export const answer = () => `${REPLY} 你好`; // the default answer of every scenario

export async function run({ version, sim, model, wait, check, log, cli, c2cOpenid }) {
  const group = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 你好，机器人' });
  const groupId = group.data.group_openid;
  const groupReply = await wait((s) => s.messagesTo(groupId).find((m) => m.msgId === group.data.id), 'the group reply', 120_000);
  check(groupReply.passive && groupReply.msgSeq === 1, `group reply not passive with msg_seq 1: ${JSON.stringify(groupReply)}`);
  check(groupReply.text.includes(REPLY), `group reply text: ${groupReply.text}`);
  log(`group reply ok (msg_id ${group.data.id.slice(0, 20)}…, msg_seq 1)`);

  const c2c = sim.inject('C2C_MESSAGE_CREATE', { content: '在吗？', author: { id: c2cOpenid, user_openid: c2cOpenid } });
  const c2cReply = await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === c2c.data.id), 'the C2C reply', 120_000);
  // C2C may stream (one bubble, updated in place): wait for its final text.
  const c2cFinal = await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === c2c.data.id && m.text.includes(REPLY)), 'the C2C reply text', 60_000);
  check(c2cFinal === c2cReply && c2cReply.passive && c2cReply.msgSeq >= 1, `C2C reply: ${JSON.stringify(c2cReply)}`);
  check(sim.messagesTo(c2cOpenid).filter((m) => m.msgId === c2c.data.id).length === 1, 'C2C answer split into several messages');
  const typed = sim.typingNotices.find((notice) => notice.msgId === c2c.data.id);
  check(typed !== undefined && typed.msgSeq < c2cReply.msgSeq, `no typing notice before the C2C answer: ${JSON.stringify(sim.typingNotices)}`);
  log(`C2C reply ok (typing notice first, answer msg_seq ${c2cReply.msgSeq}${c2cReply.streamChunks ? `, streamed in ${c2cReply.streamChunks} chunks` : ''})`);

  // The host shows the account's status as the plugin reported it.
  const statusJson = await cli(['channels', 'status', '--json'], 90);
  const status = JSON.parse(statusJson.slice(statusJson.indexOf('{')));
  const accounts = JSON.stringify(status.channelAccounts?.qqbot ?? status.channels?.qqbot ?? status);
  check(/"connected":true/.test(accounts) && /"running":true/.test(accounts), `channels status: ${accounts.slice(0, 600)}`);
  log('openclaw channels status: qqbot running and connected');

  check(model.requests.length >= 2, `model saw ${model.requests.length} requests`);
  check(
    model.requests.every((r) => r.raw.includes('QQ delivery rules:') && r.raw.includes('at most 4 QQ messages in a private chat and 5 in a group')),
    'the model request lacks the QQ hints',
  );
  check(
    model.requests.some((r) => r.raw.includes('example.cn')),
    'the model request lacks the registered domains',
  );
  log(`model requests carry the QQ hints (${version})`);
}
