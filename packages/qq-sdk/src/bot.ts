import { EventEmitter } from 'eventemitter3';
import type { SharedTokenCache } from './auth/SharedTokenCache.js';
import { TokenManager, type TokenManagerOptions } from './auth/TokenManager.js';
import type { DedupStore } from './events/DedupStore.js';
import type { DispatchEnvelope } from './events/DispatchEnvelope.js';
import type { DispatcherListeners, DispatchContext, DispatchMeta, DispatchOutcome } from './events/dispatchTypes.js';
import { QQValidationError, type ValidationIssue } from './errors/QQValidationError.js';
import { EventDispatcher } from './events/EventDispatcher.js';
import { isEventType } from './events/EventSchemas.js';
import { setListenerLabel } from './events/internal/listenerLabels.js';
import { Intents, type IntentName } from './events/Intents.js';
import { GatewayManager, type GatewayManagerOptions } from './gateway/GatewayManager.js';
import type { GatewayManagerEventsMap } from './gateway/GatewayShardEvents.js';
import type { GatewaySessionStore } from './gateway/session/GatewaySessionStore.js';
import { systemClock, type Clock } from './internal/Clock.js';
import { isThenable } from './internal/isThenable.js';
import { KeepAlive } from './internal/KeepAlive.js';
import { createDefaultTransport, type DefaultTransport } from './rest/defaultTransport.js';
import { resolveLogger, type Logger, type LogLevel } from './logging/Logger.js';
import { commandRoute, hearsRoute, type CommandHandler, type HearsHandler } from './messaging/commands.js';
import { toMessage } from './messaging/InboundMessage.js';
import type { MessageEventPayloads, MessageEventType } from './messaging/MessageEventType.js';
import { MESSAGE_EVENT_TYPE_LIST } from './events/MessageEvents.js';
import type { DeliveryResult, Message, Overflow } from './messaging/Message.js';
import { checkContent, checkReceivedAt, checkTarget } from './messaging/checkOutgoing.js';
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
import { RestClient, type RestClientOptions } from './rest/RestClient.js';
import { createWebhookServer, type WebhookServer, type WebhookServerLimits } from './webhook/createWebhookServer.js';
import { WebhookReceiver, type WebhookCommonOptions } from './webhook/WebhookReceiver.js';
import { QQStateError } from './errors/QQStateError.js';
import { webBuildIssue } from './internal/notInWebBuild.js';
import { RuntimeFeatures } from './internal/RuntimeFeatures.js';
import { DISPATCH_NOW } from './events/internal/dispatchNow.js';

