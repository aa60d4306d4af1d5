import type { DeliveryResult, Logger, Message, MessageTarget, OutgoingMessage } from 'qq-sdk';
import type { API, InteractionResultCode, PanelsAPI } from 'qq-sdk/rest';
import type { ClawConfigUpdate, ClawSettings } from 'qq-sdk/messaging';
import type { WebhookReceiver } from 'qq-sdk/webhook';

/** A connection lifecycle change of a running bot, as the plugin reports it to the host. */
export type BotLifecycleEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'resumed' }
  | { readonly type: 'reconnecting'; readonly reason?: string }
  | { readonly type: 'error'; readonly error: unknown; readonly fatal: boolean };

/**
 * The narrow view of a QQ bot the plugin depends on: messages in, lifecycle out, active sends.
 * The default implementation wraps qq-sdk's `QQBot` ({@link createQQBot}); tests pass a fake.
 */
export interface QQBotPort {
  /** Registers the handler for every normalized inbound message. */
  onMessage(handler: (message: Message) => void): void;
  /** Registers the handler for lifecycle changes. */
  onLifecycle(handler: (event: BotLifecycleEvent) => void): void;
  /**
   * Answers the QQ client's group-settings panel (`INTERACTION_CREATE` claw_cfg query 2001 and
   * update 2002): `settings` applies an update (if any) and returns the settings now in force.
   */
  onClawConfig(settings: (groupOpenid: string | undefined, update: ClawConfigUpdate | undefined) => ClawSettings): void;
  /**
   * Registers the handler for button clicks (`INTERACTION_CREATE` type 11): it returns the result
   * code to acknowledge the click with, at once, or `undefined` for buttons it does not own (left
   * unacknowledged for other handlers).
   */
  onButtonClick?(handler: (click: ButtonClick) => InteractionResultCode | undefined): void;
  /** Sends a passive reply to an event (`event_id`), e.g. to a button click. */
  replyToEvent?(
    target: MessageTarget,
    event: { readonly eventId: string; readonly receivedAt: Date },
    content: string | OutgoingMessage,
  ): Promise<DeliveryResult>;
  /** Connects; resolves once the bot is started (events may already flow). */
  start(): Promise<void>;
  /** Disconnects and releases every socket and timer. */
  stop(): Promise<void>;
  /** The command-panel endpoints (`/v2/panels`), where the bot has them. */
  readonly panels?: Pick<PanelsAPI, 'list' | 'create' | 'update' | 'delete'>;
  /**
   * The receiver of QQ's callbacks while a webhook bot runs (`undefined` before `start()` and
   * after `stop()`); the plugin mounts it on the gateway's HTTP server.
   */
  webhookReceiver?(): WebhookReceiver | undefined;
  /**
   * The REST resources the agent tool `qqbot_api` calls (read-mostly; see src/tools/), where the
   * bot has them.
   */
  readonly api?: QQBotToolApi;
  /** Sends an active (non-reply) message. */
  send(target: MessageTarget, content: string | OutgoingMessage, signal?: AbortSignal): Promise<DeliveryResult>;
}

/** A click on a callback button, as the plugin sees it. */
export interface ButtonClick {
  /** The interaction id (acknowledged by the port). */
  readonly interactionId: string;
  /** The envelope id, for a passive reply to the click. */
  readonly eventId: string;
  /** When the click arrived. */
  readonly receivedAt: Date;
  /** Where the button was: a C2C chat or a QQ group (guild clicks are not handed on). */
  readonly target: Extract<MessageTarget, { scene: 'c2c' | 'group' }>;
  /** Who clicked (`user_openid` in C2C, `group_member_openid` in groups). */
  readonly userOpenid: string;
  /** The button's callback data. */
  readonly buttonData: string | undefined;
}

/** The SDK's REST resources the agent tool uses. */
export type QQBotToolApi = Pick<API, 'users' | 'guilds' | 'channels' | 'members' | 'roles' | 'pins' | 'messages' | 'groups'>;

/** Everything needed to build one account's bot. */
export interface BotFactoryOptions {
  /** QQ bot AppID. */
  readonly appId: string;
  /** QQ bot AppSecret. */
  readonly clientSecret: string;
  /** Intent names. */
  readonly intents: readonly string[];
  /** Event transport. */
  readonly transport: 'websocket' | 'webhook';
  /** Use the sandbox API. */
  readonly sandbox?: boolean;
  /** OpenAPI base URL override. */
  readonly apiBaseUrl?: string;
  /** Token URL override. */
  readonly tokenUrl?: string;
  /** An HTTP(S) proxy for token, REST and gateway traffic (an allow-listed egress IP). */
  readonly proxy?: string;
  /** Domains registered in the QQ console (the SDK's URL policy lets links to them through). */
  readonly allowedDomains?: readonly string[];
  /**
   * Webhook settings (transport `webhook`): `listen: false` opens no server (the plugin hands
   * requests to {@link QQBotPort.webhookReceiver}); otherwise the bot's own server at host:port + path.
   */
  readonly webhook?: {
    readonly listen?: boolean;
    readonly host?: string | undefined;
    readonly port?: number | undefined;
    readonly path?: string | undefined;
  };
  /** Where the SDK logs (never receives secrets). */
  readonly logger: Logger;
}

/** Builds a bot for one account. */
export type BotFactory = (options: BotFactoryOptions) => QQBotPort;
