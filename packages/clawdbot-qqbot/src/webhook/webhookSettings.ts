import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import { WebhookConfigError } from './WebhookConfigError.js';

/** Where QQ's callbacks arrive by default: the official plugin's path, shared by every account. */
export const DEFAULT_WEBHOOK_PATH = '/qqbot/webhook';

/** Paths the gateway keeps behind its own auth whatever a plugin asks (OpenClaw 2026.7+). */
const GATEWAY_PROTECTED_PREFIXES = ['/api/channels'];

/** How one webhook account receives callbacks. */
export type WebhookSettings =
  /** Mounted on the OpenClaw gateway's HTTP server at `path`. */
  | { readonly server: 'gateway'; readonly path: string }
  /** On a server of its own (this plugin's earlier behaviour), at `host:port` + `path` (qq-sdk's defaults: 127.0.0.1, a free port, `/`). */
  | { readonly server: 'own'; readonly path?: string; readonly host?: string; readonly port?: number };

/**
 * Reads an account's webhook settings: `undefined` for the WebSocket transport. `webhook.server`
 * defaults to `"gateway"`, or to `"own"` when `webhook.port` or `webhook.host` is set (configs
 * written before the gateway mount keep their own port).
 *
 * @throws {@link WebhookConfigError} naming the setting that cannot work.
 */
export function resolveWebhookSettings(config: QQBotAccountConfig): WebhookSettings | undefined {
  if (config.transport !== 'webhook') return undefined;
  const webhook = config.webhook ?? {};
  const ownPortKeys = (['port', 'host'] as const).filter((key) => webhook[key] !== undefined);
  const server = webhook.server ?? (ownPortKeys.length > 0 ? 'own' : 'gateway');
  if (server === 'own') {
    return {
      server,
      ...(webhook.path !== undefined ? { path: webhook.path } : {}),
      ...(webhook.host !== undefined ? { host: webhook.host } : {}),
      ...(webhook.port !== undefined ? { port: webhook.port } : {}),
    };
  }
  const [ownKey] = ownPortKeys;
  if (ownKey !== undefined) {
    throw new WebhookConfigError(
      `webhook.${ownKey}`,
      'only applies with webhook.server "own"; on the gateway the callback uses the gateway\'s port. Remove it, or set webhook.server to "own".',
    );
  }
  const path = webhook.path ?? DEFAULT_WEBHOOK_PATH;
  if (!/^\/[^\s?#]+$/.test(path)) {
    throw new WebhookConfigError(
      'webhook.path',
      `"${path}" is not a URL path below the gateway root: write it like "${DEFAULT_WEBHOOK_PATH}" (a leading "/", no query, no spaces).`,
    );
  }
  const protectedPrefix = GATEWAY_PROTECTED_PREFIXES.find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  if (protectedPrefix !== undefined) {
    throw new WebhookConfigError(
      'webhook.path',
      `"${path}" is under ${protectedPrefix}, which the gateway keeps behind its token; QQ's servers could not reach it. Use e.g. "${DEFAULT_WEBHOOK_PATH}".`,
    );
  }
  return { server, path };
}
