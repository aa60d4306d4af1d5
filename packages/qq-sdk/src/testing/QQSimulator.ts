import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventFixtures } from '../events/fixtures/index.js';
import type { EventPayloadMap } from '../events/EventPayloadMap.js';
import type { EventType } from '../events/EventSchemas.js';
import { IntentBits, Intents } from '../events/Intents.js';
import { systemClock, type Clock } from '../internal/Clock.js';
import { resolveLogger, type Logger } from '../logging/Logger.js';
import type { ConnectionSelector } from './ConnectionSelector.js';
import { CONTROL_API_PREFIX, handleControlRequest } from './ControlApi.js';
import { ConsoleFeed } from './console/ConsoleFeed.js';
import { CONSOLE_PREFIX, handleConsoleRequest, type ConsoleHost } from './console/ConsoleServer.js';
import { isPlainObject } from './deepMerge.js';
import { parseRawDispatch, type RawDispatch } from './rawDispatch.js';
import { EventFactory, type FixtureEnvelope } from './EventFactory.js';
import { GatewayServer, type FloodTemplate } from './GatewayServer.js';
import { GroupAdminService, type AdminServiceError } from './GroupAdminService.js';
import { MessageService } from './MessageService.js';
import { PanelService } from './PanelService.js';
import { describePlatformError, type PlatformErrorBody } from './platformErrors.js';
import { SimulatorError } from './SimulatorError.js';
import { SessionStartLimiter } from './SessionStartLimiter.js';
import type { SessionStartLimit, SimulatorOptions, SimulatorPolicy, SimulatorPolicyUpdate } from './SimulatorOptions.js';
import type {
  ConnectionRecord,
  HeartbeatRecord,
  IdentifyRecord,
  InteractionAckRecord,
  RestCallRecord,
  ResumeRecord,
  SentMessageRecord,
  TypingRecord,
  UploadRecord,
} from './SimulatorRecords.js';
import { matchRoute, type SimulatorRoute } from './SimulatorRoute.js';
import { SimulatorTimeoutError } from './SimulatorTimeoutError.js';
import { TokenIssuer } from './TokenIssuer.js';
import { WebhookDeliverer, type WebhookDeliveryOptions, type WebhookDeliveryResult, type WebhookValidationResult } from './WebhookDeliverer.js';

/**
 * Every property optional, recursively, and any other field allowed at every level: the shape of
 * `inject`'s partial payload, so a payload captured from production (with fields qq-sdk does not
 * declare yet) can be replayed as it is.
 */
export type DeepPartial<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepPartial<U>[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> } & { readonly [field: string]: unknown }
      : T;

/** The partial `d` accepted by {@link QQSimulator.inject} for an event type. */
export type InjectPayload<T extends string> = T extends EventType ? DeepPartial<EventPayloadMap[T]> & Record<string, unknown> : Record<string, unknown>;

/** An event the simulator dispatched: its type, envelope id and full payload. */
export interface InjectedEvent<T extends string = string> {
  /** The event type (`t`). */
  type: T;
  /** The envelope id (use it as `event_id` for passive replies). */
  id: string;
  /** The full `d`, fixture defaults merged with the partial. */
  data: T extends EventType ? EventPayloadMap[T] & Record<string, unknown> : Record<string, unknown>;
  /** How many gateway sessions it was dispatched to (0 when no session accepts it). */
  delivered: number;
}

/** Options of {@link QQSimulator.flood}. */
export interface FloodOptions {
  /** Fields merged over the fixture for every event (ids stay unique). */
  partial?: Record<string, unknown>;
  /** The session to flood; defaults to the first valid session that accepts the event. */
  sessionId?: string;
}

/** The outcome of {@link QQSimulator.flood}. */
export interface FloodResult {
  /** Events sent. */
  count: number;
  /** The session they went to. */
  sessionId: string;
  /** Sequence numbers of the first and last event. */
  firstSeq: number;
  /** Sequence number of the last event. */
  lastSeq: number;
  /** Milliseconds the simulator took to hand them all to the socket. */
  elapsedMs: number;
}

/** A failure queued by {@link QQSimulator.failNext}: an HTTP status, a platform code, or both. */
export type SimulatedFailure = number | { status?: number; code?: number; message?: string };

