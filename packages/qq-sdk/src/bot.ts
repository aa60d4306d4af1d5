import { EventEmitter } from 'eventemitter3';
import type { SharedTokenCache } from './auth/SharedTokenCache.js';
import { TokenManager } from './auth/TokenManager.js';
import type { DedupStore } from './events/DedupStore.js';
import type { DispatchEnvelope } from './events/DispatchEnvelope.js';
import type { DispatcherListeners, DispatchContext, DispatchMeta, DispatchOutcome, EventHandler } from './events/dispatchTypes.js';
import { EventDispatcher } from './events/EventDispatcher.js';
import { isEventType } from './events/EventSchemas.js';
import { Intents, type IntentName } from './events/Intents.js';
import { GatewayManager, type GatewayManagerOptions } from './gateway/GatewayManager.js';
import type { GatewayManagerEventsMap } from './gateway/GatewayShardEvents.js';
import type { GatewaySessionStore } from './gateway/session/GatewaySessionStore.js';
import { systemClock, type Clock } from './internal/Clock.js';
import { isThenable } from './internal/isThenable.js';
import { createNodeHttpFetch, type NodeHttpFetch } from './internal/nodeHttpFetch.js';
import { resolveLogger, type Logger, type LogLevel } from './logging/Logger.js';
import { toMessage, type MessageEventPayloads, type MessageEventType } from './messaging/InboundMessage.js';
import type { DeliveryResult, Message } from './messaging/Message.js';
import type { MessageTarget } from './messaging/MessageScene.js';
import { MessageSender } from './messaging/MessageSender.js';
import type { OutgoingMessage } from './messaging/OutgoingMessage.js';
import type { ReplyLedgerStore } from './messaging/ReplyLedgerStore.js';
import { ReplyQuota } from './messaging/ReplyQuota.js';
import type { ReplyRuleOverrides } from './messaging/ReplyRules.js';
import type { UrlPolicy } from './messaging/UrlPolicy.js';
import { API } from './rest/API.js';
import { createProxyAgent } from './rest/createProxyAgent.js';
import { createProxyFetch } from './rest/createProxyFetch.js';
import type { FetchLike } from './rest/fetchWithTimeout.js';
import { RestClient } from './rest/RestClient.js';
import { createWebhookServer, type WebhookServer } from './webhook/createWebhookServer.js';
import type { WebhookCommonOptions } from './webhook/WebhookReceiver.js';

/** Options of the webhook transport (`transport: 'webhook'`). */
export interface QQBotWebhookOptions extends Omit<WebhookCommonOptions, 'logger' | 'logLevel' | 'clock'> {
  /** TCP port to listen on; 0 picks a free one. @defaultValue 0 */
  readonly port?: number;
  /** Interface to bind. @defaultValue '127.0.0.1' */
  readonly host?: string;
  /** The callback path. @defaultValue '/' */
  readonly path?: string;
  /** Older app secrets still accepted while you rotate the secret. */
  readonly additionalSecrets?: readonly string[];
}

