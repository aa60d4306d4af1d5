// The plugin's /bot-* commands are answered without a model call, the host's own commands
// (/status) reach QQ as replies, and with commandPanel on the account publishes the command panel
// QQ shows after "/" (/v2/panels).
export const name = 'commands';

export function configureChannel(qqbot) {
  qqbot.commandPanel = true;
}

export async function run({ sim, model, wait, check, log, c2cOpenid }) {
  const created = await wait(
    (s) => {
      const posts = s.requests.filter((r) => r.route === 'POST /v2/panels');
      return posts.length >= 2 && posts;
    },
    'the command panels (private chats and groups)',
    60_000,
  );
  const names = created[0].body.panel.items.map((item) => item.name);
  check(
    ['/bot-help', '/bot-ping', '/bot-me', '/status'].every((command) => names.includes(command)),
    `panel items: ${names.join(' ')}`,
  );
  log(`command panels published on start: ${created.length}, items ${names.join(' ')}`);

  const before = model.requests.length;
  const ping = sim.inject('C2C_MESSAGE_CREATE', { content: '/bot-ping', author: { id: c2cOpenid, user_openid: c2cOpenid } });
  const pong = await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === ping.data.id), 'the /bot-ping answer', 60_000);
  check(/^pong：/u.test(pong.text) && pong.passive, `/bot-ping answer: ${JSON.stringify(pong)}`);
  const version = sim.inject('C2C_MESSAGE_CREATE', { content: '/bot-version', author: { id: c2cOpenid, user_openid: c2cOpenid } });
  const versions = await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === version.data.id), 'the /bot-version answer', 60_000);
  check(/OpenClaw 2026\./u.test(versions.text), `/bot-version answer: ${versions.text}`);
  check(model.requests.length === before, 'a /bot-* command reached the model');
  log(`/bot-ping and /bot-version answered by the plugin, no model call (${versions.text.replace(/\n/g, ', ')})`);

  const status = sim.inject('C2C_MESSAGE_CREATE', { content: '/status', author: { id: c2cOpenid, user_openid: c2cOpenid } });
  const reply = await wait(
    (s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === status.data.id && /OpenClaw/u.test(m.text)),
    "the host's /status reply",
    120_000,
  );
  log(`the host's /status reply reached QQ (${reply.text.split('\n')[0].slice(0, 60)}…)`);
}
