// The official plugin's 2.0 settings as OpenClaw 2026.9.6 documents them (docs/channels/qqbot.md):
// group tool policies, SecretRefs held by secret providers, the secret-only token file, the
// default account's env fallback, streaming's object form, contextVisibility, and
// groupAllowFrom listing member openids.
import { describe, expect, it } from 'vitest';
import { QQBotChannelConfigSchema, createQQBotChannelPlugin } from '../../src/index.js';
import { resolveAccount } from '../../src/config/resolveAccount.js';
import { checkAccess } from '../../src/inbound/checkAccess.js';
import { toInboundFields } from '../../src/inbound/toInboundFields.js';
import { SentMessageIndex } from '../../src/inbound/SentMessageIndex.js';
import { fakeMessage } from '../support/fakeMessage.js';
import { fakeSources } from '../support/fakeSources.js';

const GROUP = 'C9F1AB22D3E4F5061728394A5B6C7D8E';
const OWNER = 'E4F3A1B2C3D4E5F60718293A4B5C6D7E';

const sources = fakeSources;

/** The group example of OpenClaw's qqbot page, with the 2.0 keys. */
const OFFICIAL_GROUPS = {
  appId: '102000000',
  clientSecret: 'secret',
  allowFrom: ['openclaw:approval-disabled'],
  groups: {
    '*': { requireMention: true, commandLevel: 'all', historyLimit: 50, tools: { deny: ['exec', 'read', 'write'] } },
    [GROUP]: {
      name: 'Release room',
      requireMention: false,
      ignoreOtherMentions: true,
      commandLevel: 'safety',
      historyLimit: 20,
      prompt: 'Keep replies short and operational.',
      toolsBySender: { [`id:${OWNER}`]: { alsoAllow: ['exec'] }, '*': { deny: ['exec', 'browser'] } },
    },
  },
  streaming: { mode: 'partial', nativeTransport: true },
  contextVisibility: 'allowlist',
};

describe("the official plugin's 2.0 group settings", () => {
  it("validate, and the host gets each group's tool policy and mention rule through groups.*", () => {
    expect(QQBotChannelConfigSchema.safeParse(OFFICIAL_GROUPS).success).toBe(true);
    const plugin = createQQBotChannelPlugin({
      createBot: () => {
        throw new Error('not started');
      },
      sources: sources(),
    });
    const cfg = { channels: { qqbot: OFFICIAL_GROUPS } };
    expect(plugin.groups.resolveToolPolicy({ cfg, groupId: 'OTHERGROUP0000000000000000000000' })).toEqual({ deny: ['exec', 'read', 'write'] });
    expect(plugin.groups.resolveToolPolicy({ cfg, groupId: `qqbot:group:${GROUP}`, senderId: OWNER })).toEqual({ alsoAllow: ['exec'] });
    expect(plugin.groups.resolveToolPolicy({ cfg, groupId: GROUP, senderId: 'SOMEONEELSE00000000000000000000' })).toEqual({ deny: ['exec', 'browser'] });
    expect(plugin.groups.resolveRequireMention({ cfg, groupId: GROUP })).toBe(false);
    expect(plugin.groups.resolveRequireMention({ cfg, groupId: 'OTHERGROUP0000000000000000000000' })).toBe(true);
  });

  it('the older toolPolicy reads as a tool policy: none denies every tool, restricted the runtime and file tools', () => {
    const plugin = createQQBotChannelPlugin({
      createBot: () => {
        throw new Error('not started');
      },
      sources: sources(),
    });
    const cfg = (toolPolicy: string) => ({ channels: { qqbot: { appId: '1', clientSecret: 's', groups: { '*': { toolPolicy } } } } });
    expect(plugin.groups.resolveToolPolicy({ cfg: cfg('none'), groupId: GROUP })).toEqual({ deny: ['*'] });
    expect(plugin.groups.resolveToolPolicy({ cfg: cfg('restricted'), groupId: GROUP })).toEqual({ deny: ['group:runtime', 'group:fs'] });
    expect(plugin.groups.resolveToolPolicy({ cfg: cfg('full'), groupId: GROUP })).toBeUndefined();
  });

  it('streaming: { mode, nativeTransport } decides C2C streaming; mode "off" or nativeTransport false turn it off', () => {
    const streaming = (value: unknown) =>
      resolveAccount({ channels: { qqbot: { appId: '1', clientSecret: 's', streaming: value } } }, undefined, sources()).config.streaming;
    expect(streaming({ mode: 'partial', nativeTransport: true })).toBe(true);
    expect(streaming({ mode: 'partial', nativeTransport: false })).toBe(false);
    expect(streaming({ mode: 'off' })).toBe(false);
    expect(streaming({ c2cStreamApi: false })).toBe(false);
  });
});