/** Options of the webhook transport (`transport: 'webhook'`). */
export interface QQBotWebhookOptions extends Omit<WebhookCommonOptions, 'logger' | 'logLevel' | 'clock'>, WebhookServerLimits {
  /** TCP port to listen on; 0 picks a free one. @defaultValue 0 */
  readonly port?: number;
  /** Interface to bind. @defaultValue '127.0.0.1' */
  readonly host?: string;
  /** The callback path. @defaultValue '/' */
  readonly path?: string;
  /** Older app secrets still accepted while you rotate the secret. */
  readonly additionalSecrets?: readonly string[];
  /**
   * Whether `start()` opens the bot's own HTTP server. With `false` nothing listens: mount
   * {@link QQBot.webhookReceiver} on a server you already run (an app framework, a host's HTTP
   * server), e.g. with `createNodeWebhookHandler(bot.webhookReceiver)`. `port`, `host`, `path`
   * and the server limits then do not apply.
   * @defaultValue true
   */
  readonly listen?: boolean;
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
  /**
   * REST base URL (a simulator, a proxy). @defaultValue https://api.bot.qq.com (with `sandbox`,
   * https://sandbox.api.bot.qq.com), falling back to the pre-2026-08 host; see `apiFallbackUrls`
   */
  readonly apiBaseUrl?: string;
  /** See {@link RestClientOptions.apiFallbackUrls}. */
  readonly apiFallbackUrls?: readonly string[];
  /**
   * Token endpoint. @defaultValue https://api.bot.qq.com/app/getAppAccessToken, falling back to
   * https://bots.qq.com/app/getAppAccessToken; see `tokenFallbackUrls`
   */
  readonly tokenUrl?: string;
  /** See {@link TokenManagerOptions.tokenFallbackUrls}. */
  readonly tokenFallbackUrls?: readonly string[];
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
  /**
   * The most messages one `reply()` or `send()` may turn long text into; beyond it the call's
   * `overflow` option decides (by default `MessageTooLongError`, before anything is sent).
   * @defaultValue 5
   */
  readonly maxMessagesPerSend?: number;
  /** Where event ids are remembered for dedup (share a Redis store across processes). */
  readonly dedupStore?: DedupStore;
  /**
   * How long an event id is remembered for dedup, in ms. The default covers every replay of a
   * handled event: a resume starts below the oldest event still running (at most
   * `handlerTimeoutMs` old) and takes a few minutes at most.
   * @defaultValue `max(600_000, handlerTimeoutMs + 300_000)`
   */
  readonly dedupTtlMs?: number;
  /**
   * Time budget of one event's handlers, in ms. When it runs out, each handler still running is
   * reported on `handlerError` with a {@link HandlerTimeoutError}, and the event counts as handled:
   * one hung handler can neither pin the gateway's resume position nor hold a slot of
   * `maxConcurrentHandlers`. The handler is not cancelled. `0` turns the budget off.
   * @defaultValue 120_000 (2 minutes)
   */
  readonly handlerTimeoutMs?: number;
  /**
   * How many events may have handlers running at once. When the bound is reached, further events
   * wait in memory, in arrival order (per-chat order holds), and start as running ones finish or
   * run out of budget; none is dropped, and the connection keeps reading (heartbeats go on).
   * Only handlers that return promises hold a slot.
   * @defaultValue 512
   */
  readonly maxConcurrentHandlers?: number;
  /**
   * Timeout of one request to the token endpoint, in ms. A hung endpoint then costs a reconnect this
   * long at most before the next attempt.
   * @defaultValue 10_000
   */
  readonly tokenTimeoutMs?: number;
  /** Where passive replies are counted (share a Redis store across processes). */
  readonly replyLedger?: ReplyLedgerStore;
  /** Where the app token is shared between processes (one token request for the fleet). */
  readonly tokenCache?: SharedTokenCache;
  /** Where gateway sessions are kept (a `FileSessionStore` resumes across restarts). */
  readonly sessionStore?: GatewaySessionStore;
  /** Further gateway options (shards, timings, identify throttler). */
  readonly gateway?: Partial<Omit<GatewayManagerOptions, 'intents' | 'getAccessToken' | 'invalidateAccessToken' | 'fetchGatewayInfo' | 'dispatcher'>>;
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

/** Options of {@link QQBot.stop}. */
export interface BotStopOptions {
  /**
   * How long to wait for handlers still running, in ms. Then each one still running is reported
   * with a {@link HandlerTimeoutError} (`reason: 'drain'`), events still waiting for a slot are not
   * started, and the gateway session is saved as it is: a restart on the same session store replays
   * exactly the events that were not handled.
   * @defaultValue 10_000
   */
  readonly drainTimeoutMs?: number;
}

/** Options of {@link QQBot.send}. */
export interface BotSendOptions {
  /** Makes it a passive reply to an event (uses `event_id`), e.g. to `GROUP_ADD_ROBOT`. */
  readonly replyToEvent?: { readonly eventId: string; readonly receivedAt: Date };
  /** Makes it a passive reply to a message id you kept. */
  readonly replyToMessage?: { readonly messageId: string; readonly receivedAt: Date };
  /** Cancels the send. */
  readonly signal?: AbortSignal;
  /** What to do when the text needs more messages than one call may send. @defaultValue 'throw' */
  readonly overflow?: Overflow;
}

/** A dispatcher listener for any of the message event types. */
type MessageListener = (data: MessageEventPayloads[MessageEventType], meta: DispatchMeta) => unknown;
/** `events.on` / `events.off` seen from a listener that takes every message event type. */
type MessageListenerRegistration = (name: MessageEventType, handler: MessageListener) => unknown;

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
  /** The webhook server, once started with `transport: 'webhook'` (and `webhook.listen` not `false`). */
  webhook: WebhookServer | undefined;
  /**
   * What verifies and answers the platform's callbacks and feeds their events to this bot, from
   * `start()` with `transport: 'webhook'` until `stop()`; `undefined` otherwise. With
   * `webhook.listen: false`, mount the bot itself with an adapter from `qq-sdk/webhook`, which
   * uses this receiver while the bot runs, or hand it each request yourself
   * (`receiver.handle({ method, headers, body })` with the raw body bytes).
   *
   * @example
   * ```ts
   * const bot = new QQBot({ appId, clientSecret, intents, transport: 'webhook', webhook: { listen: false } });
   * app.post('/qq/callback', expressWebhook(bot)); // before any JSON body parser
   * await bot.start();
   * ```
   */
  webhookReceiver: WebhookReceiver | undefined;

