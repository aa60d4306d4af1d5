import { QQValidationError, type ValidationIssue } from '../errors/QQValidationError.js';

/** What the web build lacks: the option that asks for it, and what to do instead on that runtime. */
const WEB_BUILD_ADVICE = {
  gateway: ['transport', "set transport: 'webhook' with webhook: { listen: false } and serve the bot with createWebhookHandler(bot)"],
  webhookServer: ['webhook.listen', 'set webhook: { listen: false } and serve the bot with createWebhookHandler(bot) from your fetch handler'],
  proxy: ['proxy', 'the runtime decides how requests leave; pass a `fetch` of your own to route them'],
  filePaths: ['path', 'pass the bytes as `buffer`, or a public `url`'],
  sessionFile: ['path', 'webhook bots keep no gateway session; for the gateway, run qq-sdk on Node'],
  md5: ['buffer', "the platform's chunked upload needs MD5, which WebCrypto lacks: send files under the size limit with uploadGroup / uploadC2C"],
} as const;

/** A part of qq-sdk the web build does not have. @internal */
export type WebBuildGap = keyof typeof WEB_BUILD_ADVICE;

/**
 * The issue for an option the web build cannot honour: names it and what to use instead.
 *
 * @internal
 */
export function webBuildIssue(gap: WebBuildGap): ValidationIssue {
  const [path, instead] = WEB_BUILD_ADVICE[gap];
  return { path, message: `needs Node, and this is qq-sdk's web build (Workers, Deno, Bun, browsers): ${instead}` };
}

/**
 * The error the web build's stand-ins for Node-only parts throw.
 *
 * @internal
 */
export function notInWebBuild(what: string, gap: WebBuildGap): QQValidationError {
  return new QQValidationError(what, [webBuildIssue(gap)]);
}
