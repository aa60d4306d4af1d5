// A second account configured exactly as OpenClaw's qqbot page (2026.9.6) documents the official
// plugin's settings: the AppSecret as an env SecretRef, markdownSupport, streaming { mode,
// nativeTransport }, groups."*" with commandLevel, historyLimit and tools, stt/tts, execApprovals,
// contextVisibility. Only apiBaseUrl/tokenUrl are added, to reach a second simulator. The host
// validates it, and the account connects and answers with those settings applied.
export const name = 'officialConfig';
const APP_ID = '102000077';
const SECRET_ENV = 'E2E_OFFICIAL_QQ_SECRET';
const SECRET = 'officialAccountSecret';
const USER = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
let sim2;

export async function setup(ctx) {
  sim2 = await ctx.QQSimulator.start({ appId: APP_ID, clientSecret: SECRET, heartbeatIntervalMs: 5_000 });
  ctx.cleanup(() => sim2.close());
  ctx.env[SECRET_ENV] = SECRET;
}

export function configureChannel(qqbot) {
  qqbot.accounts = {
    ...qqbot.accounts,
    official: {
      enabled: true,
      dmPolicy: 'open',
      allowFrom: ['openclaw:approval-disabled'],
      appId: APP_ID,
      clientSecret: { source: 'env', provider: 'default', id: SECRET_ENV },
      markdownSupport: false,
      streaming: { mode: 'partial', nativeTransport: false },
      contextVisibility: 'all',
      groups: { '*': { requireMention: true, commandLevel: 'all', historyLimit: 50, tools: { deny: ['exec', 'read', 'write'] } } },
      stt: { provider: 'fake', model: 'whisper-1' },
      tts: { provider: 'fake', model: 'tts-1', voice: 'alloy' },
      execApprovals: { enabled: false },
      upgradeMode: 'doc',
      apiBaseUrl: sim2.url,
      tokenUrl: sim2.tokenUrl,
    },
  };
}

export async function run({ check, log }) {
  await sim2.waitFor((s) => s.sessions.some((session) => session.connected), { timeoutMs: 60_000, description: 'the official-config account to connect' });
  const dm = sim2.inject('C2C_MESSAGE_CREATE', { content: '你好', author: { id: USER, user_openid: USER } });
  const reply = await sim2.waitFor(() => sim2.messagesTo(USER).find((m) => m.msgId === dm.data.id && m.body.msg_type !== 6), {
    timeoutMs: 120_000,
    description: 'the answer on the official-config account',
  });
  check(reply.passive, `not a passive reply: ${JSON.stringify(reply)}`);
  check(reply.body.msg_type === 0, `markdownSupport: false should send plain text, got msg_type ${reply.body.msg_type}`);
  check(reply.streamChunks === undefined, 'streaming.nativeTransport: false should not use the C2C stream API');
  const group = sim2.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 在吗' });
  await sim2.waitFor(() => sim2.messagesTo(group.data.group_openid).some((m) => m.msgId === group.data.id), {
    timeoutMs: 120_000,
    description: 'the group answer on the official-config account',
  });
  log(
    'an account configured as the official plugin documents it connects (env SecretRef) and answers: plain text (markdownSupport false), no C2C stream (nativeTransport false), group @ answered',
  );
}