/** Options of {@link QQBot}. Only `appId`, `clientSecret` and `intents` are required. */
export interface QQBotOptions {
  /** The bot's AppID. */
  readonly appId: string;
  /** The bot's AppSecret. Never logged. */
  readonly clientSecret: string;
  /** The events to receive: intent names (`['GROUP_AND_C2C_EVENT']`) or a bitfield. */
  readonly intents: readonly IntentName[] | number;
  /** How events arrive: the WebSocket gateway or HTTP callbacks. @defaultValue 'websocket' */
  readonly transport?: 'websocket' | 'webhook';
  /** REST base URL (a simulator, a proxy). @defaultValue https://api.sgroup.qq.com */
  readonly apiBaseUrl?: string;
  /** Token endpoint. @defaultValue https://bots.qq.com/app/getAppAccessToken */
  readonly tokenUrl?: string;
  /** Use the sandbox environment. */
  readonly sandbox?: boolean;
  /** Overrides the gateway URL returned by /gateway/bot. */
  readonly gatewayUrl?: string;
  /** HTTP(S) proxy for REST, token and gateway traffic (for an allow-listed egress IP). */
  readonly proxy?: string;
  /** Where diagnostics go. */
  readonly logger?: Partial<Logger>;
  /** The lowest level logged. */
  readonly logLevel?: LogLevel;
  /** Per-scene overrides of the reply window and count. */
  readonly replyRules?: ReplyRuleOverrides;
  /** What to do with URLs in outgoing text. @defaultValue 'defang' */
  readonly urlPolicy?: UrlPolicy;
  /** Domains registered in the console; their URLs are sent untouched. */
  readonly allowedDomains?: readonly string[];
  /** Longest text per message before splitting. @defaultValue 2000 */
  readonly maxMessageLength?: number;
  /** Where event ids are remembered for dedup (share a Redis store across processes). */
  readonly dedupStore?: DedupStore;
  /** Where passive replies are counted (share a Redis store across processes). */
  readonly replyLedger?: ReplyLedgerStore;
  /** Where the app token is shared between processes (one token request for the fleet). */
  readonly tokenCache?: SharedTokenCache;
  /** Where gateway sessions are kept (a `FileSessionStore` resumes across restarts). */
  readonly sessionStore?: GatewaySessionStore;
  /** Further gateway options (shards, timings, identify throttler). */
  readonly gateway?: Partial<
    Omit<GatewayManagerOptions, 'intents' | 'getAccessToken' | 'invalidateAccessToken' | 'fetchGatewayInfo' | 'dispatcher'>
  >;
  /** Webhook transport options. */
  readonly webhook?: QQBotWebhookOptions;
  /** Validate every event against its schema. @defaultValue true */
  readonly validateEvents?: boolean;
  /**
   * A custom fetch (tests, instrumentation). @defaultValue a keep-alive `node:http` transport for
   * the SDK's JSON calls (the global fetch for uploads), or the proxy's fetch with `proxy`
   */
  readonly fetch?: FetchLike;
  /** Time source (tests). */
  readonly clock?: Clock;
}

/** Lifecycle events of {@link QQBot}, next to the platform's own event names. */
export type QQBotLifecycleEvents = GatewayManagerEventsMap & {
  /** The webhook server is listening at `url`. */
  webhookListening: [info: { url: string; port: number }];
};

/** Every name `bot.on` accepts, mapped to its handler. */
export type QQBotListeners = DispatcherListeners & {
  /** A user message from any scene, normalized. */
  message: (message: Message) => unknown;
} & { [K in keyof QQBotLifecycleEvents]: (...args: QQBotLifecycleEvents[K]) => void };

/** Options of {@link QQBot.send}. */
export interface BotSendOptions {
  /** Makes it a passive reply to an event (uses `event_id`), e.g. to `GROUP_ADD_ROBOT`. */
  readonly replyToEvent?: { readonly eventId: string; readonly receivedAt: Date };
  /** Makes it a passive reply to a message id you kept. */
  readonly replyToMessage?: { readonly messageId: string; readonly receivedAt: Date };
  /** Cancels the send. */
  readonly signal?: AbortSignal;
}

const MESSAGE_EVENTS: readonly MessageEventType[] = [
  'C2C_MESSAGE_CREATE',
  'GROUP_AT_MESSAGE_CREATE',
  'GROUP_MESSAGE_CREATE',
  'AT_MESSAGE_CREATE',
  'MESSAGE_CREATE',
  'DIRECT_MESSAGE_CREATE',
];

/**
 * One object for the common case: token, REST, the event transport (gateway or webhook), typed
 * events, normalized messages and replies within QQ's rules.
 *
 * @example
 * ```ts
 * const bot = new QQBot({ appId, clientSecret, intents: ['GROUP_AND_C2C_EVENT'] });
 * bot.on('message', async (msg) => {
 *   if (msg.content === 'ping') await msg.reply('pong');
 * });
 * bot.on('GROUP_ADD_ROBOT', (event, meta) => console.log('added to', event.group_openid, meta.eventId));
 * await bot.start();
 * ```
 */