/** Options of {@link QQSimulator.waitFor}. */
export interface WaitForOptions {
  /** Give up after this many milliseconds. @defaultValue 5000 */
  timeoutMs?: number;
  /** What is awaited, for the timeout error's message. */
  description?: string;
}

/** A gateway session as {@link QQSimulator.sessions} reports it. */
export interface SessionInfo {
  /** The `session_id`. */
  id: string;
  /** `[shard_id, num_shards]`. */
  shard: readonly [number, number];
  /** The identified intents. */
  intents: number;
  /** The last sequence number sent on it. */
  seq: number;
  /** Whether a connection is bound to it now. */
  connected: boolean;
}

const DEFAULT_POLICY: SimulatorPolicy = {
  allowActiveMessages: false,
  markdownRefused: [],
  registeredDomains: [],
  replyQuotas: { c2c: 4, group: 5, channel: null, dm: null },
  replyWindows: { c2c: 3_600_000, group: 300_000, channel: 300_000, dm: 300_000 },
  rateLimit: null,
};

const KNOWN_INTENTS = Object.values(IntentBits).reduce((bits, bit) => bits | bit, 0);
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The QQ platform, offline: a real HTTP + WebSocket server on 127.0.0.1 that behaves like the
 * platform for a bot under test — token endpoint, `/gateway`, the WebSocket gateway protocol, the
 * message and media endpoints with the reply rules and real error bodies, and signed webhook
 * delivery — plus a control API to inject events, break connections and read back everything the
 * bot did.
 *
 * @example
 * ```ts
 * const sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
 * // point the bot at sim.url (REST), sim.tokenUrl (token); it finds sim.wsUrl via /gateway/bot
 * await sim.waitFor(() => sim.sessions.some((s) => s.connected));
 * const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 你好' });
 * await sim.waitFor(() => sim.messagesTo(event.data.group_openid).length > 0);
 * await sim.close();
 * ```
 */
export class QQSimulator {
  // Names itself in its body, so the build would publish it as `_QQSimulator` (see tsup.config.ts).
  static {
    Object.defineProperty(this, 'name', { value: 'QQSimulator' });
  }

  /** REST base URL (`http://127.0.0.1:<port>`): the bot's `apiBaseUrl`. */
  readonly url: string;
  /** The gateway URL returned by `/gateway` and `/gateway/bot`. */
  readonly wsUrl: string;
  /** The token endpoint: the bot's `tokenUrl`. */
  readonly tokenUrl: string;
  /** The simulated bot's appId. */
  readonly appId: string;
  /** The simulated bot's client secret. */
  readonly clientSecret: string;
  /** The simulator's clock. */
  readonly clock: Clock;

  private readonly server: Server;
  private readonly tokens: TokenIssuer;
  private readonly gateway: GatewayServer;
  private readonly messages: MessageService;
  private readonly panels: PanelService;
  private readonly groupAdmin: GroupAdminService;
  private readonly webhooks: WebhookDeliverer;
  private readonly events: EventFactory;
  private readonly logger: Logger;
  private readonly policy: SimulatorPolicy;
  private readonly sessionLimit: SessionStartLimiter;
  private readonly shardCount: number;
  private readonly botUser: { id: string; username: string };
  private readonly restCalls: RestCallRecord[] = [];
  private readonly failures = new Map<string, { failure: SimulatedFailure; remaining: number }[]>();
  private readonly waiters = new Set<() => void>();
  private readonly controlApi: boolean;
  private readonly console: ConsoleHost | undefined;
  private tokenCalls = 0;
  private twicePending = 0;
  private closed = false;

