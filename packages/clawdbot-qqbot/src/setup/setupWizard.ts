import { listAccountIds, resolveAccount, type AccountSources } from '../config/resolveAccount.js';
import { APPROVAL_DISABLED_ENTRY } from '../config/QQBotConfigSchema.js';
import { CHANNEL_ID, CHANNEL_LABEL, DEFAULT_ACCOUNT_ID } from '../constants.js';
import type { HostConfig } from '../host/HostTypes.js';
import { CREDENTIAL_SOURCE_KEYS, withoutCredentialSource, writeAccountConfig, type Section } from './setupAdapter.js';
import { verifyAppCredentials, type CredentialCheckResult, type CredentialVerifier } from './verifyCredentials.js';
import type { QQBotSetupWizard, WizardConfigureContext, WizardPrompter } from './WizardTypes.js';

/** QQ's one-click page that creates a bot for OpenClaw after a scan with mobile QQ. */
export const QQ_OPENCLAW_BOT_URL = 'https://q.qq.com/qqbot/openclaw/index.html';
/** The QQ Open Platform console, where bots are created and their AppID / AppSecret are shown. */
export const QQ_OPEN_PLATFORM_URL = 'https://q.qq.com/';
/** The environment variable the AppSecret is read from by default (as the official plugin names it). */
export const SECRET_ENV_VAR = 'QQBOT_CLIENT_SECRET';
/** The environment variable of the AppID (with {@link SECRET_ENV_VAR}, what `useEnv` reads). */
export const APP_ID_ENV_VAR = 'QQBOT_APP_ID';

/** What the setup wizard is built from. */
export interface QQBotSetupWizardOptions {
  /** Env and files: where `useEnv`, SecretRef and secret-file answers are read for the check. */
  readonly sources: AccountSources;
  /** Checks the credentials (default: an app access token request through qq-sdk). */
  readonly verify?: CredentialVerifier;
}

type DmPolicy = 'pairing' | 'allowlist' | 'open' | 'disabled';
type GroupPolicy = 'open' | 'allowlist' | 'disabled';

/** The credentials chosen: what to write, and the secret itself when it can be read here (for the check only). */
interface CredentialAnswer {
  /** Keep the account's current credential keys. */
  readonly keep: boolean;
  /** Credential keys to write (when not kept). */
  readonly write: Section;
  readonly appId: string;
  readonly secret: string | undefined;
  /** Why the secret cannot be read here, when it cannot. */
  readonly unreadable?: string;
}

const ENDPOINT_KEYS = ['sandbox', 'apiBaseUrl', 'tokenUrl'] as const;
const asRecord = (value: unknown): Section => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Section) : {});
const isUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};
/** Access-list entries as QQ sends them: uppercase openids (C2C, group) or digits (guild). */
const splitEntries = (raw: string): string[] =>
  raw
    .split(/[\s,;]+/)
    .map((entry) =>
      entry
        .trim()
        .replace(/^qqbot:(user:|c2c:|group:)?/i, '')
        .toUpperCase(),
    )
    .filter(Boolean);
const validateEntries = (raw: string): string | undefined => {
  const entries = splitEntries(raw);
  if (entries.length === 0) return 'Enter at least one id';
  const bad = entries.find((entry) => !/^[0-9A-Z_-]+$/.test(entry));
  return bad === undefined ? undefined : `"${bad}" is not a QQ openid (letters and digits as QQ sends them; "*" is not allowed)`;
};
/** Host account ids are lowercase; the config accepts letters, digits, "_" and "-". */
const normalizeAccountId = (raw: string): string => raw.trim().toLowerCase();

/** The account's own settings (not inherited): the top level for `default`, `accounts.<id>` otherwise. */
function ownAccountSection(cfg: HostConfig, accountId: string): Section {
  const section = asRecord(cfg.channels?.[CHANNEL_ID]);
  return accountId === DEFAULT_ACCOUNT_ID ? section : asRecord(asRecord(section['accounts'])[accountId]);
}

/**
 * Builds the interactive setup for `openclaw channels add` (no credential flags), `openclaw
 * onboard` and `openclaw configure`: links the bot creation pages, asks the AppID and the
 * AppSecret (typed and masked, an environment variable as a SecretRef, or a file), checks them
 * with QQ's token endpoint through qq-sdk (refusals explained by platform code; offline, the user
 * may go on without the check), asks the API endpoint, event transport, markdown, DM policy
 * (pairing by default) and group policy, and writes the account as `channels add --token` does
 * (`default` at the top level of `channels.qqbot`, others under `accounts.<id>`). The secret is
 * never printed.
 */
