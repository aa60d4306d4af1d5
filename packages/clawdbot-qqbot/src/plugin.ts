import type { BotFactory } from './bot/QQBotPort.js';
import { listAccountIds, resolveAccount, type AccountSources, type ResolvedQQBotAccount } from './config/resolveAccount.js';
import { CHANNEL_ID, CHANNEL_LABEL, DEFAULT_ACCOUNT_ID } from './constants.js';
import type { AccountRegistry } from './gateway/AccountRegistry.js';
import { startAccount } from './gateway/startAccount.js';
import type {
  HostAccountSnapshot,
  HostChannelCapabilities,
  HostChannelMeta,
  HostChannelRuntime,
  HostConfig,
  HostGatewayContext,
  HostGroupContext,
  HostOutboundContext,
  HostOutboundResult,
  HostPluginRuntime,
  HostSetupInput,
} from './host/HostTypes.js';
import { sendOutbound } from './outbound/sendOutbound.js';
import { formatTarget, parseTarget } from './outbound/targets.js';
import { qqPromptRules } from './prompt/qqPromptHints.js';
import { groupSettings, groupToolPolicy, type ToolPolicy } from './config/groupToolPolicy.js';
import { applySetupInput, validateSetupInput } from './setup/setupAdapter.js';
import { createQQBotSetupWizard } from './setup/setupWizard.js';
import type { CredentialVerifier } from './setup/verifyCredentials.js';
import type { QQBotSetupWizard } from './setup/WizardTypes.js';
import { approvalCapability, type QQBotApprovalCapability } from './approvals/approvalCapability.js';
import { sendOutboundPayload, type HostOutboundPayloadContext } from './approvals/sendOutboundPayload.js';
import type { WebhookRoutes } from './webhook/WebhookRoutes.js';
import { MessageContentLimits } from 'qq-sdk/rest';

/** What a plugin instance is built from; every field has a production default. */
export interface QQBotChannelPluginOptions {
  /** Builds each account's bot (default: qq-sdk's `QQBot`). */
  readonly createBot: BotFactory;
  /** Env and token-file access (read only when an account asks for them, never at import). */
  readonly sources: AccountSources;
  /** The channel runtime captured in `register(api)`. */
  readonly runtime?: () => HostChannelRuntime | undefined;
  /** The whole plugin runtime captured in `register(api)` (config writer, state directory). */
  readonly pluginRuntime?: () => HostPluginRuntime | undefined;
  /** The current time in epoch ms. */
  readonly now?: () => number;
  /**
   * The webhook paths the entry mounted on the gateway's HTTP server.
   *
   * @internal Wiring between the plugin entry and the channel plugin.
   */
  readonly webhookRoutes?: WebhookRoutes;
  /**
   * Where running accounts are kept; the entry passes one it shares with the agent tool (default: a new one).
   *
   * @internal Wiring between the plugin entry and the channel plugin.
   */
  readonly registry?: AccountRegistry;
  /** Checks credentials in the setup wizard (default: an app access token request through qq-sdk). */
  readonly verifyCredentials?: CredentialVerifier;
}