  private constructor(server: Server, options: SimulatorOptions, parts: { logger: Logger; clock: Clock }) {
    const { port } = server.address() as AddressInfo;
    this.server = server;
    this.url = `http://127.0.0.1:${port}`;
    this.wsUrl = `ws://127.0.0.1:${port}/websocket`;
    this.tokenUrl = `${this.url}/app/getAppAccessToken`;
    this.appId = options.appId ?? '102000000';
    this.clientSecret = options.clientSecret ?? 'simulator-secret-0123456789abcdef';
    this.clock = parts.clock;
    this.logger = parts.logger;
    this.shardCount = options.shards ?? 1;
    this.controlApi = options.controlApi ?? false;
    this.policy = {
      allowActiveMessages: options.allowActiveMessages ?? DEFAULT_POLICY.allowActiveMessages,
      markdownRefused: options.markdownRefused ?? DEFAULT_POLICY.markdownRefused,
      registeredDomains: options.registeredDomains ?? DEFAULT_POLICY.registeredDomains,
      replyQuotas: { ...DEFAULT_POLICY.replyQuotas, ...options.replyQuotas },
      replyWindows: { ...DEFAULT_POLICY.replyWindows, ...options.replyWindows },
      rateLimit: options.rateLimit ?? null,
    };
    this.sessionLimit = new SessionStartLimiter(this.clock, {
      total: 1000,
      remaining: 1000,
      reset_after: 86_400_000,
      max_concurrency: 1,
      ...options.sessionStartLimit,
    });
    const botUser = {
      id: options.botUser?.id ?? '6158788878435714165',
      username: options.botUser?.username ?? '模拟机器人',
    };
    this.botUser = botUser;
    this.tokens = new TokenIssuer(this.clock, (options.tokenLifetimeSeconds ?? 7200) * 1000);
    this.gateway = new GatewayServer({
      clock: this.clock,
      tokens: this.tokens,
      logger: this.logger,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      shards: this.shardCount,
      knownIntents: KNOWN_INTENTS,
      permittedIntents: options.permittedIntents ?? KNOWN_INTENTS,
      sessionStartLimit: this.sessionLimit,
      enforceMaxConcurrency: options.enforceMaxConcurrency ?? false,
      connectionLifetimeMs: options.connectionLifetimeMs ?? null,
      reconnectCloseDelayMs: options.reconnectCloseDelayMs === undefined ? DEFAULT_RECONNECT_CLOSE_DELAY_MS : options.reconnectCloseDelayMs,
      invalidGatewayToken: options.invalidGatewayToken ?? 4004,
      replayBufferSize: options.replayBufferSize ?? 200_000,
      botUser,
      intentOf: (type) => {
        const name = Intents.forEvent(type);
        return name === undefined ? undefined : IntentBits[name];
      },
      notify: () => this.notify(),
    });
    this.messages = new MessageService(this.clock, () => this.policy, botUser, options);
    this.panels = new PanelService(this.clock);
    this.groupAdmin = new GroupAdminService(this.clock);
    this.console = options.console === true ? this.createConsole(botUser.id) : undefined;
    this.webhooks = new WebhookDeliverer(this.appId, this.clientSecret, this.clock, {
      retries: options.webhookRetries ?? 3,
      retryDelayMs: options.webhookRetryDelayMs ?? 1000,
    });
    this.events = new EventFactory(eventFixtures as Readonly<Record<string, FixtureEnvelope | undefined>>, this.clock);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res));
    server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
      if (new URL(req.url ?? '/', this.url).pathname.startsWith('/websocket')) {
        this.gateway.handleUpgrade(req, socket, head);
      } else {
        socket.destroy();
      }
    });
  }

  /**
   * Starts a simulator on 127.0.0.1 (a free port unless `options.port` is given).
   *
   * @param options - The simulated bot and platform policy; every field has a default.
   * @returns The running simulator; `await sim.close()` when done.
   */
  static async start(options: SimulatorOptions = {}): Promise<QQSimulator> {
    checkOptions(options);
    const server = createServer({ keepAlive: true });
    // Keep-alive sockets must not keep the process (or close()) waiting.
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const logger = resolveLogger(options.logger, options.logLevel);
    const sim = new QQSimulator(server, options, { logger, clock: options.clock ?? systemClock });
    logger.debug('simulator: listening', { url: sim.url });
    return sim;
  }

  // ---------------------------------------------------------------- read-back

  /** Every WebSocket connection the bot opened, in order. */
  get connections(): readonly ConnectionRecord[] {
    return this.gateway.connections;
  }

  /** Every Identify the bot sent. */
  get identifies(): readonly IdentifyRecord[] {
    return this.gateway.identifies;
  }

  /** Every Resume the bot sent. */
  get resumes(): readonly ResumeRecord[] {
    return this.gateway.resumes;
  }

  /** Every Heartbeat the bot sent. */
  get heartbeats(): readonly HeartbeatRecord[] {
    return this.gateway.heartbeats;
  }

  /** The live gateway sessions (resumable, connected or not). */
  get sessions(): SessionInfo[] {
    return [...this.gateway.sessions.values()].map((s) => ({
      id: s.id,
      shard: s.shard,
      intents: s.intents,
      seq: s.seq,
      connected: s.socket !== null,
    }));
  }

  /** Number of gateway connections open now. */
  get openConnections(): number {
    return this.gateway.openCount;
  }

  /** Every HTTP request the bot made (token, gateway and REST), with bodies and answers. */
  get requests(): readonly RestCallRecord[] {
    return this.restCalls;
  }

  /** How many times the token endpoint was called. */
  get tokenRequests(): number {
    return this.tokenCalls;
  }

  /** `session_start_limit` as `/gateway/bot` reports it now. */
  get sessionStartLimit(): Readonly<SessionStartLimit> {
    return this.sessionLimit.current();
  }

  /** Every message the platform accepted from the bot, in order. */
  get sentMessages(): readonly SentMessageRecord[] {
    return this.messages.sent;
  }

  /**
   * Every rich-media upload the platform accepted, with its `file_type` and bytes (or URL); a
   * `msg_type` 7 message links to its upload as `media` in {@link sentMessages}.
   */
  get uploads(): readonly UploadRecord[] {
    return this.messages.uploads;
  }

  /** Every interaction acknowledgement (`PUT /interactions/{id}`) the bot sent. */
  get interactionAcks(): readonly InteractionAckRecord[] {
    return this.messages.interactionAcks;
  }

  /** Every C2C typing notice (`msg_type: 6`) the platform accepted; they are not in `sentMessages`. */
  get typingNotices(): readonly TypingRecord[] {
    return this.messages.typing;
  }

  /** The messages accepted for one target (user openid, group_openid, channel_id or DM guild_id). */
  messagesTo(target: string): SentMessageRecord[] {
    return this.messages.sent.filter((m) => m.target === target);
  }

  /** The REST calls that matched `route`. */
  requestsTo(route: SimulatorRoute): RestCallRecord[] {
    return this.restCalls.filter((r) => r.route === route);
  }

  // ---------------------------------------------------------------- control

  /**
   * Dispatches an event to the bot: the fixture for `type` with `partial` deep-merged over its
   * `d`, with fresh ids and timestamps. It goes to every session whose intents and shard accept
   * it (and is buffered for replay); message and replyable events become valid `msg_id` /
   * `event_id` targets for passive replies.
   *
   * @param type - The event type (`t`), e.g. `'GROUP_AT_MESSAGE_CREATE'`.
   * @param partial - Fields to override in `d` (`{ content: ' 你好', group_openid: 'G1' }`).
   */
  inject<T extends EventType | (string & {})>(type: T, partial?: InjectPayload<T>): InjectedEvent<T> {
    this.assertOpen();
    const built = this.events.build(type, partial);
    this.messages.register(type, built.id, built.data);
    this.console?.feed.observeEvent(type, built.id, built.data);
    const prepared = { type, id: built.id, data: built.data, dataJson: JSON.stringify(built.data) };
    let delivered = this.gateway.dispatch(prepared);
    if (this.twicePending > 0) {
      this.twicePending--;
      this.gateway.dispatch(prepared);
    }
    this.warnUndelivered(type, delivered);
    this.notify();
    return { type, id: built.id, data: built.data as InjectedEvent<T>['data'], delivered };
  }

  /**
   * Dispatches a captured event exactly as the platform sent it: `d` goes out unchanged (no
   * fixture, no defaults, no fresh ids), so a real payload is replayed verbatim. Give the frame's
   * JSON text to keep `d` byte for byte (key order, numbers beyond 2^53), or the frame as an
   * object. Only the sequence number is the session's own; the envelope `id` is kept (made up when
   * missing). Message and replyable events become reply targets as with {@link QQSimulator.inject}.
   *
   * @param frame - `{ op: 0, t, id?, d }` (`s` is ignored), or its JSON text.
   * @example
   * ```ts
   * sim.injectRaw(readFileSync('captures/c2c-message.json', 'utf8'));
   * ```
   */
  injectRaw(frame: string | RawDispatch): InjectedEvent {
    this.assertOpen();
    const raw = parseRawDispatch(frame);
    const id = raw.id ?? `${raw.type}:${randomBytes(8).toString('hex')}`;
    this.messages.register(raw.type, id, raw.data);
    this.console?.feed.observeEvent(raw.type, id, raw.data);
    const prepared = { type: raw.type, id, data: raw.data, dataJson: raw.dataJson };
    let delivered = this.gateway.dispatch(prepared);
    if (this.twicePending > 0) {
      this.twicePending--;
      this.gateway.dispatch(prepared);
    }
    this.warnUndelivered(raw.type, delivered);
    this.notify();
    return { type: raw.type, id, data: (isPlainObject(raw.data) ? raw.data : {}) as InjectedEvent['data'], delivered };
  }

  /**
   * Sends `count` events of `type` to one session as fast as the socket takes them (frames are
   * pre-serialized; only the seq and ids change). Each event gets a unique envelope id and
   * message id; they are buffered for Resume like any dispatch, but are not replyable.
   */
  async flood(type: EventType | (string & {}), count: number, options: FloodOptions = {}): Promise<FloodResult> {
    this.assertOpen();
    const built = this.events.build(type, options.partial);
    const session = options.sessionId !== undefined ? this.gateway.sessions.get(options.sessionId) : this.gateway.targetSessions(type, built.data)[0];
    if (!session) {
      throw new SimulatorError(`flood('${type}'): no gateway session accepts this event; wait until the bot is READY.`);
    }
    const runId = randomBytes(6).toString('hex');
    const marker = `__qqsim_${runId}__`;
    const hasMessageId = isPlainObject(built.data) && 'id' in built.data;
    const data = hasMessageId ? { ...(built.data as Record<string, unknown>), id: marker } : built.data;
    const [dataHead, dataTail = ''] = JSON.stringify(data).split(`"${marker}"`) as [string, string?];
    const idHead = `,"t":${JSON.stringify(type)},"id":"${type}:${runId}-`;
    const template: FloodTemplate = hasMessageId
      ? {
          pieces: ['{"op":0,"s":', idHead, `","d":${dataHead}"ROBOT1.0_${runId}-`, `"${dataTail}}`],
          slots: ['seq', 'index', 'index'],
        }
      : { pieces: ['{"op":0,"s":', idHead, `","d":${dataHead}}`], slots: ['seq', 'index'] };
    const firstSeq = session.seq + 1;
    const started = performance.now();
    await this.gateway.flood(session, count, template);
    this.notify();
    return {
      count,
      sessionId: session.id,
      firstSeq,
      lastSeq: session.seq,
      elapsedMs: performance.now() - started,
    };
  }

  /** Sends op 7 (Reconnect): the bot should reconnect and Resume. Returns the connections told. */
  reconnect(selector?: ConnectionSelector): number {
    return this.gateway.reconnect(selector);
  }

  /**
   * Sends op 9 (Invalid Session) with `d: resumable`. When not resumable the session ends, so a
   * later Resume gets op 9 again and the bot must Identify.
   */
  invalidSession(resumable: boolean, selector?: ConnectionSelector): number {
    return this.gateway.invalidSession(resumable, selector);
  }

  /**
   * Closes the bot's connections with `code`, with the platform's effect on the session: 4008,
   * 4009 (and 1000–1999) leave it resumable; every other code ends it; 4914 and 4915 also stay in
   * force for every later Identify and Resume until {@link QQSimulator.unban}.
   */
  close(code: number, selector?: ConnectionSelector): number;
  /** Stops the simulator: closes every socket, cancels every timer and pending webhook re-post. */
  close(): Promise<void>;
  close(code?: number, selector?: ConnectionSelector): number | Promise<void> {
    if (code === undefined) return this.shutdown();
    return this.gateway.close(code, selector);
  }

  /** Destroys the TCP connection without a close frame: the bot sees 1006. The session stays resumable. */
  dropConnection(selector?: ConnectionSelector): number {
    return this.gateway.dropConnection(selector);
  }

  /** Stops answering heartbeats (a zombie connection, as seen from the bot). */
  stopAcks(): void {
    this.gateway.stopAcks();
  }

  /** Answers heartbeats again. */
  resumeAcks(): void {
    this.gateway.resumeAcks();
  }

  /** Lifts a 4914/4915 that {@link QQSimulator.close} put in force. */
  unban(): void {
    this.gateway.unban();
  }

  /** Invalidates every access token issued so far (REST then answers 401, Identify gets op 9). */
  expireToken(): void {
    this.tokens.expireAll();
  }

  /**
   * Makes the next `times` requests to `route` fail. A number from 100 to 599 is an HTTP status
   * (body code = status); another number is a platform code with its usual status (see
   * {@link PLATFORM_ERRORS}); an object sets any of status, code and message.
   *
   * @param route - One of {@link SIMULATOR_ROUTES}, or `'*'` for any route.
   */
  failNext(route: SimulatorRoute | '*', failure: SimulatedFailure, times = 1): void {
    const queue = this.failures.get(route) ?? [];
    queue.push({ failure, remaining: times });
    this.failures.set(route, queue);
  }

  /** Delivers each of the next `times` injected events twice (same id), as the platform sometimes does. */
  deliverTwice(times = 1): void {
    this.twicePending += times;
  }

  /** Changes the reply-rule policy while running; omitted fields keep their value. */
  configure(policy: SimulatorPolicyUpdate): void {
    if (policy.allowActiveMessages !== undefined) this.policy.allowActiveMessages = policy.allowActiveMessages;
    if (policy.markdownRefused !== undefined) this.policy.markdownRefused = policy.markdownRefused;
    if (policy.registeredDomains !== undefined) this.policy.registeredDomains = policy.registeredDomains;
    if (policy.replyQuotas !== undefined) Object.assign(this.policy.replyQuotas, policy.replyQuotas);
    if (policy.replyWindows !== undefined) Object.assign(this.policy.replyWindows, policy.replyWindows);
    if (policy.rateLimit !== undefined) this.policy.rateLimit = policy.rateLimit;
  }

  /**
   * Posts an event to a webhook URL on the loopback interface, signed as the platform signs it,
   * and re-posts it (up to `webhookRetries` times) until the bot answers with op 12. The event
   * becomes replyable like an injected one.
   */
  async deliverWebhook<T extends EventType | (string & {})>(
    url: string,
    type: T,
    partial?: InjectPayload<T>,
    options?: WebhookDeliveryOptions,
  ): Promise<WebhookDeliveryResult> {
    this.assertOpen();
    const built = this.events.build(type, partial);
    this.messages.register(type, built.id, built.data);
    this.console?.feed.observeEvent(type, built.id, built.data);
    const body = JSON.stringify({ op: 0, id: built.id, d: built.data, t: type });
    const twice = this.twicePending > 0;
    if (twice) this.twicePending--;
    const result = await this.webhooks.deliver(url, built.id, body, options);
    if (twice) {
      const second = await this.webhooks.deliver(url, built.id, body, options);
      result.attempts.push(...second.attempts);
      result.acknowledged ||= second.acknowledged;
    }
    this.notify();
    return result;
  }

  /** Sends the op 13 callback-URL validation request and checks the bot's signed answer. */
  async validateWebhook(url: string): Promise<WebhookValidationResult> {
    this.assertOpen();
    return this.webhooks.validate(url);
  }

  /**
   * Waits until `predicate` returns a truthy value, checking after every change the simulator
   * sees and every 10 ms; resolves with that value. Never sleep blindly in tests: wait for this.
   *
   * @throws {@link SimulatorTimeoutError} after `timeoutMs`.
   */
  waitFor<T>(predicate: (sim: QQSimulator) => T | false | null | undefined | 0 | '', options: WaitForOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.waiters.delete(check);
      };
      const check = (): void => {
        let value: T | false | null | undefined | 0 | '';
        try {
          value = predicate(this);
        } catch (error) {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new SimulatorTimeoutError(timeoutMs, options.description));
      }, timeoutMs);
      const poll = setInterval(check, 10);
      timer.unref();
      poll.unref();
      this.waiters.add(check);
      check();
    });
  }

  /**
   * Resolves when no message matching `options` was sent for `withinMs`, the way to check "the
   * bot did not answer" without a blind sleep; rejects with a {@link SimulatorError} naming the
   * message as soon as one is sent. Waits on real time (the bot's work is real), bounded by
   * `withinMs`.
   *
   * @param options - `to` (a target: openid, group_openid, channel_id), `replyTo` (the `msg_id`
   *   answered), `withinMs` (default 300).
   * @example
   * ```ts
   * const event = sim.inject('GROUP_MESSAGE_CREATE', { content: 'not for the bot', mentions: [] });
   * await sim.expectNoReply({ replyTo: event.data.id });
   * ```
   */
  expectNoReply(options: { readonly to?: string; readonly replyTo?: string; readonly withinMs?: number } = {}): Promise<void> {
    const withinMs = options.withinMs ?? 300;
    const matches = (message: SentMessageRecord): boolean =>
      (options.to === undefined || message.target === options.to) && (options.replyTo === undefined || message.msgId === options.replyTo);
    const before = this.sentMessages.filter(matches).length;
    return new Promise<void>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.waiters.delete(check);
      };
      const check = (): void => {
        const sent = this.sentMessages.filter(matches);
        if (sent.length <= before) return;
        finish();
        const first = sent[before];
        reject(
          new SimulatorError(
            `expected no reply${options.to ? ` to ${options.to}` : ''}${options.replyTo ? ` answering ${options.replyTo}` : ''}, but the bot sent ${JSON.stringify(first?.text ?? '')} (message ${first?.id ?? '?'})`,
          ),
        );
      };
      const timer = setTimeout(() => {
        finish();
        resolve();
      }, withinMs);
      const poll = setInterval(check, 10);
      timer.unref();
      poll.unref();
      this.waiters.add(check);
      check();
    });
  }

  // ---------------------------------------------------------------- internals

  /** An injected event no session took is a common test mistake (not connected yet, intents): say so. */
  private warnUndelivered(type: string, delivered: number): void {
    if (delivered > 0) return;
    this.logger.warn(`${type} reached no session: no bot is connected yet, or no session's intents (or shard) cover it; it is kept for a resume`, { type });
  }

  private notify(): void {
    this.console?.feed.sync();
    for (const waiter of [...this.waiters]) waiter();
  }

  private createConsole(botUserId: string): ConsoleHost {
    const policy = (): ConsoleHost['initialPolicy'] => ({
      replyQuotas: { ...this.policy.replyQuotas },
      replyWindows: { ...this.policy.replyWindows },
      markdownRefused: this.policy.markdownRefused,
    });
    return { sim: this, feed: new ConsoleFeed(this), botUserId, policy, initialPolicy: policy() };
  }

  private assertOpen(): void {
    if (this.closed) throw new SimulatorError('The simulator is closed; start a new one with QQSimulator.start().');
  }

  private async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.webhooks.close();
    await this.gateway.shutdown();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => this.respond(req, res, Buffer.concat(chunks).toString('utf8')));
  }

  private respond(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const method = req.method ?? 'GET';
    const target = new URL(req.url ?? '/', this.url);
    let body: unknown = undefined;
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    if (this.console !== undefined && (target.pathname === CONSOLE_PREFIX || target.pathname.startsWith(`${CONSOLE_PREFIX}/`))) {
      handleConsoleRequest(this.console, req, res, target, body);
      return;
    }
    if (this.controlApi && target.pathname.startsWith(`${CONTROL_API_PREFIX}/`)) {
      void Promise.resolve(handleControlRequest(this, method, target, body, rawBody)).then(({ status, body: answer }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
      return;
    }
    const matched = matchRoute(method, target.pathname);
    const traceId = randomBytes(16).toString('hex');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(', ') : value;
      headers[name] = name === 'authorization' ? `${text.split(' ')[0] ?? ''} <redacted>` : text;
    }
    const { status, response } = this.route(matched?.route ?? null, matched?.params ?? {}, req, body, traceId);
    // The read-back is often printed by failing tests: keep the app secret and tokens out of it.
    const recordedBody = isPlainObject(body) && 'clientSecret' in body ? { ...body, clientSecret: '<redacted>' } : body;
    const recordedResponse = isPlainObject(response) && 'access_token' in response ? { ...response, access_token: '<redacted>' } : response;
    this.restCalls.push({
      method,
      path: `${target.pathname}${target.search}`,
      route: matched?.route ?? null,
      params: matched?.params ?? {},
      body: recordedBody,
      headers,
      status,
      response: recordedResponse,
      traceId,
      at: this.clock.now(),
    });
    res.writeHead(status, { 'content-type': 'application/json', 'x-tps-trace-id': traceId });
    res.end(JSON.stringify(response));
    this.notify();
  }

  private route(
    route: SimulatorRoute | null,
    params: Record<string, string>,
    req: IncomingMessage,
    body: unknown,
    traceId: string,
  ): { status: number; response: unknown } {
    const error = (code: number, status?: number, message?: string): { status: number; response: PlatformErrorBody } => {
      const known = describePlatformError(code);
      return {
        status: status ?? known.status,
        response: { message: message ?? known.message, code, err_code: code, trace_id: traceId },
      };
    };
    if (route === null) return error(404, 404, 'api not found');
    const failure = this.takeFailure(route);
    if (failure !== undefined) {
      if (typeof failure === 'number') {
        return failure >= 100 && failure < 600 ? error(failure, failure, `simulated HTTP ${failure}`) : error(failure);
      }
      const code = failure.code ?? failure.status ?? 500;
      return error(code, failure.status, failure.message);
    }
    if (route === 'POST /app/getAppAccessToken') return this.issueToken(body, error);
    const authorization = req.headers.authorization;
    if (authorization === undefined || authorization === '') return error(11241);
    if (!this.tokens.isValidAuthorization(authorization)) return error(11244);
    switch (route) {
      case 'GET /gateway':
        return { status: 200, response: { url: this.wsUrl } };
      case 'GET /gateway/bot':
        return {
          status: 200,
          response: { url: this.wsUrl, shards: this.shardCount, session_start_limit: this.sessionLimit.current() },
        };
      case 'GET /users/@me':
        return {
          status: 200,
          response: { ...this.botUser, avatar: '', union_openid: '', union_user_account: '' },
        };
      default: {
        const query = new URL(req.url ?? '/', this.url).searchParams;
        const result =
          this.messages.handle(route, params, body) ?? this.panels.handle(route, params, body, query) ?? this.groupAdmin.handle(route, params, body, query);
        if (!result) return error(404, 404, 'api not found');
        if ('error' in result) {
          const failure: AdminServiceError = result;
          return error(failure.error, failure.status, failure.message);
        }
        return { status: result.status, response: result.body };
      }
    }
  }

  private issueToken(
    body: unknown,
    error: (code: number, status?: number, message?: string) => { status: number; response: PlatformErrorBody },
  ): { status: number; response: unknown } {
    this.tokenCalls++;
    const fields = isPlainObject(body) ? body : {};
    if (fields['appId'] !== this.appId) return error(100007);
    if (fields['clientSecret'] !== this.clientSecret) return error(100016);
    const { accessToken, expiresIn } = this.tokens.issue();
    return { status: 200, response: { access_token: accessToken, expires_in: String(expiresIn) } };
  }

  private takeFailure(route: SimulatorRoute): SimulatedFailure | undefined {
    for (const key of [route, '*']) {
      const queue = this.failures.get(key);
      const head = queue?.[0];
      if (!queue || !head) continue;
      head.remaining--;
      if (head.remaining <= 0) queue.shift();
      return head.failure;
    }
    return undefined;
  }
}

