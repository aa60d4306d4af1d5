import { listAccountIds, resolveAccount } from '../config/resolveAccount.js';
import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';
import type { HostConfig, HostLog, HostPluginApi } from '../host/HostTypes.js';
import { resolveWebhookSettings } from './webhookSettings.js';
import type { WebhookRoutes } from './WebhookRoutes.js';

// Only settings are read here: never a token file or the environment at load time.
const NO_SOURCES = { env: () => ({}), readFile: () => '' };

/** The gateway paths of every account configured for webhooks on the gateway, with their account ids. */
export function gatewayWebhookPaths(cfg: HostConfig): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  for (const accountId of listAccountIds(cfg)) {
    let settings;
    try {
      settings = resolveWebhookSettings(resolveAccount(cfg, accountId, NO_SOURCES).config);
    } catch {
      continue; // reported when the account starts, naming the setting
    }
    if (settings?.server !== 'gateway') continue;
    paths.set(settings.path, [...(paths.get(settings.path) ?? []), accountId]);
  }
  return paths;
}

/**
 * Mounts the webhook path of every account with `transport: "webhook"` on the gateway's HTTP
 * server (`api.registerHttpRoute`, `auth: "plugin"`: QQ's servers carry no gateway token, and each
 * request is verified by its Ed25519 signature instead). Disabled accounts' paths are mounted too,
 * so enabling one later needs no restart; a path answers 503 while no account behind it runs.
 * Paths are read from the config the host loads the plugin with: a path added later is mounted on
 * the next gateway start, which the host does by itself in its default (hybrid) reload mode for
 * the prefixes registered here; until then the account says so in its status.
 */
export function mountWebhookRoutes(api: HostPluginApi, routes: WebhookRoutes): void {
  const register = api.registerHttpRoute;
  if (typeof register !== 'function') return;
  routes.markHostMounts();
  if (typeof api.registerReload === 'function') api.registerReload({ restartPrefixes: webhookRestartPrefixes(api.config) });
  if (api.config === undefined) return;
  for (const [path, accountIds] of gatewayWebhookPaths(api.config)) {
    register.call(api, { path, auth: 'plugin', match: 'exact', handler: (req, res) => routes.handle(path, req, res) });
    routes.markMounted(path);
    log(
      api.logger,
      `${CHANNEL_ID}: QQ webhook callbacks for account${accountIds.length > 1 ? 's' : ''} ${accountIds.join(', ')} mounted at ${path} on the gateway's HTTP server`,
    );
  }
}

/**
 * The settings that decide which paths are mounted: changing one restarts the gateway (in the
 * host's default hybrid reload mode), which mounts the new paths; other `channels.qqbot` changes
 * only restart the channel. `accounts.*` is matched by OpenClaw 2026.9; 2026.7 matches the
 * accounts listed by name, i.e. those present when the plugin loaded.
 */
export function webhookRestartPrefixes(cfg: HostConfig | undefined): string[] {
  const keys = ['transport', 'webhook'];
  const accounts = ['*', ...(cfg === undefined ? [] : listAccountIds(cfg).filter((id) => id !== DEFAULT_ACCOUNT_ID))];
  return [
    ...keys.map((key) => `channels.${CHANNEL_ID}.${key}`),
    ...accounts.flatMap((id) => keys.map((key) => `channels.${CHANNEL_ID}.accounts.${id}.${key}`)),
  ];
}

function log(logger: HostLog | undefined, message: string): void {
  logger?.info?.(message);
}
