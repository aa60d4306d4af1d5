import { createServer } from 'node:net';
import { QQSimulator } from 'qq-sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPROVAL_DISABLED_ENTRY,
  createQQBotChannelPlugin,
  createQQBotSetupWizard,
  QQ_OPENCLAW_BOT_URL,
  QQ_OPEN_PLATFORM_URL,
  QQBotChannelConfigSchema,
  type CredentialVerifier,
  type HostConfig,
  type WizardConfigureContext,
} from '../../src/index.js';
import { resolveAccount } from '../../src/config/resolveAccount.js';
import { fakeBotFactory } from '../support/fakeBot.js';
import { fakeSources } from '../support/fakeSources.js';
import { scriptedPrompter, type ScriptStep } from './scriptedPrompter.js';

const APP_ID = '102000001';
const SECRET = 'wizardSecretValue42';
let sim: QQSimulator;
/** A loopback port nothing listens on: the "offline" token endpoint. */
let deadTokenUrl: string;

beforeAll(async () => {
  sim = await QQSimulator.start({ appId: APP_ID, clientSecret: SECRET });
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address !== null ? address.port : 1;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  deadTokenUrl = `http://127.0.0.1:${port}/app/getAppAccessToken`;
});
afterAll(async () => {
  await sim.close();
});

const runtime = { log: () => {}, error: () => {} };
const context = (cfg: HostConfig, steps: readonly ScriptStep[], extra: Partial<WizardConfigureContext> = {}) => {
  const prompter = scriptedPrompter(steps);
  const ctx: WizardConfigureContext = { cfg, runtime, prompter, accountOverrides: {}, shouldPromptAccountIds: true, forceAllowFrom: false, ...extra };
  return { ctx, prompter };
};
const qqbot = (cfg: HostConfig): Record<string, unknown> => cfg.channels?.['qqbot'] as Record<string, unknown>;

/** Steps from the endpoint question on, pointing the account at the simulator. */
const simulatorEndpoint = (): ScriptStep[] => [
  { select: /Which QQ API/, answer: 'custom' },
  { text: /OpenAPI base URL/, answer: sim.url, rejected: ['not a url', 'ftp://x'] },
  // The pre-filled token URL is the simulator's.
  { text: /token URL/, answer: undefined },
];
const defaultsAfterCheck = (dm: ScriptStep[] = [{ select: /private chats/, answer: 'pairing' }]): ScriptStep[] => [
  { select: /deliver events/, answer: 'websocket' },
  { confirm: /markdown/, answer: true },
  ...dm,
  { select: /groups and guild channels/, answer: 'open' },
];

