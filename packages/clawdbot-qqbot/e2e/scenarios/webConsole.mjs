// Named to run late (scenarios outside SCENARIO_ORDER run alphabetically), after the timing-
// sensitive reminders: it adds a C2C conversation and a model turn of its own.
// The plugin in the simulator's console: a person types in the console's private chat, the host's
// model answers through the plugin, and the answer is in the console's feed (what the page draws)
// next to the API call that sent it. The browser side of the console is tested in qq-sdk.
export const name = 'webConsole';
const ASK = 'E2E_CONSOLE_ASK';
const ANSWER = 'E2E_CONSOLE_ANSWER';

export const answer = (userText) => (userText.includes(ASK) ? `${ANSWER} 来自模型` : undefined);

/** The console's first Server-Sent Event: every conversation and entry it shows now. */
async function consoleSnapshot(simUrl) {
  const controller = new AbortController();
  const response = await fetch(`${simUrl}/_console/feed`, { signal: controller.signal });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (let read = 0; read < 1000 && !text.includes('\n\n'); read++) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    controller.abort();
  }
  const data = /event: snapshot\ndata: (.*)\n\n/u.exec(text)?.[1];
  if (data === undefined) throw new Error(`no console snapshot in: ${text.slice(0, 200)}`);
  return JSON.parse(data);
}

export async function run({ sim, wait, check, log, c2cOpenid }) {
  // Typed in the console as the allow-listed private-chat user (the console's 阿强).
  const said = await fetch(`${sim.url}/_console/say`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat: 'c2c-1', user: c2cOpenid, text: `${ASK} 你好` }),
  });
  check(said.ok, `console say answered ${said.status}: ${await said.clone().text()}`);
  const { messageId } = await said.json();
  await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === messageId && m.text.includes(ANSWER)), 'the answer to the console message', 120_000);

  const snapshot = await consoleSnapshot(sim.url);
  const reply = snapshot.entries.find((e) => e.kind === 'reply' && e.chat === 'c2c-1' && e.replyTo === messageId && e.text.includes(ANSWER));
  check(reply !== undefined, `the console does not show the answer: ${JSON.stringify(snapshot.entries.filter((e) => e.chat === 'c2c-1')).slice(0, 600)}`);
  const call = snapshot.entries.find((e) => e.kind === 'call' && e.msgId === messageId && e.status === 200 && e.route === 'POST /v2/users/{openid}/messages');
  check(call !== undefined && call.msgSeq >= 1, `the console does not show the send call: ${JSON.stringify(call)}`);
  log(`the console shows the model's answer to its own message (msg_seq ${reply.msgSeq ?? call.msgSeq})`);
}
