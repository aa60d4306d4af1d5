// Reminders on a real host: the fake model calls qqbot_remind for a time a few seconds away in a
// C2C chat; the plugin creates the job in the host's own scheduler (channel qqbot, the chat's
// target, the account); the host's cron fires it (an isolated agent run whose answer the host
// announces through outbound.sendText), and the simulator receives the reminder in that chat as a
// passive reply to the user's message (it fires inside QQ's 60-minute window). A second reminder
// in a group, 10 minutes away (beyond the 5-minute group window), is scheduled as an active message
// and the tool result warns that it arrives only with active-message permission; the stored job is
// checked with `openclaw cron list --json` and removed through the tool (action remove). Last, a
// group reminder whose reply QQ refuses at fire time (the simulator closes the window early): the
// plugin logs it as not delivered, with QQ's code, in the host's log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'remind';
const SET = 'E2E_REMIND_SET';
const LATER = 'E2E_REMIND_LATER';
const TEXT = 'E2E_REMINDER_TEXT 喝水';
const FIRED = 'E2E_REMINDER_FIRED';
const DONE = 'E2E_REMIND_DONE';
const REFUSED = 'E2E_REMIND_REFUSED';

let fake; // the fake model, to see which tools the request being answered offers
// What the fake model does next in the current remind turn: search, call, or answer the result.
let stage = 'idle';
let pendingCall; // the qqbot_remind arguments of the current turn
const results = []; // qqbot_remind results (or errors) the model read

export function setup(ctx) {
  fake = ctx.model;
}

const toolNames = (request) => (Array.isArray(request?.body.tools) ? request.body.tools.map((tool) => tool.function?.name ?? tool.name) : []);

/** True when the request being answered offers qqbot_remind only behind Tool Search (2026.9). */
function deferred() {
  const names = fake?.requests.length ? toolNames(fake.requests.at(-1)) : [];
  return !names.includes('qqbot_remind') && names.includes('tool_call');
}

const remindCall = (args) => (deferred() ? { name: 'tool_call', arguments: { id: 'qqbot_remind', args } } : { name: 'qqbot_remind', arguments: args });

function startTurn(args) {
  pendingCall = args;
  if (deferred()) {
    stage = 'searched';
    return { toolCalls: [{ name: 'tool_search', arguments: { query: 'QQ reminder schedule remind' } }] };
  }
  stage = 'called';
  return { toolCalls: [remindCall(args)] };
}

export function answer(userText) {
  // The run the host's cron starts when the reminder is due.
  if (userText.includes('Reminder text:') && userText.includes('E2E_REMINDER_TEXT')) return `⏰ ${FIRED} 该喝水了`;
  if (userText.includes('E2E_TOOL_RESULT') && stage === 'searched') {
    stage = 'called';
    return { toolCalls: [remindCall(pendingCall)] };
  }
  if (userText.includes('E2E_TOOL_RESULT') && stage === 'called') {
    stage = 'idle';
    results.push(userText);
    if (pendingCall?.action === 'remove') return `${DONE} removed`;
    return /Reminder scheduled/.test(userText) ? `${DONE} scheduled` : `${DONE} failed`;
  }
  if (userText.includes(SET)) return startTurn({ action: 'add', text: TEXT, delay: '15s' });
  if (userText.includes(REFUSED)) return startTurn({ action: 'add', text: 'E2E_REMINDER_TEXT 交作业', delay: '15s' });
  if (userText.includes(LATER)) return startTurn({ action: 'add', text: 'E2E_LATER 开会', delay: '10m' });
  const removal = /E2E_REMIND_REMOVE (\S+)/.exec(userText);
  if (removal) return startTurn({ action: 'remove', jobId: removal[1] });
  return undefined;
}