describe('setup wizard (openclaw channels add, onboard, configure)', () => {
  it('is the imperative setup adapter the host looks for on the channel plugin', () => {
    const plugin = createQQBotChannelPlugin({ createBot: fakeBotFactory().create, sources: fakeSources() });
    // openclaw 2026.9.6 dist/onboard-channels-*.mjs isChannelSetupWizardAdapter: getStatus + configure functions.
    expect(plugin.setupWizard.channel).toBe('qqbot');
    expect(typeof plugin.setupWizard.getStatus).toBe('function');
    expect(typeof plugin.setupWizard.configure).toBe('function');
  });

  it('links the bot creation pages, checks the credentials against QQ (the simulator) and writes the default account', async () => {
    const wizard = createQQBotSetupWizard({ sources: fakeSources() });
    const tokenRequests = sim.tokenRequests;
    const { ctx, prompter } = context({ gateway: { mode: 'local' } }, [
      { select: /QQ Bot \(Official API\) account/, answer: 'default' },
      { text: /^AppID$/, answer: APP_ID, rejected: ['abc', '1020 0001', ''] },
      { select: /get the AppSecret/, answer: 'plaintext' },
      { text: /^AppSecret$/, answer: SECRET, masked: true, rejected: ['', 'has space'] },
      ...simulatorEndpoint(),
      ...defaultsAfterCheck(),
    ]);
    const result = await wizard.configure(ctx);
    expect(prompter.remaining()).toBe(0);
    expect(result.accountId).toBe('default');
    expect(result.cfg['gateway']).toEqual({ mode: 'local' });
    expect(qqbot(result.cfg)).toEqual({
      enabled: true,
      appId: APP_ID,
      clientSecret: SECRET,
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      transport: 'websocket',
      markdown: true,
      dmPolicy: 'pairing',
      allowFrom: [APPROVAL_DISABLED_ENTRY],
      groupPolicy: 'open',
    });
    expect(QQBotChannelConfigSchema.safeParse(qqbot(result.cfg)).success).toBe(true);
    expect(resolveAccount(result.cfg, 'default', fakeSources()).credentials).toEqual({ appId: APP_ID, clientSecret: SECRET });
    // One token request reached the simulator and it was accepted.
    expect(sim.tokenRequests).toBe(tokenRequests + 1);
    expect(prompter.transcript).toContain(`QQ accepted AppID ${APP_ID} (an app access token was issued)`);
    const intro = prompter.notes[0]?.[1] ?? '';
    expect(intro).toContain(QQ_OPENCLAW_BOT_URL);
    expect(intro).toContain(QQ_OPEN_PLATFORM_URL);
    expect(prompter.rejections.join('\n')).toMatch(/digits/);
    // The secret is never shown.
    expect(prompter.transcript.join('\n')).not.toContain(SECRET);
  });

  it("explains a wrong AppSecret (code 100016) and a wrong AppID (100007) from qq-sdk's catalogue, then takes new ones", async () => {
    const wizard = createQQBotSetupWizard({ sources: fakeSources() });
    const { ctx, prompter } = context({}, [
      { select: /account/, answer: 'default' },
      { text: /^AppID$/, answer: APP_ID },
      { select: /get the AppSecret/, answer: 'plaintext' },
      { text: /^AppSecret$/, answer: 'wrongSecret' },
      ...simulatorEndpoint(),
      { select: /What now/, answer: 'reenter' },
      // The AppID is pre-filled with the last answer.
      { text: /^AppID$/, answer: '102999999' },
      { select: /get the AppSecret/, answer: 'plaintext' },
      { text: /^AppSecret$/, answer: SECRET },
      { select: /What now/, answer: 'reenter' },
      { text: /^AppID$/, answer: APP_ID },
      { select: /get the AppSecret/, answer: 'plaintext' },
      { text: /^AppSecret$/, answer: SECRET },
      ...defaultsAfterCheck(),
    ]);
    const result = await wizard.configure(ctx);
    expect(prompter.remaining()).toBe(0);
    const [wrongSecret, wrongAppId] = prompter.notes.filter(([title]) => title.startsWith('Code '));
    expect(wrongSecret?.[0]).toBe('Code 100016');
    expect(wrongSecret?.[1]).toMatch(/QQ refused the credentials with code 100016.*The AppID and AppSecret do not match/);
    expect(wrongAppId?.[0]).toBe('Code 100007');
    expect(wrongAppId?.[1]).toMatch(/does not know this appId/);
    expect(qqbot(result.cfg)['clientSecret']).toBe(SECRET);
    expect(qqbot(result.cfg)['appId']).toBe(APP_ID);
    const shown = prompter.transcript.join('\n');
    expect(shown).not.toContain('wrongSecret');
    expect(shown).not.toContain(SECRET);
  });

  it('lets the user save refused credentials on purpose', async () => {
    const wizard = createQQBotSetupWizard({ sources: fakeSources() });
    const { ctx } = context({}, [
      { select: /account/, answer: 'default' },
      { text: /^AppID$/, answer: APP_ID },
      { select: /get the AppSecret/, answer: 'plaintext' },
      { text: /^AppSecret$/, answer: 'rotatedLater' },
      ...simulatorEndpoint(),
      { select: /What now/, answer: 'save' },
      ...defaultsAfterCheck(),
    ]);
    expect(qqbot((await wizard.configure(ctx)).cfg)['clientSecret']).toBe('rotatedLater');
  });

  it('goes on without the check when QQ cannot be reached (offline), after an optional retry', async () => {
    const wizard = createQQBotSetupWizard({ sources: fakeSources() });
    const { ctx, prompter } = context({}, [
      { select: /account/, answer: 'default' },
      { text: /^AppID$/, answer: APP_ID },
      { select: /get the AppSecret/, answer: 'plaintext' },
      { text: /^AppSecret$/, answer: SECRET },
      { select: /Which QQ API/, answer: 'custom' },
      { text: /OpenAPI base URL/, answer: deadTokenUrl.replace('/app/getAppAccessToken', '') },
      { text: /token URL/, answer: deadTokenUrl },
      { select: /What now/, answer: 'again' },
      { select: /What now/, answer: 'skip' },
      ...defaultsAfterCheck(),
    ]);
    const result = await wizard.configure(ctx);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.notes.filter(([title]) => title === 'Credential check not possible')).toHaveLength(2);
    expect(prompter.notes.find(([title]) => title === 'Credential check not possible')?.[1]).toMatch(/could not be reached/);
    expect(qqbot(result.cfg)).toMatchObject({ appId: APP_ID, clientSecret: SECRET, tokenUrl: deadTokenUrl, dmPolicy: 'pairing' });
  });

  it('stores the AppSecret as an env SecretRef (QQBOT_CLIENT_SECRET) and checks it with the value of this shell', async () => {
    const checks: string[] = [];
    const verify: CredentialVerifier = async (check) => {
      checks.push(`${check.appId}:${check.clientSecret}:${String(check.tokenUrl)}`);
      return { ok: true };
    };
    const sources = fakeSources({ QQBOT_CLIENT_SECRET: 'fromEnv' });
    const wizard = createQQBotSetupWizard({ sources, verify });
    const { ctx, prompter } = context({}, [
      { select: /account/, answer: 'default' },
      { text: /^AppID$/, answer: APP_ID },
      { select: /get the AppSecret/, answer: 'env' },
      { text: /Environment variable/, answer: undefined, rejected: ['NOT VALID', '1ABC'] },
      { select: /Which QQ API/, answer: 'production' },
      ...defaultsAfterCheck(),
    ]);
    const result = await wizard.configure(ctx);
    expect(prompter.remaining()).toBe(0);
    expect(checks).toEqual([`${APP_ID}:fromEnv:undefined`]);
    expect(qqbot(result.cfg)['clientSecret']).toEqual({ source: 'env', provider: 'default', id: 'QQBOT_CLIENT_SECRET' });
    expect(QQBotChannelConfigSchema.safeParse(qqbot(result.cfg)).success).toBe(true);
    expect(resolveAccount(result.cfg, 'default', sources)).toMatchObject({
      credentialSource: 'secretRef',
      credentials: { appId: APP_ID, clientSecret: 'fromEnv' },
    });
  });

  it('skips the check with a note when the env variable is not set here, and offers no plaintext in secret-ref mode', async () => {
    const verify: CredentialVerifier = async () => {
      throw new Error('must not be called');
    };
    const wizard = createQQBotSetupWizard({ sources: fakeSources(), verify });
    const { ctx, prompter } = context(
      {},
      [
        { select: /account/, answer: 'default' },
        { text: /^AppID$/, answer: APP_ID },
        { select: /get the AppSecret/, answer: 'env' },
        { text: /Environment variable/, answer: 'QQ_SHOP_SECRET' },
        { select: /Which QQ API/, answer: 'sandbox' },
        ...defaultsAfterCheck(),
      ],
      { options: { secretInputMode: 'ref' } },
    );
    const result = await wizard.configure(ctx);
    expect(prompter.transcript).not.toContain('Enter it now');
    expect(prompter.notes.find(([title]) => title === 'Credential check skipped')?.[1]).toMatch(/QQ_SHOP_SECRET is not set in this shell/);
    expect(qqbot(result.cfg)).toMatchObject({ sandbox: true, clientSecret: { source: 'env', provider: 'default', id: 'QQ_SHOP_SECRET' } });
  });

  it('takes the AppSecret from a file (clientSecretFile), refusing unreadable and empty files', async () => {
    const sources = fakeSources({}, { '/run/qq-secret': `${SECRET}\n`, '/run/empty': '  ' });
    const wizard = createQQBotSetupWizard({ sources });
    const { ctx, prompter } = context({}, [
      { select: /account/, answer: 'default' },
      { text: /^AppID$/, answer: APP_ID },
      { select: /get the AppSecret/, answer: 'file' },
      { text: /Path of the file/, answer: '/run/qq-secret', rejected: ['/nope', '/run/empty'] },
      ...simulatorEndpoint(),
      ...defaultsAfterCheck(),
    ]);
    const result = await wizard.configure(ctx);
    expect(prompter.rejections.slice(0, 2)).toEqual(['Cannot read /nope', 'The file is empty']);
    expect(prompter.transcript).toContain(`QQ accepted AppID ${APP_ID} (an app access token was issued)`);
    expect(qqbot(result.cfg)).toMatchObject({ appId: APP_ID, clientSecretFile: '/run/qq-secret' });
    expect(qqbot(result.cfg)['clientSecret']).toBeUndefined();
  });

  it('adds a named account under accounts.<id> next to the default one, with an allow-list and listed groups', async () => {
    const wizard = createQQBotSetupWizard({ sources: fakeSources(), verify: async () => ({ ok: true }) });
    const before: HostConfig = { channels: { qqbot: { enabled: true, token: `${APP_ID}:${SECRET}`, allowFrom: [APPROVAL_DISABLED_ENTRY] } } };
    const { ctx } = context(before, [
      { select: /account/, answer: '__new__' },
      { text: /New account id/, answer: 'Shop', rejected: ['bad id!', ''] },
      { text: /^AppID$/, answer: '102000002' },
      { select: /get the AppSecret/, answer: 'plaintext' },
      { text: /^AppSecret$/, answer: 'shopSecret' },
      { select: /Which QQ API/, answer: 'production' },
      { select: /deliver events/, answer: 'webhook' },
      { confirm: /markdown/, answer: false },
      { select: /private chats/, answer: 'allowlist' },
      { text: /openids allowed/, answer: 'e4f4aea33253a2797fb897c50b81d7ed, qqbot:c2c:C9F1', rejected: ['', '*'] },
      { select: /groups and guild channels/, answer: 'allowlist' },
      { text: /Group openids/, answer: 'ABCDEF0123' },
    ]);
    const result = await wizard.configure(ctx);
    expect(result.accountId).toBe('shop');
    const section = qqbot(result.cfg);
    expect(section['token']).toBe(`${APP_ID}:${SECRET}`);
    expect(section['accounts']).toEqual({
      shop: {
        enabled: true,
        appId: '102000002',
        clientSecret: 'shopSecret',
        transport: 'webhook',
        markdown: false,
        dmPolicy: 'allowlist',
        allowFrom: ['E4F4AEA33253A2797FB897C50B81D7ED', 'C9F1'],
        groupPolicy: 'allowlist',
        groupAllowFrom: ['ABCDEF0123'],
      },
    });
    expect(QQBotChannelConfigSchema.safeParse(section).success).toBe(true);
  });

  it('keeps configured credentials on request and re-checks them; asks the allow-list when the flow forces it', async () => {
    const checks: string[] = [];
    const wizard = createQQBotSetupWizard({
      sources: fakeSources(),
      verify: async (check) => {
        checks.push(check.appId);
        return { ok: true };
      },
    });
    const before: HostConfig = { channels: { qqbot: { enabled: true, appId: APP_ID, clientSecret: SECRET, dmPolicy: 'open', allowFrom: ['C9F1'] } } };
    const { ctx } = context(
      before,
      [
        { confirm: /Keep the configured credentials \(AppID 102000001, from config\)/, answer: true },
        { select: /Which QQ API/, answer: 'production' },
        ...defaultsAfterCheck([
          { select: /private chats/, answer: 'pairing' },
          { text: /openids allowed/, answer: undefined },
        ]),
      ],
      { shouldPromptAccountIds: false, forceAllowFrom: true },
    );
    const result = await wizard.configure(ctx);
    expect(checks).toEqual([APP_ID]);
    expect(qqbot(result.cfg)).toMatchObject({ appId: APP_ID, clientSecret: SECRET, dmPolicy: 'pairing', allowFrom: ['C9F1'] });
  });

  it('offers QQBOT_APP_ID / QQBOT_CLIENT_SECRET from the environment (useEnv) and keeps quickstart short', async () => {
    const sources = fakeSources({ QQBOT_APP_ID: APP_ID, QQBOT_CLIENT_SECRET: SECRET });
    const wizard = createQQBotSetupWizard({ sources, verify: async () => ({ ok: true }) });
    const { ctx, prompter } = context(
      {},
      [
        { confirm: /QQBOT_APP_ID \(102000001\) and QQBOT_CLIENT_SECRET are set/, answer: true },
        { select: /private chats/, answer: 'disabled' },
      ],
      { shouldPromptAccountIds: false, options: { quickstartDefaults: true } },
    );
    const result = await wizard.configure(ctx);
    expect(prompter.remaining()).toBe(0);
    expect(qqbot(result.cfg)).toEqual({ enabled: true, useEnv: true, dmPolicy: 'disabled', allowFrom: [APPROVAL_DISABLED_ENTRY] });
    expect(prompter.transcript.join('\n')).not.toContain(SECRET);
  });

  it('reports status for the channel picker and disables the channel', async () => {
    const wizard = createQQBotSetupWizard({ sources: fakeSources() });
    expect(await wizard.getStatus({ cfg: {} })).toMatchObject({ channel: 'qqbot', configured: false, selectionHint: 'needs AppID + AppSecret' });
    const cfg: HostConfig = { channels: { qqbot: { token: `${APP_ID}:${SECRET}` } } };
    const status = await wizard.getStatus({ cfg });
    expect(status.configured).toBe(true);
    expect(status.statusLines.join('\n')).not.toContain(SECRET);
    expect(wizard.disable(cfg).channels?.['qqbot']).toEqual({ token: `${APP_ID}:${SECRET}`, enabled: false });
  });
});