/** The channel plugin object handed to `api.registerChannel` (OpenClaw's `ChannelPlugin`, the adapters this plugin implements). */
export interface QQBotChannelPlugin {
  /** `qqbot`. */
  readonly id: string;
  /** Catalog metadata. */
  readonly meta: HostChannelMeta;
  /** What the channel supports. */
  readonly capabilities: HostChannelCapabilities;
  /** Which config changes restart the channel. */
  readonly reload: { readonly configPrefixes: string[] };
  /** Account listing and resolution. */
  readonly config: {
    listAccountIds(cfg: HostConfig): string[];
    defaultAccountId(cfg: HostConfig): string;
    resolveAccount(cfg: HostConfig, accountId?: string | null): ResolvedQQBotAccount;
    isEnabled(account: ResolvedQQBotAccount): boolean;
    isConfigured(account: ResolvedQQBotAccount): boolean;
    unconfiguredReason(account: ResolvedQQBotAccount): string;
    describeAccount(account: ResolvedQQBotAccount): HostAccountSnapshot;
    inspectAccount(cfg: HostConfig, accountId?: string | null): Record<string, unknown>;
  };
  /** `openclaw channels add --channel qqbot`. */
  readonly setup: {
    validateInput(params: { input: HostSetupInput }): string | null;
    applyAccountConfig(params: { cfg: HostConfig; accountId?: string | null; input: HostSetupInput }): HostConfig;
  };
  /** Interactive setup: `openclaw channels add` without credential flags, `openclaw onboard`, `openclaw configure`. */
  readonly setupWizard: QQBotSetupWizard;
  /** Pairing approvals (`openclaw pairing approve qqbot <code>`). */
  readonly pairing: { readonly idLabel: string; normalizeAllowEntry(entry: string): string };
  /** Target strings. */
  readonly messaging: {
    normalizeTarget(raw: string): string | undefined;
    readonly targetResolver: { looksLikeId(raw: string): boolean; readonly hint: string };
  };
  /** QQ's rules, told to the model. */
  readonly agentPrompt: {
    messageToolHints(params: { cfg?: HostConfig; accountId?: string | null }): string[];
    inboundFormattingHints(params: { cfg?: HostConfig; accountId?: string | null }): { text_markup: string; rules: string[] };
  };
  /** Per-group answers the host asks for: whether a mention is needed, which tools the agent may use. */
  readonly groups: {
    resolveRequireMention(params: HostGroupContext): boolean | undefined;
    resolveToolPolicy(params: HostGroupContext): ToolPolicy | undefined;
  };
  /** Core-initiated sends. */
  readonly outbound: {
    readonly deliveryMode: 'direct';
    readonly textChunkLimit: number;
    sendText(ctx: HostOutboundContext): Promise<HostOutboundResult>;
    sendMedia(ctx: HostOutboundContext): Promise<HostOutboundResult>;
    /** Payloads with `channelData` or presentation (exec approval prompts get buttons). */
    sendPayload(ctx: HostOutboundPayloadContext): Promise<HostOutboundResult>;
  };
  /** Account lifecycle. */
  readonly gateway: { startAccount(ctx: HostGatewayContext<ResolvedQQBotAccount>): Promise<void> };
  /** Status defaults. */
  readonly status: { readonly defaultRuntime: HostAccountSnapshot };
  /** Exec approvals: whether QQ chats answer them (`execApprovals.enabled`). */
  readonly approvalCapability: QQBotApprovalCapability;
}

/** `qqbot:group:ABC` → `ABC`: the host may pass the conversation as reported or the bare id. */
const bareId = (id: string | null | undefined): string => (id ?? '').split(':').at(-1) ?? '';

