import { describe, expect, it } from 'vitest';
import { APPROVAL_DISABLED_ENTRY, QQBotChannelConfigSchema } from '../../src/index.js';
import { applySetupInput, validateSetupInput } from '../../src/setup/setupAdapter.js';

describe('openclaw channels add --channel qqbot', () => {
  it('accepts exactly one credential source', () => {
    expect(validateSetupInput({ token: '102000000:secret' })).toBeNull();
    expect(validateSetupInput({ tokenFile: '/run/qq' })).toBeNull();
    expect(validateSetupInput({ useEnv: true })).toBeNull();
    expect(validateSetupInput({})).toMatch(/--token <AppID:AppSecret>/);
    expect(validateSetupInput({ token: '1:a', useEnv: true })).toMatch(/only one/);
    expect(validateSetupInput({ token: 'app:secret' })).toMatch(/AppID part/);
  });

  it('writes the default account at the top level with the allowFrom the host requires', () => {
    const cfg = applySetupInput({ gateway: { mode: 'local' } }, undefined, { token: '102000000:secret' });
    expect(cfg['gateway']).toEqual({ mode: 'local' });
    expect(cfg.channels?.['qqbot']).toEqual({ enabled: true, token: '102000000:secret', allowFrom: [APPROVAL_DISABLED_ENTRY] });
    expect(QQBotChannelConfigSchema.safeParse(cfg.channels?.['qqbot']).success).toBe(true);
  });

  it('adds named accounts under accounts.<id>, never accounts.default, and replaces the credential source', () => {
    let cfg = applySetupInput({}, 'default', { token: '1:a', allowFrom: 'e4f3a1b2, C9F1' });
    cfg = applySetupInput(cfg, 'shop', { useEnv: true, name: 'Shop' });
    cfg = applySetupInput(cfg, 'shop', { tokenFile: '/run/shop' });
    const section = cfg.channels?.['qqbot'] as Record<string, unknown>;
    expect(section['allowFrom']).toEqual(['E4F3A1B2', 'C9F1']);
    expect(section['accounts']).toEqual({ shop: { enabled: true, name: 'Shop', tokenFile: '/run/shop', allowFrom: [APPROVAL_DISABLED_ENTRY] } });
    expect(QQBotChannelConfigSchema.safeParse(section).success).toBe(true);
  });
});