export class QQBot {
  /** Every REST resource: `bot.api.messages.sendGroup(...)`, `bot.api.guilds.get(...)`. */
  readonly api: API;
  /** The REST client (rate-limit events, raw requests). */
  readonly rest: RestClient;
  /** The app access token, cached and refreshed. */
  readonly tokens: TokenManager;
  /** The single path every event goes through (validation, dedup, typed handlers). */
  readonly events: EventDispatcher;
  /** The passive-reply budget. */
  readonly replyQuota: ReplyQuota;
  /** The gateway, once started with `transport: 'websocket'`. */
  gateway: GatewayManager | undefined;
  /** The webhook server, once started with `transport: 'webhook'`. */
  webhook: WebhookServer | undefined;

  readonly #options: QQBotOptions;
  readonly #intents: number;
  readonly #logger: Logger;
  readonly #sender: MessageSender;
  readonly #lifecycle = new EventEmitter();
  readonly #messageHandlers: ((message: Message) => unknown)[] = [];
  // Dispatches and sends still running, and who waits for them to reach zero (stop()). A counter
  // rather than a Set of promises: this runs for every event.
  #inFlight = 0;
  readonly #http: NodeHttpFetch | undefined;
  #idleWaiters: (() => void)[] = [];
  #botUserId: string | undefined;
  #state: 'idle' | 'starting' | 'running' | 'stopping' = 'idle';

