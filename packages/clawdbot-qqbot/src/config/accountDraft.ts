import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';

/** A draft of the host config, or one of its objects, as the config writer hands it out. */
export type ConfigDraft = Record<string, unknown>;

const isRecord = (value: unknown): value is ConfigDraft => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `parent[key]` as an object, created when missing. */
export function childOf(parent: ConfigDraft, key: string): ConfigDraft {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const created: ConfigDraft = {};
  parent[key] = created;
  return created;
}

/**
 * Where an account's settings live in a config draft: `channels.qqbot` for the default account
 * (unless `accounts.default` exists), else `channels.qqbot.accounts.<id>`; created when missing.
 */
export function accountSectionOf(draft: ConfigDraft, accountId: string): ConfigDraft {
  const section = childOf(childOf(draft, 'channels'), CHANNEL_ID);
  const accounts = section['accounts'];
  const named = isRecord(accounts) && isRecord(accounts[accountId]);
  return accountId === DEFAULT_ACCOUNT_ID && !named ? section : childOf(childOf(section, 'accounts'), accountId);
}