export function createQQBotSetupWizard(options: QQBotSetupWizardOptions): QQBotSetupWizard {
  const verify = options.verify ?? verifyAppCredentials;
  const sources = options.sources;
  const env = (name: string): string | undefined => sources.env()[name]?.trim() || undefined;

  async function chooseAccount(ctx: WizardConfigureContext): Promise<string> {
    const override = ctx.accountOverrides[CHANNEL_ID]?.trim();
    if (override) return normalizeAccountId(override);
    if (!ctx.shouldPromptAccountIds) return DEFAULT_ACCOUNT_ID;
    const existing = listAccountIds(ctx.cfg);
    const choice = await ctx.prompter.select<string>({
      message: `${CHANNEL_LABEL} account`,
      options: [
        ...existing.map((id) => ({ value: id, label: id === DEFAULT_ACCOUNT_ID ? 'default (primary)' : id })),
        { value: '__new__', label: 'Add a new account', hint: 'a second bot, under channels.qqbot.accounts' },
      ],
      initialValue: existing[0] ?? DEFAULT_ACCOUNT_ID,
    });
    if (choice !== '__new__') return choice;
    const entered = await ctx.prompter.text({
      message: 'New account id (e.g. "shop")',
      validate: (value) => (/^[a-z0-9][a-z0-9_-]{0,63}$/.test(normalizeAccountId(value)) ? undefined : 'Use letters, digits, "_" and "-"'),
    });
    return normalizeAccountId(entered);
  }

  async function askAppSecret(prompter: WizardPrompter, appId: string, refOnly: boolean): Promise<CredentialAnswer> {
    const source = await prompter.select<'plaintext' | 'env' | 'file'>({
      message: 'How should the gateway get the AppSecret?',
      options: [
        ...(refOnly ? [] : [{ value: 'plaintext' as const, label: 'Enter it now', hint: 'stored in openclaw.json' }]),
        { value: 'env' as const, label: 'From an environment variable', hint: `a SecretRef to ${SECRET_ENV_VAR} or another variable, read by the gateway` },
        { value: 'file' as const, label: 'From a file', hint: 'a file holding only the AppSecret' },
      ],
      initialValue: refOnly ? 'env' : 'plaintext',
    });
    if (source === 'plaintext') {
      const secret = (
        await prompter.text({
          message: 'AppSecret',
          sensitive: true,
          validate: (value) => (value.trim() === '' ? 'Required' : /\s/.test(value.trim()) ? 'The AppSecret has no spaces' : undefined),
        })
      ).trim();
      return { keep: false, write: { appId, clientSecret: secret }, appId, secret };
    }
    if (source === 'env') {
      const name = (
        await prompter.text({
          message: 'Environment variable holding the AppSecret',
          initialValue: SECRET_ENV_VAR,
          validate: (value) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value.trim()) ? undefined : 'A variable name: letters, digits and "_"'),
        })
      ).trim();
      const secret = env(name);
      return {
        keep: false,
        write: { appId, clientSecret: { source: 'env', provider: 'default', id: name } },
        appId,
        secret,
        ...(secret === undefined ? { unreadable: `${name} is not set in this shell; set it in the gateway's environment before it starts` } : {}),
      };
    }
    let secret = '';
    const path = (
      await prompter.text({
        message: 'Path of the file holding the AppSecret',
        placeholder: '/etc/openclaw/qqbot-secret',
        validate: (value) => {
          try {
            secret = sources.readFile(value.trim()).trim();
          } catch {
            return `Cannot read ${value.trim() || 'that path'}`;
          }
          return secret === '' ? 'The file is empty' : undefined;
        },
      })
    ).trim();
    return { keep: false, write: { appId, clientSecretFile: path }, appId, secret };
  }

  async function askCredentials(ctx: WizardConfigureContext, offerEnv: boolean, initialAppId: string | undefined): Promise<CredentialAnswer> {
    const { prompter } = ctx;
    const envAppId = env(APP_ID_ENV_VAR);
    const envSecret = env(SECRET_ENV_VAR);
    if (offerEnv && envAppId !== undefined && /^\d+$/.test(envAppId) && envSecret !== undefined) {
      const useEnv = await prompter.confirm({
        message: `${APP_ID_ENV_VAR} (${envAppId}) and ${SECRET_ENV_VAR} are set. Read both from the gateway's environment (useEnv)?`,
        initialValue: true,
      });
      if (useEnv) return { keep: false, write: { useEnv: true }, appId: envAppId, secret: envSecret };
    }
    const appId = (
      await prompter.text({
        message: 'AppID',
        placeholder: '102000000',
        ...(initialAppId !== undefined ? { initialValue: initialAppId } : {}),
        validate: (value) => (/^\d+$/.test(value.trim()) ? undefined : "The AppID is digits (开发 → 开发设置 in the QQ console), not the bot's QQ number"),
      })
    ).trim();
    return askAppSecret(prompter, appId, ctx.options?.secretInputMode === 'ref');
  }

  async function askEndpoint(prompter: WizardPrompter, own: Section): Promise<Section | undefined> {
    const current = typeof own['apiBaseUrl'] === 'string' ? 'custom' : own['sandbox'] === true ? 'sandbox' : 'production';
    const endpoint = await prompter.select<'production' | 'sandbox' | 'custom'>({
      message: 'Which QQ API should the bot use?',
      options: [
        { value: 'production', label: 'QQ (api.bot.qq.com)', hint: 'recommended' },
        { value: 'sandbox', label: 'QQ sandbox (sandbox.api.bot.qq.com)', hint: 'sandbox groups and members set in the QQ console' },
        { value: 'custom', label: 'Custom URLs', hint: 'an egress proxy or the qq-sdk simulator' },
      ],
      initialValue: current,
    });
    if (endpoint === 'production') return {};
    if (endpoint === 'sandbox') return { sandbox: true };
    const urlCheck = (value: string): string | undefined => (isUrl(value.trim()) ? undefined : 'An http(s) URL');
    const apiBaseUrl = (
      await prompter.text({
        message: 'OpenAPI base URL',
        ...(typeof own['apiBaseUrl'] === 'string' ? { initialValue: own['apiBaseUrl'] } : {}),
        placeholder: 'https://api.bot.qq.com',
        validate: urlCheck,
      })
    )
      .trim()
      .replace(/\/+$/, '');
    const tokenUrl = (
      await prompter.text({
        message: 'App access token URL',
        initialValue: typeof own['tokenUrl'] === 'string' ? own['tokenUrl'] : `${apiBaseUrl}/app/getAppAccessToken`,
        validate: urlCheck,
      })
    ).trim();
    return { apiBaseUrl, tokenUrl };
  }

  /** Checks the credentials until they pass, the user saves them unchecked, or enters new ones (returned). */
  async function checkCredentials(
    ctx: WizardConfigureContext,
    answer: CredentialAnswer,
    tokenUrl: string | undefined,
    proxy: string | undefined,
  ): Promise<CredentialAnswer | 'done'> {
    const { prompter } = ctx;
    if (answer.secret === undefined) {
      await prompter.note(`The credentials are not checked now: ${answer.unreadable ?? 'the AppSecret cannot be read here'}.`, 'Credential check skipped');
      return 'done';
    }
    for (;;) {
      const spinner = prompter.progress('Checking the AppID and AppSecret with QQ…');
      let result: CredentialCheckResult;
      try {
        result = await verify({ appId: answer.appId, clientSecret: answer.secret, tokenUrl, proxy });
      } catch (error) {
        result = { ok: false, reason: 'unreachable', message: error instanceof Error ? error.message : String(error) };
      }
      if (result.ok) {
        spinner.stop(`QQ accepted AppID ${answer.appId} (an app access token was issued)`);
        return 'done';
      }
      if (result.reason === 'rejected') {
        spinner.stop('QQ refused the credentials');
        await prompter.note(
          [result.message, ...(result.traceId !== undefined ? [`Trace id (for QQ support): ${result.traceId}`] : [])].join('\n'),
          result.code !== undefined ? `Code ${result.code}` : 'Credentials refused',
        );
        const next = await prompter.select<'reenter' | 'save'>({
          message: 'What now?',
          options: [
            { value: 'reenter', label: 'Enter the AppID and AppSecret again' },
            { value: 'save', label: 'Save them anyway', hint: 'the account will not connect until they are fixed' },
          ],
          initialValue: 'reenter',
        });
        if (next === 'save') return 'done';
        return askCredentials(ctx, false, answer.appId);
      }
      spinner.stop('QQ could not be reached');
      await prompter.note(
        [result.message, 'You can save the account now; `openclaw channels status --probe` checks it once the gateway runs.'].join('\n'),
        'Credential check not possible',
      );
      const next = await prompter.select<'skip' | 'again' | 'reenter'>({
        message: 'What now?',
        options: [
          { value: 'skip', label: 'Continue without checking', hint: 'offline, or QQ is blocked from here' },
          { value: 'again', label: 'Try again' },
          { value: 'reenter', label: 'Enter the AppID and AppSecret again' },
        ],
        initialValue: 'skip',
      });
      if (next === 'skip') return 'done';
      if (next === 'reenter') return askCredentials(ctx, false, answer.appId);
    }
  }

  async function askDmPolicy(prompter: WizardPrompter, own: Section, forceAllowFrom: boolean): Promise<{ policy: DmPolicy; allowFrom: string[] }> {
    const currentPolicy = (typeof own['dmPolicy'] === 'string' ? own['dmPolicy'] : 'pairing') as DmPolicy;
    const currentEntries = Array.isArray(own['allowFrom'])
      ? own['allowFrom'].filter((entry): entry is string => typeof entry === 'string' && entry !== APPROVAL_DISABLED_ENTRY)
      : [];
    const policy = await prompter.select<DmPolicy>({
      message: 'Who may talk to the bot in private chats (QQ C2C and guild DMs)?',
      options: [
        { value: 'pairing', label: 'Pairing (recommended)', hint: `a new user gets a code; you approve it with openclaw pairing approve ${CHANNEL_ID} <code>` },
        { value: 'allowlist', label: 'Only listed users', hint: 'QQ user openids in allowFrom' },
        { value: 'open', label: 'Anyone who can reach the bot' },
        { value: 'disabled', label: 'No one', hint: 'groups only' },
      ],
      initialValue: currentPolicy,
    });
    if (policy !== 'allowlist' && !forceAllowFrom) return { policy, allowFrom: currentEntries };
    const raw = await prompter.text({
      message: 'QQ user openids allowed (comma separated; a user sees theirs with /bot-me)',
      ...(currentEntries.length > 0 ? { initialValue: currentEntries.join(', ') } : {}),
      placeholder: 'E4F4AEA33253A2797FB897C50B81D7ED',
      validate: validateEntries,
    });
    return { policy, allowFrom: splitEntries(raw) };
  }

  async function askGroupPolicy(prompter: WizardPrompter, own: Section): Promise<Section> {
    const currentPolicy = (typeof own['groupPolicy'] === 'string' ? own['groupPolicy'] : 'open') as GroupPolicy;
    const policy = await prompter.select<GroupPolicy>({
      message: 'In which QQ groups and guild channels may the bot answer?',
      options: [
        { value: 'open', label: 'Any group that adds the bot', hint: 'it answers @-mentions (requireMention)' },
        { value: 'allowlist', label: 'Only listed groups', hint: 'group openids / guild channel ids in groupAllowFrom' },
        { value: 'disabled', label: 'None', hint: 'private chats only' },
      ],
      initialValue: currentPolicy,
    });
    if (policy !== 'allowlist') return { groupPolicy: policy };
    const current = Array.isArray(own['groupAllowFrom']) ? own['groupAllowFrom'].filter((entry): entry is string => typeof entry === 'string') : [];
    const raw = await prompter.text({
      message: 'Group openids or guild channel ids (comma separated)',
      ...(current.length > 0 ? { initialValue: current.join(', ') } : {}),
      validate: validateEntries,
    });
    return { groupPolicy: policy, groupAllowFrom: splitEntries(raw) };
  }

  return {
    channel: CHANNEL_ID,
    getStatus: async ({ cfg }) => {
      const ids = listAccountIds(cfg);
      const configured = ids.some((id) => resolveAccount(cfg, id, sources).credentials !== undefined);
      return {
        channel: CHANNEL_ID,
        configured,
        statusLines: [`${CHANNEL_LABEL}: ${configured ? `configured (${ids.join(', ')})` : 'needs AppID + AppSecret'}`],
        selectionHint: configured ? 'configured' : 'needs AppID + AppSecret',
        quickstartScore: configured ? 1 : 5,
      };
    },
    configure: async (ctx) => {
      const { prompter } = ctx;
      const accountId = await chooseAccount(ctx);
      const own = ownAccountSection(ctx.cfg, accountId);
      const resolved = resolveAccount(ctx.cfg, accountId, sources);
      const quickstart = ctx.options?.quickstartDefaults === true;
      await prompter.note(
        [
          'The bot needs its AppID and AppSecret from the QQ Open Platform.',
          `New bot in one step (scan with mobile QQ): ${QQ_OPENCLAW_BOT_URL}`,
          `Existing bot: ${QQ_OPEN_PLATFORM_URL} → the bot → 开发 → 开发设置 (Development → Settings).`,
          'Docs: docs/openclaw.md of clawdbot-qqbot ("Setup wizard").',
        ].join('\n'),
        `${CHANNEL_LABEL}, account "${accountId}"`,
      );

      let answer: CredentialAnswer | undefined;
      // Only credentials the account's config names: the default account's implicit env fallback is offered below instead.
      if (resolved.credentials !== undefined && CREDENTIAL_SOURCE_KEYS.some((key) => own[key] !== undefined)) {
        const keep = await prompter.confirm({
          message: `Keep the configured credentials (AppID ${resolved.credentials.appId}, from ${resolved.credentialSource})?`,
          initialValue: true,
        });
        if (keep) answer = { keep: true, write: {}, appId: resolved.credentials.appId, secret: resolved.credentials.clientSecret };
      }
      answer ??= await askCredentials(ctx, accountId === DEFAULT_ACCOUNT_ID, typeof own['appId'] === 'string' ? own['appId'] : undefined);

      const endpoint = quickstart ? undefined : await askEndpoint(prompter, own);
      const tokenUrl = endpoint !== undefined ? (typeof endpoint['tokenUrl'] === 'string' ? endpoint['tokenUrl'] : undefined) : resolved.config.tokenUrl;
      for (;;) {
        const checked = await checkCredentials(ctx, answer, tokenUrl, resolved.config.proxy);
        if (checked === 'done') break;
        answer = checked;
      }

      const behaviour: Section = {};
      if (!quickstart) {
        behaviour['transport'] = await prompter.select<'websocket' | 'webhook'>({
          message: 'How should QQ deliver events to the bot?',
          options: [
            { value: 'websocket', label: 'WebSocket (recommended)', hint: 'no public URL needed' },
            { value: 'webhook', label: 'Webhook', hint: 'QQ calls https://<your host>/qqbot/webhook on the gateway; set that URL in the QQ console' },
          ],
          initialValue: own['transport'] === 'webhook' ? 'webhook' : 'websocket',
        });
        behaviour['markdown'] = await prompter.confirm({
          message: 'Send answers as markdown in private chats and groups? (needs the markdown permission; otherwise plain text)',
          initialValue: own['markdown'] !== false,
        });
      }
      const dm = ctx.options?.skipDmPolicyPrompt === true && !ctx.forceAllowFrom ? undefined : await askDmPolicy(prompter, own, ctx.forceAllowFrom);
      const groups = quickstart ? {} : await askGroupPolicy(prompter, own);

      const final = answer;
      const cfg = writeAccountConfig(ctx.cfg, accountId, (previous) => {
        const base = final.keep ? { ...previous } : withoutCredentialSource(previous);
        if (endpoint !== undefined) for (const key of ENDPOINT_KEYS) delete base[key];
        return {
          ...base,
          enabled: true,
          ...final.write,
          ...endpoint,
          ...behaviour,
          ...(dm !== undefined
            ? { dmPolicy: dm.policy, allowFrom: dm.allowFrom }
            : { dmPolicy: typeof previous['dmPolicy'] === 'string' ? previous['dmPolicy'] : 'pairing' }),
          ...groups,
        };
      });
      await prompter.note(
        [
          `Saved account "${accountId}" (AppID ${final.appId}) in channels.${CHANNEL_ID}.`,
          "IP allow-list: QQ refuses API calls from addresses missing from the bot's IP allow-list (code 11298); add this server's public IP under 开发 → 开发设置, or route through channels.qqbot.proxy.",
          'Intents: GROUP_AND_C2C_EVENT, PUBLIC_GUILD_MESSAGES and DIRECT_MESSAGE by default (channels.qqbot.intents).',
          'Next: start or restart the gateway (openclaw gateway run), then `openclaw channels status --probe`.',
          `Message the bot from QQ; with pairing, approve the code with \`openclaw pairing approve ${CHANNEL_ID} <code>\`. /bot-me shows a user's openid.`,
        ].join('\n'),
        'QQ Bot ready',
      );
      return { cfg, accountId };
    },
    disable: (cfg) => ({ ...cfg, channels: { ...cfg.channels, [CHANNEL_ID]: { ...asRecord(cfg.channels?.[CHANNEL_ID]), enabled: false } } }),
  };
}