describe('credentials the way the official plugin takes them', () => {
  it('a file-backed SecretRef: singleValue reads the whole file, JSON mode follows the id as a JSON pointer', () => {
    const single = resolveAccount(
      {
        secrets: { providers: { qqbot_secret: { source: 'file', path: '/run/qq', mode: 'singleValue' } } },
        channels: { qqbot: { appId: '102000000', clientSecret: { source: 'file', provider: 'qqbot_secret', id: 'value' } } },
      },
      undefined,
      sources({}, { '/run/qq': 'fileSecret\n' }),
    );
    expect(single.credentials).toEqual({ appId: '102000000', clientSecret: 'fileSecret' });
    const json = resolveAccount(
      {
        secrets: { providers: { vault: { source: 'file', path: '/run/secrets.json' } } },
        channels: { qqbot: { appId: '102000000', clientSecret: { source: 'file', provider: 'vault', id: '/qq/main' } } },
      },
      undefined,
      sources({}, { '/run/secrets.json': '{"qq":{"main":"jsonSecret"}}' }),
    );
    expect(json.credentials).toEqual({ appId: '102000000', clientSecret: 'jsonSecret' });
    const missing = resolveAccount(
      { channels: { qqbot: { appId: '102000000', clientSecret: { source: 'file', provider: 'nope', id: 'value' } } } },
      undefined,
      sources(),
    );
    expect(missing.problem).toMatch(/secrets\.providers\.nope is not a file provider/u);
  });

  it('an env SecretRef honours the provider allowlist', () => {
    const cfg = {
      secrets: { providers: { default: { source: 'env', allowlist: ['OTHER'] } } },
      channels: { qqbot: { appId: '1', clientSecret: { source: 'env', provider: 'default', id: 'QQ_SECRET' } } },
    };
    expect(resolveAccount(cfg, undefined, sources({ QQ_SECRET: 'x' })).problem).toMatch(/allowlist does not list QQ_SECRET/u);
  });

  it('--token-file holding the AppSecret alone works with appId in the config', () => {
    const account = resolveAccount(
      { channels: { qqbot: { appId: '102000000', tokenFile: '/etc/qq/secret' } } },
      undefined,
      sources({}, { '/etc/qq/secret': 'onlyTheSecret\n' }),
    );
    expect(account.credentials).toEqual({ appId: '102000000', clientSecret: 'onlyTheSecret' });
  });

  it('the default account takes QQBOT_APP_ID / QQBOT_CLIENT_SECRET for what its config lacks; named accounts do not', () => {
    const env = { QQBOT_APP_ID: '102000009', QQBOT_CLIENT_SECRET: 'envSecret' };
    expect(resolveAccount({ channels: { qqbot: {} } }, undefined, sources(env)).credentials).toEqual({ appId: '102000009', clientSecret: 'envSecret' });
    expect(resolveAccount({ channels: { qqbot: { appId: '102000001' } } }, undefined, sources(env)).credentials).toEqual({
      appId: '102000001',
      clientSecret: 'envSecret',
    });
    expect(resolveAccount({ channels: { qqbot: { accounts: { bot2: { appId: '102000002' } } } } }, 'bot2', sources(env)).credentials).toBeUndefined();
    expect(resolveAccount({ channels: { qqbot: { appId: '102000001' } } }, undefined, sources()).problem).toMatch(/appId is set but no AppSecret/u);
  });
});

describe('access and context', () => {
  it('groupAllowFrom may list member openids (the official meaning) as well as group openids', () => {
    const config = QQBotChannelConfigSchema.parse({ groupPolicy: 'allowlist', groupAllowFrom: [OWNER], requireMention: false });
    const from = (author: string, group: string) =>
      fakeMessage('group', { target: { scene: 'group', groupOpenid: group }, author: { id: author, isBot: false }, mentionedBot: true });
    expect(checkAccess(from(OWNER, GROUP), config).action).toBe('dispatch');
    expect(checkAccess(from('STRANGER000000000000000000000000', GROUP), config)).toMatchObject({
      action: 'drop',
      reason: expect.stringMatching(/groupAllowFrom/u),
    });
    const byGroup = QQBotChannelConfigSchema.parse({ groupPolicy: 'allowlist', groupAllowFrom: [GROUP] });
    expect(checkAccess(from('STRANGER000000000000000000000000', GROUP), byGroup).action).toBe('dispatch');
  });

  it('contextVisibility "allowlist" keeps the text of quotes of the bot, drops other quoted text and non-allowed senders\' history', () => {
    const sent = new SentMessageIndex();
    sent.remember('REFIDX_bot', '机器人之前说的话');
    const config = QQBotChannelConfigSchema.parse({ contextVisibility: 'allowlist', allowFrom: [OWNER], requireMention: true });
    const quoting = (refIdx: string, content?: string) =>
      fakeMessage('c2c', { quote: { refIdx, attachments: [], ...(content !== undefined ? { content } : {}) } });
    const own = toInboundFields(quoting('REFIDX_bot'), { accountId: 'default', sessionKey: 's', commandAuthorized: true, config, sent });
    expect(own).toMatchObject({ ReplyToBody: '机器人之前说的话', ReplyToSender: 'assistant' });
    const other = toInboundFields(quoting('REFIDX_user', '别人写的话'), { accountId: 'default', sessionKey: 's', commandAuthorized: true, config, sent });
    expect(other['ReplyToId']).toBe('REFIDX_user');
    expect(other['ReplyToBody']).toBeUndefined();
    const all = toInboundFields(quoting('REFIDX_user', '别人写的话'), {
      accountId: 'default',
      sessionKey: 's',
      commandAuthorized: true,
      config: { ...config, contextVisibility: 'all' },
      sent,
    });
    expect(all['ReplyToBody']).toBe('别人写的话');

    const chatter = (author: string) =>
      fakeMessage('group', {
        target: { scene: 'group', groupOpenid: GROUP },
        author: { id: author, isBot: false },
        mentionedBot: false,
        eventType: 'GROUP_MESSAGE_CREATE',
      });
    expect(checkAccess(chatter(OWNER), config)).toMatchObject({ action: 'drop', keepAsHistory: true });
    expect(checkAccess(chatter('STRANGER000000000000000000000000'), config)).not.toHaveProperty('keepAsHistory');
  });
});
