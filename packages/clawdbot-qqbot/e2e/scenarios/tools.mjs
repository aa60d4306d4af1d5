// The agent tool qqbot_api: a QQ turn offers it to the model; a tool call by the model runs
// through the plugin's bot against the simulator and its result reaches the next model request;
// an action the account has not enabled (recall) comes back to the model as a tool error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'tools';
const CALL = 'E2E_TOOL_CALL';
const RECALL = 'E2E_TOOL_RECALL';
const DONE = 'E2E_TOOL_DONE';
const BOT_ID = '6158788878435714165'; // the simulator's default bot user

let fake; // the fake model, to see which tools the request being answered offers

export function setup(ctx) {
  fake = ctx.model;
}

/** A qqbot_api call, through tool_call when the host defers plugin tools behind Tool Search (2026.9). */
function qqbotApi(args) {
  const names = fake?.requests.length ? toolNames(fake.requests.at(-1)) : [];
  const deferred = !names.includes('qqbot_api') && names.includes('tool_call');
  return deferred ? { name: 'tool_call', arguments: { id: 'qqbot_api', args } } : { name: 'qqbot_api', arguments: args };
}

export function answer(userText) {
  if (userText.includes('E2E_TOOL_RESULT')) {
    if (userText.includes('is not enabled for this bot')) return `${DONE} refused`;
    if (userText.includes(BOT_ID)) return `${DONE} ok`;
    if (/qqbot_api.{0,20}not found|not found.{0,40}qqbot_api/i.test(userText)) return `${DONE} missing`;
    // The Tool Search result: now call the tool.
    return { toolCalls: [qqbotApi({ action: 'me' }), qqbotApi({ action: 'current_chat' })] };
  }
  if (userText.includes(CALL)) {
    const first = qqbotApi({ action: 'me' });
    // Look the tool up first, as a model does when the host defers plugin tools behind Tool Search.
    if (first.name === 'tool_call') return { toolCalls: [{ name: 'tool_search', arguments: { query: 'QQ bot API guild channel members' } }] };
    return { toolCalls: [first, qqbotApi({ action: 'current_chat' })] };
  }
  if (userText.includes(RECALL)) return { toolCalls: [qqbotApi({ action: 'recall', messageId: 'E2E_SOME_MESSAGE' })] };
  return undefined;
}

const toolNames = (request) => (Array.isArray(request.body.tools) ? request.body.tools.map((tool) => tool.function?.name ?? tool.name) : []);
const toolMessages = (request) =>
  (request.body.messages ?? []).filter((m) => m.role === 'tool').map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));

export async function run({ version, sim, model, wait, check, log, c2cOpenid, work }) {
  // C2C: the model is offered qqbot_api and calls it twice (me, current_chat).
  const at = model.requests.length;
  const c2c = sim.inject('C2C_MESSAGE_CREATE', { content: `${CALL} 你是谁？`, author: { id: c2cOpenid, user_openid: c2cOpenid } });
  const reply = await wait(
    (s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === c2c.data.id && m.text.includes(DONE)),
    'the answer after the tool calls',
    120_000,
  );
  const turn = model.requests.slice(at);
  const offered = turn[0];
  check(offered !== undefined, 'no model request for the QQ turn');
  // 2026.9 defers plugin tool schemas behind Tool Search by default (tools.toolSearch unset):
  // the model finds qqbot_api with tool_search instead of in the request's tools list.
  const direct = toolNames(offered).includes('qqbot_api');
  const found = turn.flatMap(toolMessages).find((text) => text.includes('qqbot_api'));
  if (!direct && found === undefined) writeFileSync(join(work, 'tools-first-request.json'), offered.raw);
  check(
    direct || found !== undefined,
    `qqbot_api neither in the request's tools nor found by tool_search; tools: ${toolNames(offered).join(', ')}; results: ${turn.flatMap(toolMessages).join(' | ').slice(0, 600)}`,
  );
  if (direct) {
    const schema = offered.body.tools.find((tool) => (tool.function?.name ?? tool.name) === 'qqbot_api');
    check(JSON.stringify(schema).includes('current_chat'), `qqbot_api schema: ${JSON.stringify(schema).slice(0, 300)}`);
  }
  log(
    `a QQ turn offers qqbot_api to the model (${direct ? "its schema in the request's tools" : 'found by tool_search; the request lists Tool Search, not the plugin tool'})`,
  );
  const results = turn.flatMap(toolMessages);
  check(
    results.some((text) => text.includes(BOT_ID)),
    `the "me" result did not reach the model: ${results.join(' | ').slice(0, 600)}`,
  );
  check(
    results.some((text) => text.includes(`qqbot:c2c:${c2cOpenid}`)),
    `the current_chat result did not name this chat: ${results.join(' | ').slice(0, 600)}`,
  );
  check(reply.text.includes(`${DONE} ok`), `reply after the tool calls: ${reply.text}`);
  log('the model called qqbot_api (me, current_chat); both results reached the next model request; the answer reached QQ');

  // Group: recall is not enabled, so the call is refused and the model reads why.
  const recallAt = model.requests.length;
  const group = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ` ${RECALL} 撤回` });
  const groupReply = await wait(
    (s) => s.messagesTo(group.data.group_openid).find((m) => m.msgId === group.data.id && m.text.includes(DONE)),
    'the answer after the refused recall',
    120_000,
  );
  const refused = model.requests.slice(recallAt).flatMap(toolMessages);
  check(
    refused.some((text) => /recall is not enabled for this bot/.test(text)),
    `the refusal did not reach the model: ${refused.join(' | ').slice(0, 600)}`,
  );
  check(groupReply.text.includes(`${DONE} refused`), `group reply: ${groupReply.text}`);
  check(!sim.requests.some((r) => r.method === 'DELETE'), 'a recall reached QQ although it is not enabled');
  log(`a recall without apiTool.actions is refused to the model, nothing reached QQ (${version})`);
}
