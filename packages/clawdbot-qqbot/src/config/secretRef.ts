import type { HostConfig } from '../host/HostTypes.js';
import type { AccountSources } from './resolveAccount.js';

/** OpenClaw's `SecretRef`: where a secret lives instead of the config file. */
export interface SecretRef {
  /** `env`, `file`, `exec` (or another source a newer host adds). */
  readonly source: string;
  /** The provider under `secrets.providers` (default `default`). */
  readonly provider?: string | undefined;
  /** The variable name (`env`), JSON pointer or `value` (`file`). */
  readonly id: string;
}

/** The secret, or why it cannot be read (never the secret itself). */
export type SecretLookup = { readonly value: string } | { readonly problem: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `json` at the JSON pointer `/a/b` (or the top-level key `a`). */
function atPointer(json: unknown, pointer: string): unknown {
  const parts = pointer.startsWith('/')
    ? pointer
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    : [pointer];
  let node = json;
  for (const part of parts) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return node;
}

/**
 * Reads a SecretRef the way OpenClaw's secret providers do, for the sources a plugin can read
 * without running anything: `env` (the gateway environment; `secrets.providers.<p>.allowlist` is
 * honoured) and `file` (`secrets.providers.<p>` with `source: "file"` and `path`; `mode:
 * "singleValue"` is the whole file, otherwise a JSON file and `id` a JSON pointer). `exec` is
 * refused: this plugin never starts processes (the host's install scanner flags it).
 */
export function readSecretRef(ref: SecretRef, cfg: HostConfig, sources: AccountSources): SecretLookup {
  const providerName = ref.provider ?? 'default';
  const providers = isRecord(cfg['secrets']) && isRecord(cfg['secrets']['providers']) ? cfg['secrets']['providers'] : {};
  const provider = providers[providerName];
  if (ref.source === 'env') {
    const allowlist = isRecord(provider) && Array.isArray(provider['allowlist']) ? provider['allowlist'] : undefined;
    if (allowlist !== undefined && !allowlist.includes(ref.id))
      return { problem: `clientSecret: secrets.providers.${providerName}.allowlist does not list ${ref.id}` };
    const value = sources.env()[ref.id]?.trim();
    return value ? { value } : { problem: `clientSecret refers to the environment variable ${ref.id}, which is empty in the gateway environment` };
  }
  if (ref.source === 'file') {
    if (!isRecord(provider) || provider['source'] !== 'file' || typeof provider['path'] !== 'string') {
      return {
        problem: `clientSecret refers to the file provider "${providerName}", but secrets.providers.${providerName} is not a file provider with a path`,
      };
    }
    const text = sources.readFile(provider['path']);
    if (provider['mode'] === 'singleValue') {
      const value = text.trim();
      return value ? { value } : { problem: `clientSecret: the file of secrets.providers.${providerName} is empty` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      return {
        problem: `clientSecret: the file of secrets.providers.${providerName} is not JSON (set mode: "singleValue" for a file holding only the secret)`,
      };
    }
    const value = atPointer(json, ref.id);
    return typeof value === 'string' && value.trim() !== ''
      ? { value: value.trim() }
      : { problem: `clientSecret: ${ref.id} is not a string in the file of secrets.providers.${providerName}` };
  }
  return {
    problem: `clientSecret is a SecretRef with source "${ref.source}", which this plugin does not read (it never runs commands): use source "env" or "file", or clientSecretFile`,
  };
}
