import { AsyncResource } from 'node:async_hooks';
import { GroupHistory } from '../inbound/GroupHistory.js';
import { SentMessageIndex } from '../inbound/SentMessageIndex.js';
import { ClawOverrides } from './ClawOverrides.js';
import { persistClawSettings } from './persistClawSettings.js';
import { syncCommandPanel } from './syncCommandPanel.js';
import { JsonStateFile } from '../state/JsonStateFile.js';
import { accountStatePath } from '../state/accountStatePath.js';
import { ignoredOfficialKeys } from '../config/officialCompat.js';
import { GatewayError, QQAuthError } from 'qq-sdk';
import { UnknownIntentError } from 'qq-sdk/errors';
import type { BotFactory } from '../bot/QQBotPort.js';
import type { ResolvedQQBotAccount } from '../config/resolveAccount.js';
import { CHANNEL_ID } from '../constants.js';
import type { HostAccountStatus, HostChannelRuntime, HostGatewayContext, HostPluginRuntime } from '../host/HostTypes.js';
import { handleInbound } from '../inbound/handleInbound.js';
import { ExecApprovals } from '../approvals/ExecApprovals.js';
import { dmApprovalRouteProblem } from '../approvals/approvalRouteCheck.js';
import { approvalSettings } from '../approvals/approvalSettings.js';
import { explainError, lifecycleStatus } from '../status/lifecycleStatus.js';
import { toHostLogger } from '../status/toHostLogger.js';
import { runningAccount, type AccountRegistry } from './AccountRegistry.js';
import { WebhookConfigError } from '../webhook/WebhookConfigError.js';
import type { WebhookRoutes } from '../webhook/WebhookRoutes.js';
import { resolveWebhookSettings, type WebhookSettings } from '../webhook/webhookSettings.js';
import { RecentLogLines } from '../status/RecentLogLines.js';
import { asChannelRuntime } from '../host/asChannelRuntime.js';

/** The default intents: QQ groups and C2C, guild @-messages, guild DMs. */
export const DEFAULT_INTENTS = ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES', 'DIRECT_MESSAGE', 'INTERACTION'] as const;

/** What `startAccount` needs besides the host's context. */
export interface StartAccountDeps {
  /** Builds the account's bot. */
  readonly createBot: BotFactory;
  /** The running accounts (outbound sends look bots up here). */
  readonly registry: AccountRegistry;
  /** The runtime from `register(api)`, for hosts that do not pass `ctx.channelRuntime`. */
  readonly fallbackRuntime: () => HostChannelRuntime | undefined;
  /** The whole plugin runtime from `register(api)` (config writer, state directory), if any. */
  readonly pluginRuntime?: () => HostPluginRuntime | undefined;
  /** The current time in epoch ms. */
  readonly now: () => number;
  /** The plugin's webhook paths on the gateway's HTTP server (accounts with `transport: "webhook"`). */
  readonly webhookRoutes?: WebhookRoutes;
}

/** Start failures that a restart cannot fix: rejected credentials, unknown or disallowed intents. */
function isFatalStartError(error: unknown): boolean {
  return error instanceof QQAuthError || error instanceof UnknownIntentError || error instanceof GatewayError || error instanceof WebhookConfigError;
}

/** Why a gateway-mounted webhook account cannot take callbacks on this host, if it cannot. */
function unmountedReason(settings: WebhookSettings | undefined, routes: WebhookRoutes | undefined): string | undefined {
  if (settings?.server !== 'gateway' || routes?.isMounted(settings.path) === true) return undefined;
  if (routes?.hostMounts !== true) {
    return `${new WebhookConfigError('webhook.server', 'this OpenClaw host mounts no plugin routes on its HTTP server; set webhook.server to "own" with webhook.port (and a TLS proxy in front).').message}`;
  }
  const mounted = routes.mountedPaths;
  return new WebhookConfigError(
    'webhook.path',
    `"${settings.path}" is not mounted on the gateway's HTTP server (mounted: ${mounted.length > 0 ? mounted.join(', ') : 'none'}): paths are mounted when the gateway loads the plugin; restart the gateway after changing webhook settings.`,
  ).message;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Runs one account for the host: connects its bot, feeds every message to the agent, reports
 * status, and stays pending until the host's abort signal fires (the host restarts accounts whose
 * task ends), then disconnects.
 */
