import type { QQBotChannelPlugin } from '../plugin.js';

/**
 * The slice of OpenClaw's plugin contract this plugin uses, declared structurally so the plugin
 * has no runtime or type dependency on one host version (the same shapes hold from openclaw
 * 2026.7.35 to 2026.9.6). Names follow `openclaw/plugin-sdk/channel-core`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostToolFactory } from '../tools/HostToolTypes.js';
import type { HostCronGetter } from '../reminders/HostCron.js';

/** The host's whole config object (`openclaw.json`); this plugin reads `channels.qqbot` only. */
export interface HostConfig {
  /** Per-channel sections. */
  readonly channels?: Readonly<Record<string, unknown>>;
  /** Everything else in the host config. */
  readonly [key: string]: unknown;
}

/** One thing the agent wants delivered (the host's `ReplyPayload`, fields this plugin reads). */
export interface HostReplyPayload {
  /** Text to send. */
  readonly text?: string;
  /** One media URL or local path. */
  readonly mediaUrl?: string;
  /** Several media URLs or local paths. */
  readonly mediaUrls?: readonly string[];
  /** The message being answered, when the agent chose one. */
  readonly replyToId?: string;
  /** Send audio as a voice bubble. */
  readonly audioAsVoice?: boolean;
  /** Set by the host for error notices. */
  readonly isError?: boolean;
  /** Channel-specific facts, e.g. `execApproval` on an exec approval prompt (read with zod). */
  readonly channelData?: Readonly<Record<string, unknown>>;
}

/** Which part of a turn a delivery is: a tool result, a streamed block, or the final answer. */
export interface HostDeliverInfo {
  /** The delivery kind. */
  readonly kind: 'tool' | 'block' | 'final';
}

/** The route the host picked for an inbound conversation. */
export interface HostAgentRoute {
  /** The agent that handles it. */
  readonly agentId: string;
  /** The session key of the conversation. */
  readonly sessionKey: string;
  /** The account the route resolved for. */
  readonly accountId: string;
}

/** Options of the host's buffered block dispatcher. */
export interface HostDispatcherOptions {
  /** Called for each block and the final answer. */
  deliver(payload: HostReplyPayload, info: HostDeliverInfo): Promise<void>;
  /** Called when a delivery or the turn failed. */
  onError?(error: unknown, info: HostDeliverInfo): void | Promise<void>;
  /** Called when the turn went idle (all deliveries done). */
  onIdle?(): void;
}

/** The inbound message context the host builds from channel fields (`MsgContext`). */
export type HostMsgContext = Readonly<Record<string, unknown>>;

/**
 * The channel runtime (`api.runtime.channel` / `ctx.channelRuntime`): the handful of functions
 * that hand an inbound message to the agent.
 */
export interface HostChannelRuntime {
  /** Session routing. */
  readonly routing: {
    resolveAgentRoute(params: {
      cfg: HostConfig;
      channel: string;
      accountId: string;
      peer: { kind: 'direct' | 'group' | 'channel'; id: string };
    }): HostAgentRoute;
  };
  /** Reply dispatch. */
  readonly reply: {
    finalizeInboundContext(fields: Record<string, unknown>): HostMsgContext;
    dispatchReplyWithBufferedBlockDispatcher(params: {
      ctx: HostMsgContext;
      cfg: HostConfig;
      dispatcherOptions: HostDispatcherOptions;
      replyOptions?: Record<string, unknown>;
    }): Promise<unknown>;
  };
  /** The host's media store; received media saved here is readable by the agent and its tools. */
  readonly media?: {
    saveMediaBuffer?(
      buffer: Buffer,
      contentType: string,
      subdir: string,
      maxBytes?: number,
      filename?: string,
    ): Promise<{ path: string; contentType?: string }>;
  };
  /** Pairing store for `dmPolicy: "pairing"`; absent on hosts without pairing. */
  readonly pairing?: {
    readAllowFromStore?(params: { channel: string; accountId?: string }): Promise<readonly string[]> | readonly string[];
    upsertPairingRequest?(params: {
      channel: string;
      id: string;
      accountId: string;
      meta?: Record<string, string>;
    }): Promise<{ code: string; created: boolean }>;
    buildPairingReply?(params: { channel: string; idLine: string; code: string }): string;
  };
}