export async function run({ version, sim, wait, check, log, cli, c2cOpenid, work }) {
  // C2C: a reminder 15 s away, inside the 60-minute window.
  const ask = sim.inject('C2C_MESSAGE_CREATE', { content: `${SET} 15秒后提醒我喝水`, author: { id: c2cOpenid, user_openid: c2cOpenid } });
  const confirm = await wait(
    (s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === ask.data.id && m.text.includes(DONE)),
    'the confirmation after qqbot_remind',
    120_000,
  );
  const result = results.at(-1) ?? '';
  check(confirm.text.includes(`${DONE} scheduled`), `qqbot_remind did not schedule the reminder: ${result.slice(0, 800)}`);
  check(/as a QQ reply to the user's message/.test(result), `the tool result does not promise a passive reply: ${result.slice(0, 800)}`);
  const jobId = /\(job ([^)\s]+)\)/.exec(result)?.[1];
  log(`qqbot_remind scheduled job ${jobId} in the host's cron; the result says it arrives as a reply`);
  const scheduledAt = Date.now();
  const reminder = await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.text.includes(FIRED)), 'the reminder from the host cron', 150_000);
  check(
    reminder.passive === true && reminder.msgId === ask.data.id,
    `the reminder was not a passive reply to the user's message: ${JSON.stringify({ passive: reminder.passive, msgId: reminder.msgId, want: ask.data.id })}`,
  );
  log(
    `the host's cron fired ${Math.round((Date.now() - scheduledAt) / 1000)}s after scheduling; the reminder reached the C2C chat as a passive reply to the user's message (${version})`,
  );

  // Group: 10 minutes away is beyond the 5-minute window: active, with a warning; not waited for.
  const group = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ` ${LATER} 10分钟后提醒大家开会` });
  const groupOpenid = String(group.data.group_openid);
  await wait((s) => s.messagesTo(groupOpenid).find((m) => m.msgId === group.data.id && m.text.includes(DONE)), 'the group confirmation', 120_000);
  const later = results.at(-1) ?? '';
  check(
    /Reminder scheduled/.test(later) && /WARNING: it arrives only if this bot has active-message permission/.test(later),
    `the group reminder result does not warn about active messages: ${later.slice(0, 800)}`,
  );
  const laterId = /\(job ([^)\s]+)\)/.exec(later)?.[1];
  check(laterId !== undefined, `no job id in: ${later.slice(0, 400)}`);
  const listed = JSON.parse(await cli(['cron', 'list', '--all', '--json'], 90));
  const jobs = Array.isArray(listed) ? listed : (listed.jobs ?? []);
  const job = jobs.find((j) => j.id === laterId);
  check(job !== undefined, `job ${laterId} not in cron list: ${JSON.stringify(listed).slice(0, 600)}`);
  check(
    job.delivery?.channel === 'qqbot' &&
      job.delivery?.to === `qqbot:group:${groupOpenid}` &&
      job.delivery?.accountId === 'default' &&
      job.schedule?.kind === 'at',
    `stored job: ${JSON.stringify({ delivery: job.delivery, schedule: job.schedule })}`,
  );
  log(
    `a group reminder beyond the 5-minute window is scheduled as an active message with a warning; the stored job delivers to ${job.delivery.to} as account ${job.delivery.accountId}`,
  );
  const remove = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ` E2E_REMIND_REMOVE ${laterId}`, group_openid: groupOpenid });
  await wait(
    (s) => s.messagesTo(groupOpenid).find((m) => m.msgId === remove.data.id && m.text.includes(`${DONE} removed`)),
    'the answer after removing the reminder',
    120_000,
  );
  check((results.at(-1) ?? '').includes(`Reminder ${laterId} cancelled`), `remove result: ${(results.at(-1) ?? '').slice(0, 400)}`);
  log('the reminder was removed through qqbot_remind (action remove)');

  // Group: a reminder inside the window whose reply QQ refuses when it fires: logged, with the code.
  const refused = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ` ${REFUSED} 15秒后提醒交作业` });
  const refusedGroup = String(refused.data.group_openid);
  await wait(
    (s) => s.messagesTo(refusedGroup).find((m) => m.msgId === refused.data.id && m.text.includes(`${DONE} scheduled`)),
    'the confirmation of the reminder QQ will refuse',
    120_000,
  );
  const refusedId = /\(job ([^)\s]+)\)/.exec(results.at(-1) ?? '')?.[1];
  sim.configure({ replyWindows: { group: 1_000 } }); // QQ stops taking replies to that message
  try {
    const hostLog = join(work, 'openclaw.log');
    const warning = await wait(
      () =>
        readFileSync(hostLog, 'utf8')
          .split('\n')
          .find((line) => line.includes(`(job ${refusedId}) was NOT delivered`) && line.includes(`qqbot:group:${refusedGroup}`)),
      "the plugin's warning that the reminder was not delivered",
      150_000,
    );
    const code = /QQ code (\d+)/.exec(warning)?.[1];
    check(code !== undefined, `the warning names no QQ code: ${warning.slice(0, 600)}`);
    check(!sim.messagesTo(refusedGroup).some((m) => m.text.includes(FIRED)), 'a refused reminder was recorded as delivered by the simulator');
    log(`a reminder QQ refused at fire time is logged as not delivered, with QQ code ${code} (${version})`);
  } finally {
    sim.configure({ replyWindows: { group: 300_000 } });
  }
}