export async function startAccount(ctx: HostGatewayContext<ResolvedQQBotAccount>, deps: StartAccountDeps): Promise<void> {
  const { account, abortSignal } = ctx;
  const update = (patch: Partial<HostAccountStatus>): void => ctx.setStatus({ ...ctx.getStatus(), accountId: account.accountId, ...patch });
  const credentials = account.credentials;
  if (!credentials) {
    update({ running: false, connected: false, lifecycle: 'blocked', lastError: account.problem ?? 'not configured', terminalDisconnect: true });
    await untilAborted(abortSignal);
    return;
  }
  const runtime = asChannelRuntime(ctx.channelRuntime) ?? deps.fallbackRuntime();
  if (!runtime) throw new Error(`${CHANNEL_ID}: the host passed no channel runtime; this OpenClaw version is not supported`);
  const recentLog = new RecentLogLines();
  const logger = toHostLogger(ctx.log, `[${CHANNEL_ID}:${account.accountId}]`, [credentials.clientSecret], { lines: recentLog, now: deps.now });
  const { config } = account;
  for (const note of ignoredOfficialKeys(config)) logger.info(note);
  let webhook: WebhookSettings | undefined;
  let blocked: string | undefined;
  try {
    webhook = resolveWebhookSettings(config);
    blocked = unmountedReason(webhook, deps.webhookRoutes);
  } catch (error) {
    if (!(error instanceof WebhookConfigError)) throw error;
    blocked = error.message;
  }
  if (blocked !== undefined) {
    // A restart cannot fix a setting: stay blocked with the explanation until the host stops us.
    update({ running: false, connected: false, lifecycle: 'blocked', lastError: blocked, terminalDisconnect: true });
    logger.error('account blocked', { error: blocked });
    await untilAborted(abortSignal);
    return;
  }
  const bot = deps.createBot({
    appId: credentials.appId,
    clientSecret: credentials.clientSecret,
    intents: config.intents ?? DEFAULT_INTENTS,
    transport: config.transport ?? 'websocket',
    ...(config.sandbox !== undefined ? { sandbox: config.sandbox } : {}),
    ...(config.apiBaseUrl !== undefined ? { apiBaseUrl: config.apiBaseUrl } : {}),
    ...(config.tokenUrl !== undefined ? { tokenUrl: config.tokenUrl } : {}),
    ...(config.proxy !== undefined ? { proxy: config.proxy } : {}),
    ...(webhook?.server === 'gateway' ? { webhook: { listen: false } } : {}),
    ...(webhook?.server === 'own' ? { webhook: { path: webhook.path, host: webhook.host, port: webhook.port } } : {}),
    ...(config.registeredDomains !== undefined ? { allowedDomains: config.registeredDomains } : {}),
    logger,
  });
  // Exec approvals as buttons: prompts are sent from the reply path (and outbound), clicks come back here.
  const approvals = new ExecApprovals({ cfg: ctx.cfg, accountId: account.accountId, config, runtime, bot, logger, now: deps.now });
  bot.onButtonClick?.((click) => approvals.click(click));
  const running = runningAccount(account, bot, approvals);
  bot.onLifecycle((event) => {
    update(lifecycleStatus(event, deps.now()));
    if (event.type === 'error') logger.error('connection error', { error: explainError(event.error), fatal: event.fatal });
  });
  const pluginRuntime = deps.pluginRuntime?.();
  const routeProblem = dmApprovalRouteProblem({ cfg: ctx.cfg, hostVersion: pluginRuntime?.version, enabled: approvalSettings(config).enabled });
  if (routeProblem !== undefined) logger.warn(routeProblem);
  // The QQ client's group-settings panel reads and changes these (claw_cfg); changes are also
  // written to the host's config so they outlive a restart.
  const claw = new ClawOverrides();
  // What the bot sent, so a user quoting the bot's own message gives the agent its text; kept in
  // the host's state directory across restarts.
  const sentPath = accountStatePath(pluginRuntime, account.accountId, 'sent-messages');
  let sentFile: JsonStateFile<Array<[string, string]>> | undefined;
  const sent = new SentMessageIndex(undefined, () => sentFile?.schedule());
  if (sentPath !== undefined) {
    sentFile = new JsonStateFile(
      sentPath,
      () => sent.entries(),
      (action, error) => logger.warn(`could not ${action} the sent-message index`, { path: sentPath, error: explainError(error) }),
    );
    const restored = sent.restore(sentFile.read());
    if (restored !== undefined) logger.debug(`restored ${restored} sent messages for quotes`);
  }
  // Group talk not addressed to the bot, given to the agent with its next answer there.
  const history = new GroupHistory();
  bot.onClawConfig((groupOpenid, change) => {
    const settings = claw.settings(account.config, groupOpenid, change);
    if (change !== undefined && groupOpenid !== undefined) {
      persistClawSettings(pluginRuntime, account.accountId, groupOpenid, change)
        .then((written) => {
          if (!written) logger.info('group settings changed from the QQ client apply until the account restarts (this host has no config writer)');
        })
        .catch((error: unknown) => logger.warn('could not write group settings to the config', { groupOpenid, error: explainError(error) }));
    }
    return settings;
  });
  bot.onMessage((message) => {
    running.remember(message);
    update({ lastInboundAt: deps.now() });
    handleInbound(message, {
      cfg: ctx.cfg,
      account: claw.applyTo(account),
      runtime,
      logger,
      sent,
      history,
      pluginRuntime,
      claw,
      now: deps.now,
      approvals,
      recentLog,
    })
      .then((outcome) => {
        if (outcome !== 'dropped') update({ lastOutboundAt: deps.now() });
      })
      .catch((error: unknown) => {
        logger.error('inbound message failed', { messageId: message.id, error: explainError(error) });
        update({ lastError: explainError(error) });
      });
  });

  update({ running: true, connected: false, lifecycle: 'starting', lastError: null });
  deps.registry.set(account.accountId, running);
  let detach: (() => void) | undefined;
  try {
    try {
      await bot.start();
      if (webhook?.server === 'gateway' && deps.webhookRoutes !== undefined) {
        // Callbacks are handled in this task's async context, where the host accepts the agent work
        // they start (see WebhookRouteTarget.run).
        const scope = new AsyncResource('qqbot.webhook');
        detach = deps.webhookRoutes.attach(webhook.path, {
          accountId: account.accountId,
          appId: credentials.appId,
          receiver: () => bot.webhookReceiver?.(),
          run: (fn) => scope.runInAsyncScope(fn),
        });
        update(lifecycleStatus({ type: 'ready' }, deps.now()));
        logger.info(`takes QQ callbacks at ${webhook.path} on the gateway's HTTP server`);
      }
      void syncCommandPanel(bot, config.commandPanel, config.locale ?? 'zh-CN', logger);
    } catch (error) {
      if (!isFatalStartError(error)) throw error;
      // Restarting would fail the same way: stay blocked with the explanation until the host stops us.
      update({ connected: false, lifecycle: 'blocked', lastError: explainError(error), terminalDisconnect: true });
      logger.error('account blocked', { error: explainError(error) });
    }
    await untilAborted(abortSignal);
  } catch (error) {
    update({ running: false, connected: false, lastError: explainError(error) });
    throw error;
  } finally {
    // New callbacks get 503 (QQ re-posts them) while the bot drains what it acknowledged.
    detach?.();
    if (deps.registry.get(account.accountId) === running) deps.registry.delete(account.accountId);
    await bot.stop().catch((error: unknown) => logger.warn('stop failed', { error: explainError(error) }));
    sentFile?.flush(); // after stop: answers drained during stop are in it
    update({ running: false, connected: false, lifecycle: 'stopped' });
  }
}
