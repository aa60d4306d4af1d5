import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';
import { parseAppCredentials, type AppCredentials } from '../credentials.js';
import type { HostConfig } from '../host/HostTypes.js';
import { withOfficialAliases } from './officialCompat.js';
import { readSecretRef } from './secretRef.js';
import { QQBotChannelConfigSchema, type QQBotAccountConfig, type QQBotChannelConfig } from './QQBotConfigSchema.js';

/** Where the plugin reads things that are not in the config: env and token files. */
export interface AccountSources {
  /** Environment variables (read when an account sets `useEnv`). */
  readonly env: () => Readonly<Record<string, string | undefined>>;
  /** Reads a token or secret file (when an account sets `tokenFile` or `clientSecretFile`). */
  readonly readFile: (path: string) => string;
}

/** An account with its credentials and options resolved: what `startAccount` runs. */
export interface ResolvedQQBotAccount {
  /** The account id (`default` for the top-level account). */
  readonly accountId: string;
  /** Display name, when set. */
  readonly name?: string;
  /** Whether the account should run. */
  readonly enabled: boolean;
  /** The app credentials, when they could be resolved. */
  readonly credentials?: AppCredentials;
  /** Where the credentials came from. */
  readonly credentialSource: 'config' | 'secretRef' | 'clientSecretFile' | 'token' | 'tokenFile' | 'env' | 'none';
  /** Why the account is not configured, when it is not (never contains a secret). */
  readonly problem?: string;
  /** The account's settings with the top-level defaults applied. */
  readonly config: QQBotAccountConfig;
}

const CREDENTIAL_KEYS = ['appId', 'clientSecret', 'clientSecretFile', 'token', 'tokenFile', 'useEnv'] as const;

/** Reads and validates `channels.qqbot`; an invalid section reads as empty (the host reports schema errors). */
export function readChannelSection(cfg: HostConfig): QQBotChannelConfig {
  const parsed = QQBotChannelConfigSchema.safeParse(cfg.channels?.[CHANNEL_ID] ?? {});
  return parsed.success ? parsed.data : {};
}

function hasCredentials(section: QQBotAccountConfig): boolean {
  return CREDENTIAL_KEYS.some((key) => section[key] !== undefined);
}

/** Account ids in `channels.qqbot`: `default` (top level) when it has credentials or nothing else exists, then `accounts.*`. */
export function listAccountIds(cfg: HostConfig): string[] {
  const section = readChannelSection(cfg);
  const named = Object.keys(section.accounts ?? {});
  return hasCredentials(section) || named.length === 0 ? [DEFAULT_ACCOUNT_ID, ...named] : named;
}

function resolveCredentials(
  config: QQBotAccountConfig,
  cfg: HostConfig,
  sources: AccountSources,
  isDefault: boolean,
): Pick<ResolvedQQBotAccount, 'credentials' | 'credentialSource' | 'problem'> {
  try {
    const secret = config.clientSecret;
    if (config.appId !== undefined && typeof secret === 'string') {
      return { credentials: { appId: config.appId, clientSecret: secret }, credentialSource: 'config' };
    }
    if (config.appId !== undefined && secret !== undefined && typeof secret === 'object') {
      const lookup = readSecretRef(secret, cfg, sources);
      if ('problem' in lookup) return { credentialSource: 'secretRef', problem: lookup.problem };
      return { credentials: { appId: config.appId, clientSecret: lookup.value }, credentialSource: 'secretRef' };
    }
    if (config.appId !== undefined && config.clientSecretFile !== undefined) {
      const value = sources.readFile(config.clientSecretFile).trim();
      if (!value) return { credentialSource: 'clientSecretFile', problem: `clientSecretFile ${config.clientSecretFile} is empty` };
      return { credentials: { appId: config.appId, clientSecret: value }, credentialSource: 'clientSecretFile' };
    }
    if (config.token !== undefined) {
      return { credentials: parseAppCredentials(config.token), credentialSource: 'token' };
    }
    if (config.tokenFile !== undefined) {
      const text = sources.readFile(config.tokenFile).trim();
      // The official plugin's --token-file holds the AppSecret alone, with appId in the config.
      if (!text.includes(':') && config.appId !== undefined && text !== '') {
        return { credentials: { appId: config.appId, clientSecret: text }, credentialSource: 'tokenFile' };
      }
      return { credentials: parseAppCredentials(text), credentialSource: 'tokenFile' };
    }
    // The default account also takes QQBOT_APP_ID / QQBOT_CLIENT_SECRET for what its config lacks,
    // as the official plugin does; named accounts only with useEnv.
    if (config.useEnv === true || isDefault) {
      const env = sources.env();
      const appId = config.appId ?? env['QQBOT_APP_ID']?.trim();
      const clientSecret = env['QQBOT_CLIENT_SECRET']?.trim();
      if ((!appId || !clientSecret) && config.useEnv === true) {
        return { credentialSource: 'env', problem: 'useEnv is set but QQBOT_APP_ID or QQBOT_CLIENT_SECRET is empty in the gateway environment' };
      }
      if (!appId || !clientSecret) return noCredentials(config);
      return { credentials: parseAppCredentials(`${appId}:${clientSecret}`), credentialSource: 'env' };
    }
  } catch (error) {
    // parseAppCredentials never echoes the secret; file errors carry only the path.
    return { credentialSource: 'none', problem: error instanceof Error ? error.message : String(error) };
  }
  return noCredentials(config);
}

function noCredentials(config: QQBotAccountConfig): Pick<ResolvedQQBotAccount, 'credentialSource' | 'problem'> {
  return {
    credentialSource: 'none',
    problem:
      config.appId !== undefined
        ? 'appId is set but no AppSecret: set clientSecret (or a SecretRef), clientSecretFile, or QQBOT_CLIENT_SECRET for the default account'
        : 'no credentials: run `openclaw channels add --channel qqbot --token <AppID:AppSecret>`',
  };
}

/**
 * Resolves one account: named accounts inherit the top-level policies and connection options but
 * never the top-level credentials.
 */
export function resolveAccount(cfg: HostConfig, accountId: string | null | undefined, sources: AccountSources): ResolvedQQBotAccount {
  const section = readChannelSection(cfg);
  const id = accountId ?? DEFAULT_ACCOUNT_ID;
  const { accounts, ...topLevel } = section;
  let config: QQBotAccountConfig = topLevel;
  if (id !== DEFAULT_ACCOUNT_ID || accounts?.[id] !== undefined) {
    const inherited: QQBotAccountConfig = { ...topLevel };
    for (const key of CREDENTIAL_KEYS) delete inherited[key];
    config = { ...inherited, ...(accounts?.[id] ?? {}) };
  }
  config = withOfficialAliases(config);
  return {
    accountId: id,
    ...(config.name !== undefined ? { name: config.name } : {}),
    enabled: config.enabled !== false,
    ...resolveCredentials(config, cfg, sources, id === DEFAULT_ACCOUNT_ID && accounts?.[id] === undefined),
    config,
  };
}
