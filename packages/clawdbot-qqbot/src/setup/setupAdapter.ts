import { APPROVAL_DISABLED_ENTRY } from '../config/QQBotConfigSchema.js';
import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';
import { parseAppCredentials } from '../credentials.js';
import type { HostConfig, HostSetupInput } from '../host/HostTypes.js';

/** One account's settings, or the whole `channels.qqbot` section, as plain JSON. */
export type Section = Record<string, unknown>;

function asRecord(value: unknown): Section {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Section) : {};
}

function allowFromOf(input: HostSetupInput): string[] | undefined {
  const raw = input.allowFrom;
  if (raw === undefined) return undefined;
  const entries = (typeof raw === 'string' ? raw.split(',') : [...raw]).map((entry) => entry.trim()).filter(Boolean);
  return entries.length > 0 ? entries.map((entry) => (entry === APPROVAL_DISABLED_ENTRY ? entry : entry.toUpperCase())) : undefined;
}

/**
 * Checks `openclaw channels add --channel qqbot …` input: exactly one credential source, and a
 * well-formed `AppID:AppSecret` token. Returns the problem, or `null` when the input is usable.
 */
export function validateSetupInput(input: HostSetupInput): string | null {
  const sources = [input.token, input.tokenFile, input.useEnv ? true : undefined].filter((value) => value !== undefined);
  if (sources.length === 0) return `${CHANNEL_ID} needs --token <AppID:AppSecret>, --token-file <path> or --use-env`;
  if (sources.length > 1) return `${CHANNEL_ID}: pass only one of --token, --token-file and --use-env`;
  if (input.token !== undefined) {
    try {
      parseAppCredentials(input.token);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  return null;
}

/** Keys that say where an account's credentials come from; a new source replaces all of them. */
export const CREDENTIAL_SOURCE_KEYS = ['appId', 'clientSecret', 'clientSecretFile', 'token', 'tokenFile', 'useEnv'] as const;

/**
 * Writes one account of `channels.qqbot`: the `default` account at the top level of the section
 * (the host forbids `accounts.default`), others under `accounts.<id>`. `build` gets the account's
 * current settings and returns the new ones. The host requires `allowFrom` for channel `qqbot`
 * (its compatibility migration opens DMs when it is missing or empty), so an account without one
 * gets the host's "no static entries" literal, and so does the top level when named accounts exist.
 */
export function writeAccountConfig(cfg: HostConfig, accountId: string | null | undefined, build: (previous: Section) => Section): HostConfig {
  const section = asRecord(cfg.channels?.[CHANNEL_ID]);
  const id = accountId ?? DEFAULT_ACCOUNT_ID;
  const previous = id === DEFAULT_ACCOUNT_ID ? section : asRecord(asRecord(section['accounts'])[id]);
  const { accounts: _accounts, ...previousAccount } = previous;
  const built = build(previousAccount);
  const account: Section = {
    ...built,
    allowFrom: Array.isArray(built['allowFrom']) && built['allowFrom'].length > 0 ? built['allowFrom'] : [APPROVAL_DISABLED_ENTRY],
  };
  const nextSection: Section =
    id === DEFAULT_ACCOUNT_ID
      ? { ...account, ...(section['accounts'] !== undefined ? { accounts: section['accounts'] } : {}) }
      : { ...section, accounts: { ...asRecord(section['accounts']), [id]: account } };
  if (id !== DEFAULT_ACCOUNT_ID && !Array.isArray(nextSection['allowFrom'])) nextSection['allowFrom'] = [APPROVAL_DISABLED_ENTRY];
  return { ...cfg, channels: { ...cfg.channels, [CHANNEL_ID]: nextSection } };
}

/**
 * Writes an account from `openclaw channels add --channel qqbot --token …` input (see
 * {@link writeAccountConfig} for where it goes). The credential source replaces any previous one.
 */
export function applySetupInput(cfg: HostConfig, accountId: string | null | undefined, input: HostSetupInput): HostConfig {
  return writeAccountConfig(cfg, accountId, (previous) => {
    const kept = withoutCredentialSource(previous);
    return {
      ...kept,
      enabled: true,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.token !== undefined ? { token: input.token.trim() } : {}),
      ...(input.tokenFile !== undefined ? { tokenFile: input.tokenFile } : {}),
      ...(input.useEnv ? { useEnv: true } : {}),
      allowFrom: allowFromOf(input) ?? kept['allowFrom'],
    };
  });
}

/** An account's settings without any credential source key. */
export function withoutCredentialSource(account: Section): Section {
  const kept: Section = { ...account };
  for (const key of CREDENTIAL_SOURCE_KEYS) delete kept[key];
  return kept;
}