/** How long after op 7 the simulator closes with 4009 unless told otherwise (the platform: "right away"). */
const DEFAULT_RECONNECT_CLOSE_DELAY_MS = 200;

/** Refuses option values the simulator cannot honour, naming the option. */
function checkOptions(options: SimulatorOptions): void {
  const checks: [keyof SimulatorOptions, number | undefined, number, number][] = [
    ['port', options.port, 0, 65_535],
    ['heartbeatIntervalMs', options.heartbeatIntervalMs, 1, 2 ** 31 - 1],
    ['shards', options.shards, 1, 1_000_000],
    ['tokenLifetimeSeconds', options.tokenLifetimeSeconds, 1, 10 ** 9],
    ['replayBufferSize', options.replayBufferSize, 0, 10 ** 9],
    ['connectionLifetimeMs', options.connectionLifetimeMs, 1, 2 ** 31 - 1],
    ['webhookRetries', options.webhookRetries, 0, 100],
    ['webhookRetryDelayMs', options.webhookRetryDelayMs, 0, 2 ** 31 - 1],
    ['reconnectCloseDelayMs', options.reconnectCloseDelayMs ?? undefined, 0, 2 ** 31 - 1],
  ];
  for (const [name, value, min, max] of checks) {
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
      throw new SimulatorError(`QQSimulator.start: option ${name} must be an integer from ${min} to ${max}, got ${String(value)}.`);
    }
  }
  if (options.invalidGatewayToken !== undefined && options.invalidGatewayToken !== 4004 && options.invalidGatewayToken !== 'invalid-session') {
    throw new SimulatorError(`QQSimulator.start: option invalidGatewayToken must be 4004 or 'invalid-session', got ${String(options.invalidGatewayToken)}.`);
  }
}
