// A user of the official plugin (@tencent-connect/openclaw-qqbot 2.x) installs this one with the
// same `channels.qqbot` section: it must validate, resolve and mean the same.
import { resolveLogger } from 'qq-sdk';
import { describe, expect, it } from 'vitest';
import { QQBotChannelConfigSchema } from '../../src/index.js';
import { ignoredOfficialKeys } from '../../src/config/officialCompat.js';
import { resolveAccount } from '../../src/config/resolveAccount.js';
import { checkAccess } from '../../src/inbound/checkAccess.js';
import { handleInbound } from '../../src/inbound/handleInbound.js';
import { fakeMessage } from '../support/fakeMessage.js';
import { fakeRuntime } from '../support/fakeRuntime.js';
import { fakeSources } from '../support/fakeSources.js';

const GROUP = 'C9F1AB22D3E4F5061728394A5B6C7D8E';
const QUIET_GROUP = 'AAAA1111BBBB2222CCCC3333DDDD4444';

/** The official plugin's settings, as its README and types describe them. */
const OFFICIAL = {
  appId: '102000000',
  clientSecretFile: '/etc/qqbot/secret',
  dmPolicy: 'open',
  groupPolicy: 'open',
  markdownSupport: false,
  defaultRequireMention: true,
  systemPrompt: '你是一个友好的助手。',
  streaming: { mode: 'off' },
  groups: {
    '*': { requireMention: true, historyLimit: 20, toolPolicy: 'restricted' },
    [GROUP]: { name: '测试群', requireMention: false, prompt: '在本群用简短的中文回答。' },
    [QUIET_GROUP]: { ignoreOtherMentions: true, requireMention: false },
  },
  stt: { provider: 'openai', model: 'whisper-1' },
  tts: { provider: 'openai', voice: 'alloy' },
  audioFormatPolicy: { transcodeEnabled: false },
  urlDirectUpload: true,
  upgradeMode: 'doc',
  deliverDebounce: { enabled: true, windowMs: 1500 },
  processingTimeoutMs: 0,
  userAgentSuffix: 'myco',
  execApprovals: { enabled: false },
  webhook: { path: '/qqbot/webhook' },
};

const sources = fakeSources;

describe("the official plugin's config works unchanged", () => {
  it('validates, reads the secret from clientSecretFile and maps the renamed settings', () => {
    expect(QQBotChannelConfigSchema.safeParse(OFFICIAL).success).toBe(true);
    const account = resolveAccount({ channels: { qqbot: OFFICIAL } }, undefined, sources({}, { '/etc/qqbot/secret': 'theSecret\n' }));
    expect(account.credentials).toEqual({ appId: '102000000', clientSecret: 'theSecret' });
    expect(account.credentialSource).toBe('clientSecretFile');
    expect(account.config).toMatchObject({ markdown: false, requireMention: true, streaming: false });
  });

  it('reads a SecretRef from the environment, and says clearly which sources it cannot read', () => {
    const byEnv = resolveAccount(
      { channels: { qqbot: { appId: '102000000', clientSecret: { source: 'env', provider: 'default', id: 'QQ_SECRET' } } } },
      undefined,
      sources({ QQ_SECRET: 's3' }),
    );
    expect(byEnv.credentials).toEqual({ appId: '102000000', clientSecret: 's3' });
    const byExec = resolveAccount({ channels: { qqbot: { appId: '102000000', clientSecret: { source: 'exec', id: 'vault' } } } }, undefined, sources());
    expect(byExec.credentials).toBeUndefined();
    expect(byExec.problem).toMatch(/source "exec".*never runs commands.*source "env" or "file"/u);
  });

  it('lists the official keys it accepts but does not act on, so the log says so', () => {
    const config = QQBotChannelConfigSchema.parse(OFFICIAL);
    const notes = ignoredOfficialKeys(config);
    expect(notes.map((line) => line.split(':')[0])).toEqual(
      expect.arrayContaining(['stt.provider, stt.model', 'tts', 'urlDirectUpload', 'upgradeMode', 'deliverDebounce', 'processingTimeoutMs', 'userAgentSuffix']),
    );
    // execApprovals has a meaning now (src/approvals/).
    expect(notes.some((line) => line.startsWith('execApprovals'))).toBe(false);
  });

  it('applies per-group settings over "*": requireMention, ignoreOtherMentions', () => {
    const { config } = resolveAccount({ channels: { qqbot: OFFICIAL } }, undefined, sources({}, { '/etc/qqbot/secret': 'x' }));
    const plain = (groupOpenid: string, extra = {}) =>
      fakeMessage('group', { target: { scene: 'group', groupOpenid }, mentionedBot: false, eventType: 'GROUP_MESSAGE_CREATE', ...extra });
    expect(checkAccess(plain(GROUP), config).action).toBe('dispatch');
    expect(checkAccess(plain('OTHERGROUP00000000000000000000000'), config)).toMatchObject({
      action: 'drop',
      reason: expect.stringContaining('requireMention') as string,
    });
    expect(checkAccess(plain(QUIET_GROUP, { mentions: [{ id: 'SOMEONEELSE', isBot: false }] }), config)).toMatchObject({
      action: 'drop',
      reason: expect.stringContaining('ignoreOtherMentions') as string,
    });
    expect(checkAccess(plain(QUIET_GROUP), config).action).toBe('dispatch');
  });

  it("gives the agent the systemPrompt, the group's prompt and its name", async () => {
    const { runtime, record } = fakeRuntime();
    const account = resolveAccount({ channels: { qqbot: OFFICIAL } }, undefined, sources({}, { '/etc/qqbot/secret': 'x' }));
    const message = fakeMessage('group', { target: { scene: 'group', groupOpenid: GROUP }, content: '今天天气如何', mentionedBot: true });
    await handleInbound(message, { cfg: {}, account, runtime, logger: resolveLogger({}, 'silent') });
    expect(record.contexts[0]).toMatchObject({
      Body: '今天天气如何',
      BodyForAgent: '你是一个友好的助手。\n\n今天天气如何',
      GroupSubject: '测试群',
      GroupSystemPrompt: '在本群用简短的中文回答。',
    });
  });
});
