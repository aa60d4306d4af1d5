import { APPROVAL_DISABLED_ENTRY } from '../config/QQBotConfigSchema.js';
import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';
import { parseAppCredentials } from '../credentials.js';
import type { HostConfig, HostSetupInput } from '../host/HostTypes.js';

type Section = Record<string, unknown>;

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

/**
 * Writes an account from setup input: the `default` account at the top level of
 * `channels.qqbot` (the host forbids `accounts.default`), others under `accounts.<id>`. The
 * credential source replaces any previous one; `allowFrom` defaults to the host's
 * "no static entries" literal because the host requires the key for channel `qqbot`.
 */
export function applySetupInput(cfg: HostConfig, accountId: string | null | undefined, input: HostSetupInput): HostConfig {
  const section = asRecord(cfg.channels?.[CHANNEL_ID]);
  const id = accountId ?? DEFAULT_ACCOUNT_ID;
  const previous = id === DEFAULT_ACCOUNT_ID ? section : asRecord(asRecord(section['accounts'])[id]);
  const { appId: _a, clientSecret: _c, token: _t, tokenFile: _f, useEnv: _u, ...kept } = previous;
  const account: Section = {
    ...kept,
    enabled: true,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.token !== undefined ? { token: input.token.trim() } : {}),
    ...(input.tokenFile !== undefined ? { tokenFile: input.tokenFile } : {}),
    ...(input.useEnv ? { useEnv: true } : {}),
    allowFrom: allowFromOf(input) ?? (Array.isArray(kept['allowFrom']) ? kept['allowFrom'] : [APPROVAL_DISABLED_ENTRY]),
  };
  const nextSection: Section =
    id === DEFAULT_ACCOUNT_ID
      ? { ...account, ...(section['accounts'] !== undefined ? { accounts: section['accounts'] } : {}) }
      : { ...section, accounts: { ...asRecord(section['accounts']), [id]: account } };
  // The host also requires allowFrom at the top level when named accounts exist.
  if (id !== DEFAULT_ACCOUNT_ID && !Array.isArray(nextSection['allowFrom'])) nextSection['allowFrom'] = [APPROVAL_DISABLED_ENTRY];
  return { ...cfg, channels: { ...cfg.channels, [CHANNEL_ID]: nextSection } };
}
