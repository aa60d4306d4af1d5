// A second account with transport "webhook" (the official plugin's keys: webhook.path) takes QQ's
// callbacks on the gateway's own HTTP port, with no gateway token: a second simulator validates
// the callback URL (op 13), posts a signed C2C and a signed group @-message to
// http://127.0.0.1:<gateway port>/qqbot/webhook, and each gets the agent's answer as a passive
// reply; a callback signed with another secret is refused by the plugin (401) and answered by
// nobody. The gateway-mode default account keeps working beside it (basics).
export const name = 'webhook';
const APP_ID = '102000088';
const SECRET = 'webhookAccountSecret';
const USER = 'B1C2D3E4F5A60718293A4B5C6D7E8F90';
const ASK = 'E2E_WEBHOOK_ASK';
const ANSWER = 'E2E_WEBHOOK_OK';
const PATH = '/qqbot/webhook';
let sim3;

export const answer = (userText) => (userText.includes(ASK) ? `${ANSWER} 回调收到` : undefined);

export async function setup(ctx) {
  // webhookRetries 0: a refused or unanswered callback shows at once instead of being re-posted.
  sim3 = await ctx.QQSimulator.start({ appId: APP_ID, clientSecret: SECRET, webhookRetries: 0 });
  ctx.cleanup(() => sim3.close());
}

export function configureChannel(qqbot) {
  qqbot.accounts = {
    ...qqbot.accounts,
    hook: {
      enabled: true,
      appId: APP_ID,
      clientSecret: SECRET,
      dmPolicy: 'open',
      allowFrom: ['openclaw:approval-disabled'],
      transport: 'webhook',
      webhook: { path: PATH },
      apiBaseUrl: sim3.url,
      tokenUrl: sim3.tokenUrl,
    },
  };
}

export async function run({ gatewayPort, check, log, sleep }) {
  const url = `http://127.0.0.1:${gatewayPort}${PATH}`;
  // The route is mounted at plugin load and answers once the account runs (503 until then).
  const t0 = Date.now();
  let validation;
  while (Date.now() - t0 < 90_000) {
    validation = await sim3.validateWebhook(url).catch((error) => ({ valid: false, status: 0, body: String(error) }));
    if (validation.valid) break;
    await sleep(1_000);
  }
  check(validation?.valid === true, `op 13 on ${url} was not answered with a valid signature: ${JSON.stringify(validation)}`);
  log(`op 13 validation answered on the gateway port (${PATH}, no gateway token) after ${Date.now() - t0} ms`);

  const t1 = Date.now();
  const c2c = await sim3.deliverWebhook(url, 'C2C_MESSAGE_CREATE', { content: `${ASK} 私聊`, author: { id: USER, user_openid: USER } });
  check(c2c.acknowledged, `the C2C callback was not acknowledged with op 12: ${JSON.stringify(c2c.attempts)}`);
  const c2cId = JSON.parse(c2c.body).d.id;
  const c2cReply = await sim3.waitFor(() => sim3.messagesTo(USER).find((m) => m.msgId === c2cId && m.text.includes(ANSWER)), {
    timeoutMs: 120_000,
    description: 'the answer to the C2C callback',
  });
  check(c2cReply.passive, `the C2C answer is not a passive reply: ${JSON.stringify(c2cReply)}`);
  log(`C2C callback acknowledged (${c2c.attempts.length} POST), passive reply (msg_seq ${c2cReply.msgSeq}) ${Date.now() - t1} ms after the callback`);

  const t2 = Date.now();
  const group = await sim3.deliverWebhook(url, 'GROUP_AT_MESSAGE_CREATE', { content: ` ${ASK} 群聊` });
  check(group.acknowledged, `the group callback was not acknowledged: ${JSON.stringify(group.attempts)}`);
  const groupEvent = JSON.parse(group.body).d;
  const groupReply = await sim3.waitFor(() => sim3.messagesTo(groupEvent.group_openid).find((m) => m.msgId === groupEvent.id && m.text.includes(ANSWER)), {
    timeoutMs: 120_000,
    description: 'the answer to the group callback',
  });
  check(groupReply.passive && groupReply.msgSeq === 1, `the group answer: ${JSON.stringify(groupReply)}`);
  log(`group @ callback: passive reply (msg_seq 1) ${Date.now() - t2} ms after the callback`);

  // Signed with a secret that is not the account's: the plugin refuses it, nothing is dispatched.
  const before = sim3.sentMessages.length;
  const body = JSON.stringify({
    op: 0,
    id: 'C2C_MESSAGE_CREATE:forged',
    t: 'C2C_MESSAGE_CREATE',
    d: { id: 'forged', content: ASK, timestamp: new Date().toISOString(), author: { id: USER, user_openid: USER } },
  });
  const forged = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-bot-appid': APP_ID,
      'x-signature-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-signature-ed25519': 'ab'.repeat(64),
    },
    body,
  });
  const forgedBody = await forged.text();
  check(forged.status === 401 && /"error"/.test(forgedBody), `a forged callback got ${forged.status} ${forgedBody.slice(0, 200)}`);
  await sleep(3_000);
  check(sim3.sentMessages.length === before, 'a forged callback was answered');
  log(`a callback with a forged signature: ${forged.status} from the plugin (${JSON.parse(forgedBody).error}), nothing sent`);
}