/** A status snapshot of one account as the host shows it (`ChannelAccountSnapshot`, subset). */
export interface HostAccountStatus {
  /** The account id. */
  readonly accountId?: string;
  /** Whether the account task runs. */
  readonly running?: boolean;
  /** Whether the account is connected to QQ. */
  readonly connected?: boolean;
  /** Where the connection is in its lifecycle. */
  readonly lifecycle?: 'starting' | 'ready' | 'recovering' | 'blocked' | 'stopped';
  /** When the account last connected (epoch ms). */
  readonly lastConnectedAt?: number | null;
  /** When the last inbound message arrived (epoch ms). */
  readonly lastInboundAt?: number | null;
  /** When the last outbound message left (epoch ms). */
  readonly lastOutboundAt?: number | null;
  /** The last error with its explanation, or `null`. */
  readonly lastError?: string | null;
  /** Stops the host from restarting the account (fatal configuration errors). */
  readonly terminalDisconnect?: boolean;
  /** Other host fields, kept as they are. */
  readonly [key: string]: unknown;
}

/** A snapshot of one named account (`ChannelAccountSnapshot`): the host requires the account id. */
export type HostAccountSnapshot = HostAccountStatus & { readonly accountId: string };

/** The host's log sink for one account. */
export interface HostLog {
  /** Debug line. */
  debug?(message: string): void;
  /** Info line. */
  info?(message: string): void;
  /** Warning line. */
  warn?(message: string): void;
  /** Error line. */
  error?(message: string): void;
}

/** What the host passes to `gateway.startAccount` (`ChannelGatewayContext`, subset). */
export interface HostGatewayContext<Account> {
  /** The host config at start. */
  readonly cfg: HostConfig;
  /** The account id. */
  readonly accountId: string;
  /** The resolved account. */
  readonly account: Account;
  /** Fires when the host stops the account. */
  readonly abortSignal: AbortSignal;
  /** Per-account log. */
  readonly log?: HostLog;
  /** Current status. */
  getStatus(): HostAccountStatus;
  /** Publish a new status. */
  setStatus(status: HostAccountStatus): void;
  /**
   * The channel runtime (the same object as `api.runtime.channel` on the hosts we run on). The host
   * declares it as a surface without the routing and reply members we call, so it is checked with
   * `asChannelRuntime` before use.
   */
  readonly channelRuntime?: object;
}

/** What the host passes to `outbound.sendText` / `sendMedia` (`ChannelOutboundContext`, subset). */
export interface HostOutboundContext {
  /** Host config. */
  readonly cfg: HostConfig;
  /** The target string, e.g. `qqbot:group:<group_openid>`. */
  readonly to: string;
  /** Text to send. */
  readonly text?: string;
  /** Media URL or local path. */
  readonly mediaUrl?: string;
  /** The message to answer, when known. */
  readonly replyToId?: string | null;
  /** The account to send from. */
  readonly accountId?: string | null;
  /** Cancels the send. */
  readonly signal?: AbortSignal;
}

/** What an outbound send returns to the host. */
export interface HostOutboundResult {
  /** The channel id. */
  readonly channel: string;
  /** The platform's id of the (first) sent message. */
  readonly messageId: string;
}

/** Input of `openclaw channels add --channel qqbot …` (`ChannelSetupInput`, subset). */
export interface HostSetupInput {
  /** Display name of the account. */
  readonly name?: string;
  /** `--token AppID:AppSecret`. */
  readonly token?: string;
  /** `--token-file <path>`. */
  readonly tokenFile?: string;
  /** `--use-env`. */
  readonly useEnv?: boolean;
  /** `--allow-from` entries. */
  readonly allowFrom?: readonly string[] | string;
}

/** What the host passes when it asks about one group (`ChannelGroupContext`, subset). */
export interface HostGroupContext {
  /** Host config. */
  readonly cfg: HostConfig;
  /** The group (as the conversation was reported, e.g. `qqbot:group:<group_openid>` or the bare id). */
  readonly groupId?: string | null;
  /** The account. */
  readonly accountId?: string | null;
  /** The sender, when the question is about one turn. */
  readonly senderId?: string | null;
}

/** What `afterWrite` tells the host to do once a config change is written. */
export type HostConfigAfterWrite = { readonly mode: 'auto' } | { readonly mode: 'none' | 'restart'; readonly reason: string };

/**
 * The plugin runtime (`api.runtime`, subset): the channel runtime plus the host's config writer
 * and state directory, both present from openclaw 2026.7.35 on.
 */
