import { notInWebBuild } from '../internal/notInWebBuild.js';

export { DefaultWebhookServerLimits } from './WebhookServerLimits.js';

/** The web build's stand-in: the runtime serves requests itself. @internal */
export function createWebhookServer(): never {
  throw notInWebBuild('QQBot options', 'webhookServer');
}