  /** Whether an adapter from `qq-sdk/webhook` serves this bot's callbacks (see {@link QQBot.markWebhookMounted}). */
  #webhookMounted = false;

  readonly #options: QQBotOptions;
  readonly #intents: number;
  readonly #logger: Logger;
  readonly #sender: MessageSender;
  readonly #lifecycle = new EventEmitter();
  /** Each `bot.on('message')` handler with the wrappers registered for it, one per message event type. */
  readonly #messageHandlers: { handler: (message: Message) => unknown; wrappers: MessageListener[] }[] = [];
  /** The last message built and its payload, so several `message` handlers of one event share it. */
  #lastMessageData: object | undefined;
  #lastMessage: Message | undefined;
  readonly #keepAlive = new KeepAlive();
  #stopping: Promise<void> | undefined;
  // Dispatches and sends still running, and who waits for them to reach zero (stop()). A counter
  // rather than a Set of promises: this runs for every event.
  #inFlight = 0;
  readonly #http: DefaultTransport | undefined;
  #idleWaiters: (() => void)[] = [];
  #botUserId: string | undefined;
  #state: 'idle' | 'starting' | 'running' | 'stopping' = 'idle';

  /** @param options - Credentials, intents, transport and policies. */
  constructor(options: QQBotOptions) {
    checkOptions(options);
    // A JavaScript config may give the AppID as a number; the platform wants the digits as a string.
    options = { ...options, appId: String(options.appId as unknown).trim() };
    this.#options = options;
    this.#intents = typeof options.intents === 'number' ? options.intents : Intents.from(options.intents).bitfield;
    this.#logger = resolveLogger(options.logger, options.logLevel);
    const clock = options.clock ?? systemClock;
    // With a proxy, token and REST calls both go through it.
    this.#http = options.fetch === undefined && options.proxy === undefined ? createDefaultTransport() : undefined;
    const fetchImpl = options.fetch ?? this.#http?.fetch ?? (options.proxy !== undefined ? createProxyFetch(options.proxy) : undefined);
    this.tokens = new TokenManager({
      appId: options.appId,
      clientSecret: options.clientSecret,
      ...(options.tokenUrl !== undefined ? { tokenUrl: options.tokenUrl } : {}),
      ...(options.tokenFallbackUrls !== undefined ? { tokenFallbackUrls: options.tokenFallbackUrls } : {}),
      ...(fetchImpl !== undefined ? { fetch: fetchImpl } : {}),
      ...(options.tokenCache !== undefined ? { tokenCache: options.tokenCache } : {}),
      ...(options.tokenTimeoutMs !== undefined ? { timeoutMs: options.tokenTimeoutMs } : {}),
      clock,
      logger: this.#logger,
    });
    this.rest = new RestClient(
      { token: this.tokens, appId: options.appId },
      {
        apiBaseUrl: options.apiBaseUrl,
        apiFallbackUrls: options.apiFallbackUrls,
        sandbox: options.sandbox,
        fetch: fetchImpl,
        logger: this.#logger,
        clock,
      },
    );
    this.api = new API(this.rest);
    this.events = new EventDispatcher({
      validate: options.validateEvents ?? true,
      ...(options.dedupStore !== undefined ? { dedupStore: options.dedupStore } : {}),
      ...(options.dedupTtlMs !== undefined ? { dedupTtlMs: options.dedupTtlMs } : {}),
      ...(options.handlerTimeoutMs !== undefined ? { handlerTimeoutMs: options.handlerTimeoutMs } : {}),
      ...(options.maxConcurrentHandlers !== undefined ? { maxConcurrentHandlers: options.maxConcurrentHandlers } : {}),
      dedupNamespace: options.appId,
      logger: this.#logger,
      clock,
    });
    this.replyQuota = new ReplyQuota({
      ...(options.replyLedger !== undefined ? { replyLedger: options.replyLedger } : {}),
      ...(options.replyRules !== undefined ? { rules: options.replyRules } : {}),
      clock,
    });
    this.#sender = new MessageSender({
      api: this.api,
      quota: this.replyQuota,
      ...(options.urlPolicy !== undefined ? { urlPolicy: options.urlPolicy } : {}),
      ...(options.allowedDomains !== undefined ? { allowedDomains: options.allowedDomains } : {}),
      ...(options.maxMessageLength !== undefined ? { maxMessageLength: options.maxMessageLength } : {}),
      ...(options.maxMessagesPerSend !== undefined ? { maxMessagesPerSend: options.maxMessagesPerSend } : {}),
      logger: this.#logger,
    });
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
      this.#addMessageHandler(handler as (message: Message) => unknown);
    } else if (isDispatcherName(name)) {
      this.events.on(name, handler as DispatcherListeners[typeof name]);
    } else {
      this.#lifecycle.on(name, handler as (...args: unknown[]) => void);
    }
    return this;
  }

  /**
   * Runs `handler` for messages that start with one of the `/commands` named (without the slash,
   * any case; the full-width `／` works too), in every scene. The bot's own @-mention is removed
   * first, so `@bot /weather 北京` works in groups. `on('message')` handlers still see these
   * messages; skip them there with `parseCommand(msg.content)`.
   *
   * @example
   * ```ts
   * bot.command(['weather', '天气'], async (msg, { args }) => {
   *   await msg.reply(`${args[0] ?? '北京'}：晴`);
   * });
   * ```
   */
  command(names: string | readonly string[], handler: CommandHandler): this {
    const route = commandRoute(names, handler);
    return this.on('message', (message) => route(message)?.());
  }

  /**
   * Runs `handler` for messages whose text matches `pattern`: a regular expression (tested on
   * `msg.content`; the match is passed on) or a string the whole text must equal.
   *
   * @example
   * ```ts
   * bot.hears(/^(早|早上好)/u, (msg) => msg.reply('早！'));
   * ```
   */
  hears(pattern: RegExp | string, handler: HearsHandler): this {
    const route = hearsRoute(pattern, handler);
    return this.on('message', (message) => route(message)?.());
  }

  /** Removes a handler added with {@link QQBot.on}. */
  off<K extends keyof QQBotListeners>(name: K, handler: QQBotListeners[K]): this {
    if (name === 'message') {
      const index = this.#messageHandlers.findIndex((entry) => entry.handler === handler);
      const entry = index >= 0 ? this.#messageHandlers.splice(index, 1)[0] : undefined;
      MESSAGE_EVENT_TYPE_LIST.forEach((type, i) => {
        const wrapper = entry?.wrappers[i];
        if (wrapper !== undefined) (this.events.off as MessageListenerRegistration).call(this.events, type, wrapper);
      });
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
    if (this.#state !== 'idle') throw new QQStateError(`QQBot.start(): the bot is already ${this.#state}; call stop() before starting it again`);
    this.#refuseTwoWebhookTransports();
    this.#state = 'starting';
    // From here until stop() the bot holds the process, whatever it is waiting for.
    this.#keepAlive.hold();
    try {
      await this.tokens.getAccessToken();
      if ((this.#options.transport ?? 'websocket') === 'webhook') await this.#startWebhook();
      else await this.#startGateway();
      this.#state = 'running';
    } catch (error) {
      await this.#closeTransports(() => Promise.resolve());
      this.#state = 'idle';
      this.#keepAlive.release();
      throw error;
    }
  }

  /**
   * Stops gracefully, and lets the process exit:
   * 1. stops taking events (closes the gateway or the webhook server);
   * 2. waits for handlers and replies in flight, at most `drainTimeoutMs`;
   * 3. saves the gateway session as it is then, so a restart on the same session store resumes
   *    where this process really stopped: completed handlers are not run again, unfinished ones are;
   * 4. gives up on handlers still running (reported on `handlerError` with a
   *    {@link HandlerTimeoutError}) and releases every handle it holds.
   *
   * Calling it again while it runs returns the same promise.
   *
   * @example
   * ```ts
   * process.once('SIGTERM', () => void bot.stop({ drainTimeoutMs: 20_000 }));
   * ```
   */
  stop(options: BotStopOptions = {}): Promise<void> {
    if (this.#state === 'stopping' && this.#stopping !== undefined) return this.#stopping;
    if (this.#state === 'idle') return Promise.resolve();
    const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
    if (!isDuration(drainTimeoutMs)) {
      return Promise.reject(
        new QQValidationError('stop() options', [{ path: 'drainTimeoutMs', message: `must be a number of milliseconds ≥ 0, got ${String(drainTimeoutMs)}` }]),
      );
    }
    this.#state = 'stopping';
    this.#stopping = this.#stop(drainTimeoutMs).finally(() => {
      this.#stopping = undefined;
    });
    return this.#stopping;
  }

  async #stop(drainTimeoutMs: number): Promise<void> {
    const webhook = this.webhookReceiver;
    let drained: Promise<boolean> | undefined;
    // Shared by every shard: they all close first, then wait for the same drain, then save.
    const drain = (): Promise<boolean> => (drained ??= this.#drain(webhook, drainTimeoutMs));
    await this.#closeTransports(drain);
    if (!(await drain())) {
      const { abandoned, skipped } = this.events.abandonAll(drainTimeoutMs);
      this.#logger.warn('stop(): handlers still running when drainTimeoutMs ran out were abandoned', {
        drainTimeoutMs,
        abandoned,
        skipped,
      });
    }
    // Idle keep-alive sockets are unref'd already; closing them frees them now.
    this.#http?.destroy();
    this.#state = 'idle';
    this.#keepAlive.release();
  }

  // Resolves true once every handler and send in flight is done, or false when the time is up.
  async #drain(webhook: WebhookReceiver | undefined, timeoutMs: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const idle = (async (): Promise<true> => {
      // Callbacks already acknowledged reach the dispatcher on a later turn; let them in first.
      await webhook?.idle();
      while (this.#inFlight > 0) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
      return true;
    })();
    try {
      return await Promise.race([idle, timedOut]);
    } finally {
      clearTimeout(timer);
    }
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
    try {
      checkTarget(target);
      checkContent(content);
      if (options.replyToEvent !== undefined) checkReceivedAt(options.replyToEvent.receivedAt, 'replyToEvent.receivedAt');
      if (options.replyToMessage !== undefined) checkReceivedAt(options.replyToMessage.receivedAt, 'replyToMessage.receivedAt');
    } catch (error) {
      return Promise.reject(error);
    }
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
        ...(options.overflow !== undefined ? { overflow: options.overflow } : {}),
      }),
    );
  }

  // Each `message` handler is its own dispatcher listener (one per message event type), so it is
  // isolated like any handler: it runs whatever the others do, its failures and its time budget are
  // reported under the name 'message'.
  #addMessageHandler(handler: (message: Message) => unknown): void {
    const wrappers = MESSAGE_EVENT_TYPE_LIST.map((type) => {
      const wrapper: MessageListener = (data, meta) => handler(this.#messageFor(type, data, meta));
      setListenerLabel(wrapper, 'message');
      (this.events.on as MessageListenerRegistration).call(this.events, type, wrapper);
      return wrapper;
    });
    this.#messageHandlers.push({ handler, wrappers });
  }

  // Handlers of one event run one after another synchronously, so remembering the last message
  // built lets them share one Message without a cache per event.
  #messageFor(type: MessageEventType, data: MessageEventPayloads[MessageEventType], meta: DispatchMeta): Message {
    if (this.#lastMessageData === data && this.#lastMessage !== undefined) return this.#lastMessage;
    const message = toMessage(type, data, meta, { sender: this.#sender, quota: this.replyQuota, botUserId: this.#botUserId });
    this.#lastMessageData = data;
    this.#lastMessage = message;
    return message;
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
    const outcome = this.events[DISPATCH_NOW](envelope, context);
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
      gateway.on(name, (...args: unknown[]) => this.#emitLifecycle(name, args));
    }
    await gateway.connect();
  }

  // Lifecycle listeners are user code too: each runs whatever the others do, and a throw or a
  // rejection is logged instead of escaping into the socket's event loop (which would crash).
  #emitLifecycle(name: keyof QQBotLifecycleEvents, args: unknown[]): void {
    for (const listener of this.#lifecycle.listeners(name)) {
      try {
        const result: unknown = (listener as (...rest: unknown[]) => unknown)(...args);
        if (isThenable(result)) Promise.resolve(result).then(undefined, (error: unknown) => this.#lifecycleFailed(name, error));
      } catch (error) {
        this.#lifecycleFailed(name, error);
      }
    }
  }

  #lifecycleFailed(name: string, error: unknown): void {
    this.#logger.error(`a '${name}' listener failed`, { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }

  /**
   * Called by the `qq-sdk/webhook` adapters when they are given this bot (`expressWebhook(bot)`):
   * the bot's callbacks then arrive through your server, and `start()` checks that the bot does
   * not open a transport of its own as well.
   *
   * @internal
   */
  markWebhookMounted(): void {
    this.#webhookMounted = true;
  }

  // An adapter serves this bot, so the bot must neither listen itself nor open the gateway: either
  // would run a second, silent intake next to the one the user mounted.
  #refuseTwoWebhookTransports(): void {
    if (!this.#webhookMounted) return;
    const transport = this.#options.transport ?? 'websocket';
    if (transport !== 'webhook') {
      throw new QQValidationError('QQBot options', [
        {
          path: 'transport',
          message: `is '${transport}', but a webhook adapter serves this bot: set transport: 'webhook' and webhook: { listen: false } so events arrive only through your server`,
        },
      ]);
    }
    if (this.#options.webhook?.listen !== false) {
      throw new QQValidationError('QQBot options', [
        {
          path: 'webhook.listen',
          message:
            "must be false when a webhook adapter serves this bot: otherwise start() would also open the bot's own HTTP server. Set webhook: { listen: false }, or drop the adapter and let the bot listen (webhook: { port, path })",
        },
      ]);
    }
  }

  async #startWebhook(): Promise<void> {
    const { port, host, path, additionalSecrets, listen, ...common } = this.#options.webhook ?? {};
    const bot = {
      appId: this.#options.appId,
      clientSecret: this.#options.clientSecret,
      ...(additionalSecrets !== undefined ? { additionalSecrets } : {}),
      dispatcher: { dispatch: this.#dispatch },
      logger: this.#logger,
      ...(this.#options.clock !== undefined ? { clock: this.#options.clock } : {}),
    };
    if (listen === false) {
      // The server limits in `common` are ignored by the receiver: the caller's server owns them.
      this.webhookReceiver = new WebhookReceiver({ ...common, ...bot });
    } else {
      const server = createWebhookServer({ ...common, ...bot, ...(path !== undefined ? { path } : {}) });
      this.webhook = server;
      this.webhookReceiver = server.receiver;
      const listening = await server.listen({ ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}) });
      this.#emitLifecycle('webhookListening', [listening]);
    }
    // Webhooks carry no READY; learn the bot's id for stripping guild mentions.
    try {
      this.#botUserId = (await this.api.users.getMe()).id;
    } catch (error) {
      this.#logger.warn('could not fetch the bot user (GET /users/@me); guild mentions of the bot are stripped by position only', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  // Stops intake, then lets `drain` run before the gateway saves its sessions.
  async #closeTransports(drain: () => Promise<unknown>): Promise<void> {
    const gateway = this.gateway;
    const webhook = this.webhook;
    this.gateway = undefined;
    this.webhook = undefined;
    this.webhookReceiver = undefined;
    await Promise.all([gateway?.destroy({ drain }), webhook?.close()]);
  }
}

/** How long `stop()` waits for handlers by default. */
const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

// Checked when the bot is built, so a wrong option fails at once and names the field.
/** Why an env var can be the cause: the first mistake is often a variable that is not set. */
const UNSET_HINT = 'if it comes from an environment variable, that variable is not set in this process';

function checkCredentials(options: QQBotOptions, issues: ValidationIssue[]): void {
  const appId: unknown = options.appId;
  if (typeof appId === 'number') {
    if (!Number.isSafeInteger(appId) || appId <= 0) issues.push({ path: 'appId', message: `must be the AppID digits from the QQ console, got ${appId}` });
  } else if (typeof appId !== 'string' || appId.trim() === '') {
    issues.push({ path: 'appId', message: `is missing or empty: set it to the AppID shown on the bot's page in the QQ console (q.qq.com); ${UNSET_HINT}` });
  } else if (!/^\d+$/u.test(appId.trim())) {
    issues.push({ path: 'appId', message: `must be the AppID digits from the QQ console (not the bot's name), got "${appId}"` });
  }
  const secret: unknown = options.clientSecret;
  // The value is never echoed: it is a secret even when it is wrong.
  if (typeof secret !== 'string' || secret.trim() === '') {
    issues.push({ path: 'clientSecret', message: `is missing or empty: set it to the AppSecret from the QQ console; ${UNSET_HINT}` });
  }
  const intents: unknown = options.intents;
  if (intents === undefined || intents === null) {
    issues.push({ path: 'intents', message: 'is required: list the events to receive, e.g. intents: ["GROUP_AND_C2C_EVENT"] for groups and private chats' });
  } else if (typeof intents === 'number' ? !(Number.isInteger(intents) && intents > 0) : !Array.isArray(intents)) {
    issues.push({ path: 'intents', message: `must be intent names (e.g. ["GROUP_AND_C2C_EVENT"]) or a positive bitfield, got ${JSON.stringify(intents)}` });
  }
}

function checkOptions(options: QQBotOptions): void {
  const issues: ValidationIssue[] = [];
  checkCredentials(options, issues);
  const duration = (field: keyof QQBotOptions): void => {
    const value = options[field];
    if (value !== undefined && !isDuration(value)) issues.push({ path: field, message: `must be a number of milliseconds ≥ 0, got ${String(value)}` });
  };
  duration('handlerTimeoutMs');
  duration('dedupTtlMs');
  duration('tokenTimeoutMs');
  const count = (field: 'maxConcurrentHandlers' | 'maxMessagesPerSend'): void => {
    const value = options[field];
    if (value !== undefined && !(value === Infinity || (Number.isInteger(value) && value >= 1))) {
      issues.push({ path: field, message: `must be a whole number ≥ 1 (or Infinity for no bound), got ${String(value)}` });
    }
  };
  count('maxConcurrentHandlers');
  count('maxMessagesPerSend');
  checkRuntimeFeatures(options, issues);
  if (issues.length > 0) throw new QQValidationError('QQBot options', issues);
}

/** The web build has no gateway, no HTTP server and no proxy: say so when the bot is built, before any request. */
function checkRuntimeFeatures(options: QQBotOptions, issues: ValidationIssue[]): void {
  const transport = options.transport ?? 'websocket';
  if (!RuntimeFeatures.gateway && transport === 'websocket') {
    issues.push(webBuildIssue('gateway'));
  }
  if (!RuntimeFeatures.webhookServer && transport === 'webhook' && options.webhook?.listen !== false) {
    issues.push(webBuildIssue('webhookServer'));
  }
  if (!RuntimeFeatures.proxy && options.proxy !== undefined) {
    issues.push(webBuildIssue('proxy'));
  }
}

function isDuration(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && !Number.isNaN(value);
}

function isDispatcherName(name: string): name is keyof DispatcherListeners {
  return isEventType(name) || name === '*' || name === 'invalidEvent' || name === 'unknownEvent' || name === 'handlerError';
}