export interface HostPluginRuntime {
  /** The host's version, e.g. `2026.9.6`. */
  readonly version?: string;
  /** The channel runtime. */
  readonly channel?: HostChannelRuntime;
  /** The host's config file. */
  readonly config?: {
    /** Writes a change made to a draft of the config, then does what `afterWrite` says. */
    mutateConfigFile?(params: { afterWrite: HostConfigAfterWrite; mutate: (draft: Record<string, unknown>) => void | Promise<void> }): Promise<unknown>;
  };
  /** The host's state directory (sessions, media, plugin state). */
  readonly state?: {
    resolveStateDir?(): string;
  };
}

/** The plugin API object the host passes to `register(api)` (subset). */
export interface HostPluginApi {
  /** Registers a channel plugin. */
  registerChannel(registration: { plugin: QQBotChannelPlugin }): void;
  /** The host runtime; `runtime.channel` is the channel runtime. */
  readonly runtime?: HostPluginRuntime;
  /** Why the host loads the plugin (`full`, `setup-only`, …). */
  readonly registrationMode?: string;
  /** The config the host loads the plugin with. */
  readonly config?: HostConfig;
  /** The host's logger for the plugin. */
  readonly logger?: HostLog;
  /**
   * Mounts a route on the gateway's HTTP server (OpenClaw 2026.7+, in the modes that run the
   * gateway). It stays mounted while the plugin is loaded; there is no unmount.
   */
  registerHttpRoute?(route: HostHttpRoute): void;
  /**
   * Registers an agent tool, or a factory called per turn (`null` leaves the tool out). Every name
   * must be in the manifest's `contracts.tools`.
   */
  registerTool?(tool: HostToolFactory<unknown>, options?: { readonly name?: string; readonly optional?: boolean }): void;
  /**
   * Declares how config changes under given prefixes are applied: `restartPrefixes` restart the
   * gateway (OpenClaw 2026.7+; `*` matches one path segment from 2026.9).
   */
  registerReload?(registration: { readonly restartPrefixes?: readonly string[] }): void;
  /**
   * Registers a hook handler (`gateway_start`, `cron_changed`, …; OpenClaw 2026.7+). The context
   * of `gateway_start` and `cron_changed` carries `getCron()`, the gateway's scheduler.
   */
  on?(hookName: string, handler: (event: never, ctx: HostHookContext) => void | Promise<void>): void;
  /** Registers a long-lived gateway service; its start context carries `getCron()` on OpenClaw 2026.9+. */
  registerService?(service: HostPluginService): void;
}

/** What the host passes to gateway hooks and service starts (fields this plugin reads). */
export interface HostHookContext {
  /** The gateway's scheduler, when one runs. */
  readonly getCron?: HostCronGetter;
}

/** A plugin service (`api.registerService`, subset). */
export interface HostPluginService {
  /** Service id, unique within the plugin. */
  readonly id: string;
  /** Called when the gateway starts the service. */
  start(ctx: HostHookContext): void | Promise<void>;
  /** Called when the gateway stops it. */
  stop?(ctx: HostHookContext): void | Promise<void>;
}

/** A plugin route on the gateway's HTTP server (`api.registerHttpRoute`). */
export interface HostHttpRoute {
  /** The path, from the root of the gateway's HTTP server. */
  readonly path: string;
  /** `plugin`: the gateway does no auth and the plugin verifies requests itself; `gateway`: the gateway token is required. */
  readonly auth: 'plugin' | 'gateway';
  /** `exact` (the default) or `prefix`. */
  readonly match?: 'exact' | 'prefix';
  /** Answers the request; resolves `true` once it did. */
  handler(req: IncomingMessage, res: ServerResponse): Promise<boolean | void> | boolean | void;
}

/** The catalog entry of a channel (`ChannelMeta` in OpenClaw's plugin-sdk). */
export interface HostChannelMeta {
  readonly id: string;
  readonly label: string;
  readonly selectionLabel: string;
  readonly detailLabel?: string;
  readonly docsPath: string;
  readonly docsLabel?: string;
  readonly blurb: string;
  readonly systemImage?: string;
  readonly markdownCapable?: boolean;
}

/** What a channel supports (`ChannelCapabilities` in OpenClaw's plugin-sdk). */
export interface HostChannelCapabilities {
  readonly chatTypes: Array<'direct' | 'group' | 'channel'>;
  readonly media?: boolean;
  readonly reply?: boolean;
  readonly blockStreaming?: boolean;
  readonly threads?: boolean;
  readonly reactions?: boolean;
  /** How the host's text-to-speech output reaches the channel. */
  readonly tts?: { readonly voice: { readonly synthesisTarget: 'audio-file'; readonly audioFileFormats: string[] } };
}