  /** @param options - Credentials, intents, transport and policies. */
  constructor(options: QQBotOptions) {
    this.#options = options;
    this.#intents = typeof options.intents === 'number' ? options.intents : Intents.from(options.intents).bitfield;
    this.#logger = resolveLogger(options.logger, options.logLevel);
    const clock = options.clock ?? systemClock;
    // node:http rather than the global fetch: half the CPU per REST call and far less memory
    // (bench/, docs/benchmarks.md). With a proxy, token and REST calls both go through it.
    this.#http = options.fetch === undefined && options.proxy === undefined ? createNodeHttpFetch() : undefined;
    const fetchImpl =
      options.fetch ?? this.#http?.fetch ?? (options.proxy !== undefined ? createProxyFetch(options.proxy) : undefined);
    this.tokens = new TokenManager({
      appId: options.appId,
      clientSecret: options.clientSecret,
      ...(options.tokenUrl !== undefined ? { tokenUrl: options.tokenUrl } : {}),
      ...(fetchImpl !== undefined ? { fetch: fetchImpl } : {}),
      ...(options.tokenCache !== undefined ? { sharedCache: options.tokenCache } : {}),
      clock,
      logger: this.#logger,
    });
    this.rest = new RestClient(
      { token: this.tokens, appId: options.appId },
      {
        apiBaseUrl: options.apiBaseUrl,
        sandbox: options.sandbox,
        fetch: fetchImpl,
        logger: this.#logger,
        clock,
      },
    );
    this.api = new API(this.rest);
    this.events = new EventDispatcher({
      validate: options.validateEvents ?? true,
      ...(options.dedupStore !== undefined ? { dedup: options.dedupStore } : {}),
      dedupNamespace: options.appId,
      logger: this.#logger,
      clock,
    });
    this.replyQuota = new ReplyQuota({
      ...(options.replyLedger !== undefined ? { store: options.replyLedger } : {}),
      ...(options.replyRules !== undefined ? { rules: options.replyRules } : {}),
      clock,
    });
    this.#sender = new MessageSender({
      api: this.api,
      quota: this.replyQuota,
      ...(options.urlPolicy !== undefined ? { urlPolicy: options.urlPolicy } : {}),
      ...(options.allowedDomains !== undefined ? { allowedDomains: options.allowedDomains } : {}),
      ...(options.maxMessageLength !== undefined ? { maxMessageLength: options.maxMessageLength } : {}),
      logger: this.#logger,
    });
    for (const type of MESSAGE_EVENTS) {
      this.events.on(type, ((data: MessageEventPayloads[MessageEventType], meta: DispatchMeta) =>
        this.#deliverMessage(type, data, meta)) as EventHandler<typeof type>);
    }
  }

  /** The bot's own user id, once known (from READY or `GET /users/@me`). */
  get botUserId(): string | undefined {
    return this.#botUserId;
  }

  /**
   * Registers a handler: a platform event name (`'GROUP_AT_MESSAGE_CREATE'`, typed payload and
   * meta), `'message'` (a normalized {@link Message} from any scene), `'*'`, `'invalidEvent'`,
   * `'unknownEvent'`, `'handlerError'`, or a lifecycle event (`'ready'`, `'resumed'`,
   * `'reconnecting'`, `'error'`, `'close'`, `'webhookListening'` …).
   */
  on<K extends keyof QQBotListeners>(name: K, handler: QQBotListeners[K]): this {
    if (name === 'message') {
      this.#messageHandlers.push(handler as (message: Message) => unknown);
    } else if (isDispatcherName(name)) {
      this.events.on(name, handler as DispatcherListeners[typeof name]);
    } else {
      this.#lifecycle.on(name, handler as (...args: unknown[]) => void);
    }
    return this;
  }

  /** Removes a handler added with {@link QQBot.on}. */
  off<K extends keyof QQBotListeners>(name: K, handler: QQBotListeners[K]): this {
    if (name === 'message') {
      const index = this.#messageHandlers.indexOf(handler as (message: Message) => unknown);
      if (index >= 0) this.#messageHandlers.splice(index, 1);
    } else if (isDispatcherName(name)) {
      this.events.off(name, handler as DispatcherListeners[typeof name]);
    } else {
      this.#lifecycle.off(name, handler as (...args: unknown[]) => void);
    }
    return this;
  }

  /**
   * Connects: checks the credentials (fetches a token), then opens the gateway (resolving once
   * every shard is READY) or starts the webhook server (resolving once it listens).
   */
  async start(): Promise<void> {
    if (this.#state !== 'idle') throw new Error(`QQBot.start(): the bot is already ${this.#state}`);
    this.#state = 'starting';
    try {
      await this.tokens.getAccessToken();
      if ((this.#options.transport ?? 'websocket') === 'webhook') await this.#startWebhook();
      else await this.#startGateway();
      this.#state = 'running';
    } catch (error) {
      await this.#closeTransports();
      this.#state = 'idle';
      throw error;
    }
  }

  /**
   * Stops gracefully: stops taking events (closes the gateway or the webhook server), waits for
   * handlers and replies in flight to finish, then returns.
   */
  async stop(): Promise<void> {
    if (this.#state === 'idle' || this.#state === 'stopping') return;
    this.#state = 'stopping';
    await this.#closeTransports();
    while (this.#inFlight > 0) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    // Idle keep-alive sockets are unref'd already; closing them frees them now.
    this.#http?.destroy();
    this.#state = 'idle';
  }

  /**
   * Sends a message to any target: an active message by default, or a passive reply to an event
   * or message you kept (within its window and budget).
   *
   * @example
   * ```ts
   * await bot.send({ scene: 'group', groupOpenid }, 'Thanks for adding me!', {
   *   replyToEvent: { eventId: meta.eventId, receivedAt: new Date(meta.receivedAt) },
   * });
   * ```
   */
  send(target: MessageTarget, content: string | OutgoingMessage, options: BotSendOptions = {}): Promise<DeliveryResult> {
    const replyTo = options.replyToEvent
      ? { sourceId: options.replyToEvent.eventId, kind: 'event' as const, receivedAt: options.replyToEvent.receivedAt }
      : options.replyToMessage
        ? { sourceId: options.replyToMessage.messageId, kind: 'message' as const, receivedAt: options.replyToMessage.receivedAt }
        : undefined;
    return this.#track(
      this.#sender.send(content, {
        target,
        ...(replyTo !== undefined ? { replyTo } : {}),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
      }),
    );
  }

  #deliverMessage(type: MessageEventType, data: MessageEventPayloads[MessageEventType], meta: DispatchMeta): unknown {
    if (this.#messageHandlers.length === 0) return undefined;
    const handlers = this.#messageHandlers;
    const message = toMessage(type, data, meta, { sender: this.#sender, quota: this.replyQuota, botUserId: this.#botUserId });
    // The dispatcher waits for a returned promise (and so does the gateway's resume watermark);
    // a synchronous handler's result is returned as is, so it costs no promise per event.
    if (handlers.length === 1) return handlers[0]!(message);
    let pending: unknown[] | undefined;
    for (const handler of [...handlers]) {
      const result = handler(message);
      if (isThenable(result)) (pending ??= []).push(result);
    }
    return pending === undefined ? undefined : Promise.all(pending);
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight += 1;
    promise.then(this.#settled, this.#settled);
    return promise;
  }

  // One bound function for every tracked promise (no closure per event).
  #settled = (): void => {
    this.#inFlight -= 1;
    if (this.#inFlight > 0 || this.#idleWaiters.length === 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  // Every transport dispatches through this, so stop() can wait for handlers in flight. An event
  // whose handlers finished synchronously has nothing in flight to track.
  #dispatch = (envelope: DispatchEnvelope, context: DispatchContext): DispatchOutcome | Promise<DispatchOutcome> => {
    const outcome = this.events.dispatch(envelope, context);
    return isThenable(outcome) ? this.#track(outcome) : outcome;
  };

  async #startGateway(): Promise<void> {
    const options = this.#options;
    const gateway = new GatewayManager({
      ...options.gateway,
      intents: this.#intents,
      getAccessToken: (signal) => this.tokens.getAccessToken(signal),
      invalidateAccessToken: (rejected) => this.tokens.invalidate(rejected),
      fetchGatewayInfo: (signal) => this.api.gateway.getBot(signal ? { signal } : {}),
      dispatcher: { dispatch: this.#dispatch },
      ...(options.gatewayUrl !== undefined ? { url: options.gatewayUrl } : {}),
      ...(options.sessionStore !== undefined ? { sessionStore: options.sessionStore } : {}),
      ...(options.proxy !== undefined ? { ws: { agent: createProxyAgent(options.proxy), ...options.gateway?.ws } } : {}),
      logger: this.#logger,
      ...(options.clock !== undefined ? { clock: options.clock } : {}),
    });
    this.gateway = gateway;
    gateway.on('ready', (event) => {
      this.#botUserId = event.user.id;
    });
    for (const name of ['ready', 'resumed', 'reconnecting', 'close', 'error', 'debug', 'heartbeat', 'statusChange'] as const) {
      gateway.on(name, (...args: unknown[]) => {
        this.#lifecycle.emit(name, ...args);
      });
    }
    await gateway.connect();
  }

  async #startWebhook(): Promise<void> {
    const { port, host, path, additionalSecrets, ...common } = this.#options.webhook ?? {};
    const server = createWebhookServer({
      ...common,
      appId: this.#options.appId,
      secret: this.#options.clientSecret,
      ...(additionalSecrets !== undefined ? { additionalSecrets } : {}),
      dispatcher: { dispatch: this.#dispatch },
      ...(path !== undefined ? { path } : {}),
      logger: this.#logger,
      ...(this.#options.clock !== undefined ? { clock: this.#options.clock } : {}),
    });
    this.webhook = server;
    const listening = await server.listen({ ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}) });
    this.#lifecycle.emit('webhookListening', listening);
    // Webhooks carry no READY; learn the bot's id for stripping guild mentions.
    try {
      this.#botUserId = (await this.api.users.getMe()).id;
    } catch (error) {
      this.#logger.warn('could not fetch the bot user (GET /users/@me); guild mentions of the bot are stripped by position only', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async #closeTransports(): Promise<void> {
    const gateway = this.gateway;
    const webhook = this.webhook;
    this.gateway = undefined;
    this.webhook = undefined;
    await Promise.all([gateway?.destroy(), webhook?.close()]);
    // Callbacks already acknowledged are dispatched on a later turn; let them reach the dispatcher.
    await webhook?.receiver.idle();
  }
}

function isDispatcherName(name: string): name is keyof DispatcherListeners {
  return isEventType(name) || name === '*' || name === 'invalidEvent' || name === 'unknownEvent' || name === 'handlerError';
}
