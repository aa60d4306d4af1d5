import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPROVAL_DISABLED_ENTRY, QQBotChannelConfigSchema, pluginManifest } from '../../src/index.js';
import { listAccountIds, resolveAccount } from '../../src/config/resolveAccount.js';
import { fakeSources } from '../support/fakeSources.js';

const sources = fakeSources;

describe('channels.qqbot config', () => {
  it('the committed openclaw.plugin.json is exactly the manifest generated from the zod schema', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../openclaw.plugin.json', import.meta.url), 'utf8'));
    // On drift: pnpm --filter clawdbot-qqbot build && pnpm --filter clawdbot-qqbot manifest
    expect(committed).toEqual(pluginManifest());
  });

  it('the manifest schema rejects unknown keys and lowercase or "*" allowFrom entries, like the host', () => {
    const schema = (pluginManifest()['channelConfigs'] as Record<string, { schema: Record<string, unknown> }>)['qqbot']?.schema;
    expect(schema?.['additionalProperties']).toBe(false);
    expect(QQBotChannelConfigSchema.safeParse({ allowFrom: ['*'] }).success).toBe(false);
    expect(QQBotChannelConfigSchema.safeParse({ allowFrom: ['abc'] }).success).toBe(false);
    expect(QQBotChannelConfigSchema.safeParse({ allowFrom: [APPROVAL_DISABLED_ENTRY, 'E4F3A1B2'] }).success).toBe(true);
    expect(QQBotChannelConfigSchema.safeParse({ typo: 1 }).success).toBe(false);
  });

  it('lists the top-level account as default, then named accounts', () => {
    expect(listAccountIds({})).toEqual(['default']);
    expect(listAccountIds({ channels: { qqbot: { token: '1:a', accounts: { shop: { token: '2:b' } } } } })).toEqual(['default', 'shop']);
    expect(listAccountIds({ channels: { qqbot: { accounts: { shop: { token: '2:b' } } } } })).toEqual(['shop']);
  });

  it('resolves credentials from appId+clientSecret, token, token file and env', () => {
    const env = { QQBOT_APP_ID: '102000001', QQBOT_CLIENT_SECRET: 'envSecret' };
    const files = { '/run/qq.token': '102000002:fileSecret\n' };
    const cfg = {
      channels: {
        qqbot: {
          appId: '102000000',
          clientSecret: 'cfgSecret',
          accounts: { a: { token: '102000003:tokSecret' }, b: { tokenFile: '/run/qq.token' }, c: { useEnv: true } },
        },
      },
    };
    expect(resolveAccount(cfg, undefined, sources(env, files)).credentials).toEqual({ appId: '102000000', clientSecret: 'cfgSecret' });
    expect(resolveAccount(cfg, 'a', sources(env, files))).toMatchObject({ credentialSource: 'token', credentials: { appId: '102000003' } });
    expect(resolveAccount(cfg, 'b', sources(env, files))).toMatchObject({
      credentialSource: 'tokenFile',
      credentials: { appId: '102000002', clientSecret: 'fileSecret' },
    });
    expect(resolveAccount(cfg, 'c', sources(env, files))).toMatchObject({ credentialSource: 'env', credentials: { appId: '102000001' } });
  });

  it('named accounts inherit policies and connection options but never the top-level credentials', () => {
    const cfg = {
      channels: { qqbot: { token: '1:topSecret', apiBaseUrl: 'http://127.0.0.1:9/', dmPolicy: 'open', accounts: { shop: { transport: 'webhook' } } } },
    };
    const shop = resolveAccount(cfg, 'shop', sources());
    expect(shop.credentials).toBeUndefined();
    expect(shop.problem).toMatch(/channels add --channel qqbot/);
    expect(shop.config).toMatchObject({ apiBaseUrl: 'http://127.0.0.1:9/', dmPolicy: 'open', transport: 'webhook' });
  });

  it('explains missing env credentials without echoing any secret', () => {
    const account = resolveAccount({ channels: { qqbot: { useEnv: true } } }, null, sources({ QQBOT_APP_ID: '1' }));
    expect(account.credentials).toBeUndefined();
    expect(account.problem).toMatch(/QQBOT_CLIENT_SECRET/);
    const bad = resolveAccount({ channels: { qqbot: { token: 'nocolonSECRETVALUE' } } }, null, sources());
    expect(bad.problem).toMatch(/AppID:AppSecret/);
    expect(bad.problem).not.toContain('SECRETVALUE');
  });
});