/** Builds the `qqbot` channel plugin; each call has its own set of running accounts. */
export function createQQBotChannelPlugin(options: QQBotChannelPluginOptions): QQBotChannelPlugin {
  const registry: AccountRegistry = options.registry ?? new Map();
  const now = options.now ?? Date.now;
  const resolve = (cfg: HostConfig, accountId?: string | null): ResolvedQQBotAccount => resolveAccount(cfg, accountId, options.sources);
  // Hosts before 2026.9 call inboundFormattingHints without cfg: fall back to the running account's config.
  const hintConfig = (cfg: HostConfig | undefined, accountId?: string | null) =>
    cfg ? resolve(cfg, accountId).config : (registry.get(accountId ?? DEFAULT_ACCOUNT_ID)?.account.config ?? {});
  return {
    id: CHANNEL_ID,
    meta: {
      id: CHANNEL_ID,
      label: CHANNEL_LABEL,
      selectionLabel: CHANNEL_LABEL,
      detailLabel: 'QQ Bot',
      docsPath: '/channels/qqbot',
      docsLabel: 'qqbot',
      blurb: 'QQ C2C, group, guild and guild-DM messages through the official QQ Bot API (clawdbot-qqbot).',
      systemImage: 'bubble.left.and.bubble.right',
      markdownCapable: true,
    },
    capabilities: {
      chatTypes: ['direct', 'group', 'channel'],
      media: true,
      reply: true,
      blockStreaming: true,
      threads: false,
      reactions: false,
      // The host's TTS writes an audio file; WAV (and SILK) go out as QQ voice, converted in process.
      tts: { voice: { synthesisTarget: 'audio-file', audioFileFormats: ['wav', 'silk'] } },
    },
    reload: { configPrefixes: [`channels.${CHANNEL_ID}`] },
    config: {
      listAccountIds,
      defaultAccountId: () => DEFAULT_ACCOUNT_ID,
      resolveAccount: resolve,
      isEnabled: (account) => account.enabled,
      isConfigured: (account) => account.credentials !== undefined,
      unconfiguredReason: (account) => account.problem ?? 'not configured',
      describeAccount: (account) => ({
        accountId: account.accountId,
        ...(account.name !== undefined ? { name: account.name } : {}),
        enabled: account.enabled,
        configured: account.credentials !== undefined,
        tokenSource: account.credentialSource,
      }),
      inspectAccount: (cfg, accountId) => {
        const account = resolve(cfg, accountId);
        return {
          enabled: account.enabled,
          configured: account.credentials !== undefined,
          tokenStatus: account.credentials ? 'available' : 'missing',
          tokenSource: account.credentialSource,
          ...(account.problem !== undefined ? { problem: account.problem } : {}),
        };
      },
    },
    setup: {
      validateInput: ({ input }) => validateSetupInput(input),
      applyAccountConfig: ({ cfg, accountId, input }) => applySetupInput(cfg, accountId, input),
    },
    setupWizard: createQQBotSetupWizard({
      sources: options.sources,
      ...(options.verifyCredentials !== undefined ? { verify: options.verifyCredentials } : {}),
    }),
    pairing: {
      idLabel: 'qqOpenid',
      normalizeAllowEntry: (entry) =>
        entry
          .trim()
          .replace(/^qqbot:(user:|c2c:)?/i, '')
          .toUpperCase(),
    },
    messaging: {
      normalizeTarget: (raw) => {
        const target = parseTarget(raw);
        return target ? formatTarget(target) : undefined;
      },
      targetResolver: {
        looksLikeId: (raw) => parseTarget(raw) !== undefined,
        hint: 'qqbot:c2c:<openid> | qqbot:group:<group_openid> | qqbot:channel:<channel_id> | qqbot:dm:<guild_id>',
      },
    },
    agentPrompt: {
      messageToolHints: ({ cfg, accountId }) => qqPromptRules(hintConfig(cfg, accountId)),
      inboundFormattingHints: ({ cfg, accountId }) => {
        const config = hintConfig(cfg, accountId);
        return { text_markup: config.markdown === false ? 'plain' : 'markdown', rules: qqPromptRules(config) };
      },
    },
    groups: {
      resolveRequireMention: ({ cfg, groupId, accountId }) => {
        const config = resolve(cfg, accountId).config;
        return groupSettings(config, bareId(groupId)).requireMention ?? config.requireMention ?? true;
      },
      resolveToolPolicy: ({ cfg, groupId, accountId, senderId }) =>
        groupToolPolicy(groupSettings(resolve(cfg, accountId).config, bareId(groupId)), bareId(senderId)),
    },
    outbound: {
      deliveryMode: 'direct',
      // The host pre-splits long text at QQ's chunk size, the one qq-sdk's msg.reply() splits at.
      textChunkLimit: MessageContentLimits.safeChunkLength,
      sendText: (ctx) => sendOutbound(registry, ctx, now),
      sendMedia: (ctx) => sendOutbound(registry, ctx, now),
      sendPayload: (ctx) => sendOutboundPayload(registry, ctx, now),
    },
    gateway: {
      startAccount: (ctx) =>
        startAccount(ctx, {
          createBot: options.createBot,
          registry,
          fallbackRuntime: options.runtime ?? (() => undefined),
          pluginRuntime: options.pluginRuntime ?? (() => undefined),
          now,
          ...(options.webhookRoutes !== undefined ? { webhookRoutes: options.webhookRoutes } : {}),
        }),
    },
    status: { defaultRuntime: { accountId: DEFAULT_ACCOUNT_ID, running: false, connected: false, lastError: null } },
    approvalCapability: approvalCapability((cfg, accountId) => resolve(cfg, accountId).config),
  };
}
