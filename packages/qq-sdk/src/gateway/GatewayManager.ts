import { EventEmitter } from 'eventemitter3';
import type { ClientOptions } from 'ws';
import { systemClock, type Clock } from '../internal/Clock.js';
import { resolveLogger, type Logger, type LogLevel } from '../logging/Logger.js';
import { DefaultGatewayOptions } from './DefaultGatewayOptions.js';
import type { GatewayDispatcher } from './GatewayDispatcher.js';
import { GatewayShard, type GatewayTimingOptions } from './GatewayShard.js';
import { emptyGatewayCounters, type GatewayCounters, type GatewayManagerEventsMap, type GatewayShardEventsMap } from './GatewayShardEvents.js';
import { MemorySessionStore } from './session/MemorySessionStore.js';
import type { GatewaySessionStore } from './session/GatewaySessionStore.js';
import type { IdentifyThrottler, SessionStartLimit } from './throttling/IdentifyThrottler.js';
import { SimpleIdentifyThrottler } from './throttling/SimpleIdentifyThrottler.js';
import { QQStateError } from '../errors/QQStateError.js';
import { DISPATCH_NOW, dispatchesNow } from '../events/internal/dispatchNow.js';
import { QQValidationError } from '../errors/QQValidationError.js';

/**
 * The answer of GET /gateway/bot.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/wss/shard_url_get.html
 */
export interface GatewayBotInfo {
  /** The WebSocket URL to connect to. */
  url: string;
  /** The recommended shard count. */
  shards: number;
  /** Limits on starting new sessions. */
  session_start_limit: SessionStartLimit;
}

/** Options of a {@link GatewayManager}. */
export interface GatewayManagerOptions extends GatewayTimingOptions {
  /** The intents bitfield (build it with the events layer's `Intents`). */
  intents: number;
  /** Returns a valid app access token (e.g. `tokenManager.getAccessToken`); called before every Identify/Resume. */
  getAccessToken: (signal?: AbortSignal) => Promise<string>;
  /**
   * Forgets a token the gateway refused (Identify/Resume answered with op 9 or a close), e.g.
   * `(token) => tokenManager.invalidate(token)`.
   */
  invalidateAccessToken?: (rejectedToken: string) => void;
  /** Fetches GET /gateway/bot (e.g. `() => api.gateway.getBot()`). */
  fetchGatewayInfo: (signal?: AbortSignal) => Promise<GatewayBotInfo>;
  /** Where every dispatch goes (the events layer's `EventDispatcher`). */
  dispatcher: GatewayDispatcher;
  /**
   * Total shards: `'auto'` uses the platform's recommendation.
   * @defaultValue 'auto'
   */
  shardCount?: 'auto' | number;
  /**
   * The shards this process runs, when several processes share the work: a list of ids or an
   * inclusive `{ from, to }` range. Defaults to all of them.
   */
  shards?: readonly number[] | { from: number; to: number };
  /** Shorthand for running exactly shard `id` of `count` in this process. */
  shard?: readonly [id: number, count: number];
  /** Where sessions are kept (use {@link FileSessionStore} to resume across restarts). @defaultValue memory */
  sessionStore?: GatewaySessionStore;
  /**
   * Decides when shards may identify. Pass an instance (e.g. a shared one across processes) or a
   * factory that receives `session_start_limit`. @defaultValue a {@link SimpleIdentifyThrottler}
   */
  identifyThrottler?: IdentifyThrottler | ((limit: SessionStartLimit) => IdentifyThrottler);
  /** Explains an intents bitfield in 4013/4014 errors (e.g. names the intents that need approval). */
  describeIntents?: (intents: number) => string;
  /** Overrides the URL from /gateway/bot (sandbox, simulator, proxy). */
  url?: string;
  /** `properties` sent in Identify. */
  properties?: Record<string, string>;
  /** Options for the `ws` client, e.g. `{ agent }` for an HTTP proxy. */
  ws?: ClientOptions;
  /** Where diagnostics go (never bare console). */
  logger?: Partial<Logger>;
  /** The lowest log level emitted. */
  logLevel?: LogLevel;
  /** Time source. */
  clock?: Clock;
  /** Randomness for jitter (tests). */
  random?: () => number;
}

const SHARD_EVENTS = ['ready', 'resumed', 'reconnecting', 'close', 'error', 'debug', 'heartbeat', 'statusChange'] as const satisfies ReadonlyArray<
  keyof GatewayShardEventsMap
>;

/**
 * Runs the gateway: fetches GET /gateway/bot, decides the shard count, creates one
 * {@link GatewayShard} per shard this process runs (each with its own session), identifies them
 * within `session_start_limit` (`max_concurrency` per 5 s, never beyond `remaining`), and re-emits
 * every shard event with the shard id appended. Platform events leave only through the injected
 * dispatcher.
 *
 * @example
 * ```ts
 * const tokens = new TokenManager({ appId, clientSecret });
 * const api = new API(new RestClient({ token: tokens }));
 * const gateway = new GatewayManager({
 *   intents: Intents.from(['GROUP_AND_C2C_EVENT']),
 *   getAccessToken: (signal) => tokens.getAccessToken(signal),
 *   invalidateAccessToken: (token) => tokens.invalidate(token),
 *   fetchGatewayInfo: () => api.gateway.getBot(),
 *   dispatcher,
 * });
 * gateway.on('resumed', (event, shardId) => console.log(`shard ${shardId} resumed`, event));
 * await gateway.connect();
 * ```
 */
export class GatewayManager extends EventEmitter<GatewayManagerEventsMap> {
  readonly #options: GatewayManagerOptions;
  readonly #logger: Logger;
  readonly #store: GatewaySessionStore;
  readonly #dispatcher: GatewayDispatcher;
  readonly #shards = new Map<number, GatewayShard>();
  #shardCount = 0;
  #info: GatewayBotInfo | undefined;
  #abort: AbortController | undefined;

  /** @param options - Token source, gateway info source, dispatcher, intents and policy. */
  constructor(options: GatewayManagerOptions) {
    super();
    this.#options = options;
    this.#logger = resolveLogger(options.logger, options.logLevel);
    this.#store = options.sessionStore ?? new MemorySessionStore();
    // An EventDispatcher is used through its transport-side dispatch: no promise per event.
    const dispatcher = options.dispatcher;
    this.#dispatcher = dispatchesNow(dispatcher) ? { dispatch: (envelope, meta) => dispatcher[DISPATCH_NOW](envelope, meta) } : dispatcher;
  }

  /** The shards of this process, by id. */
  get shards(): ReadonlyMap<number, GatewayShard> {
    return this.#shards;
  }

  /** The total shard count in use (0 before {@link GatewayManager.connect}). */
  get shardCount(): number {
    return this.#shardCount;
  }

  /** The last GET /gateway/bot answer. */
  get gatewayInfo(): GatewayBotInfo | undefined {
    return this.#info;
  }

  /** The counters of all shards, summed. */
  get counters(): GatewayCounters {
    const total = emptyGatewayCounters();
    for (const shard of this.#shards.values()) {
      const counters = shard.counters;
      for (const key of Object.keys(total) as Array<keyof GatewayCounters>) total[key] += counters[key];
    }
    return total;
  }

  /**
   * Fetches the gateway info and starts every shard of this process. Resolves when each is READY
   * (or RESUMED); rejects with the first {@link GatewayError} if a shard stops for good, after
   * stopping the other shards (nothing stays connected; connect() may be called again).
   */
  async connect(): Promise<void> {
    if (this.#shards.size > 0) throw new QQStateError('the gateway manager is already connected: call destroy() before connecting it again');
    this.#abort = new AbortController();
    const info = await this.#options.fetchGatewayInfo(this.#abort.signal);
    this.#info = info;
    const count = this.#resolveShardCount(info);
    this.#shardCount = count;
    const ids = this.#resolveShardIds(count);
    const throttler = this.#resolveThrottler(info.session_start_limit);
    this.#logger.info('starting gateway shards', {
      shardCount: count,
      shards: ids,
      remainingSessionStarts: info.session_start_limit.remaining,
      maxConcurrency: info.session_start_limit.max_concurrency,
    });
    const o = this.#options;
    for (const shardId of ids) {
      const shard = new GatewayShard({
        shardId,
        shardCount: count,
        url: o.url ?? info.url,
        intents: o.intents,
        getAccessToken: o.getAccessToken,
        dispatcher: this.#dispatcher,
        sessionStore: this.#store,
        identifyThrottler: throttler,
        clock: o.clock ?? systemClock,
        ...pick(o, [
          'invalidateAccessToken',
          'describeIntents',
          'properties',
          'ws',
          'random',
          'backoff',
          'helloTimeoutMs',
          'readyTimeoutMs',
          'invalidSessionDelayMs',
          'maxInvalidSessions',
          'maxResumeAttempts',
          'slowDownDelayMs',
          'closeTimeoutMs',
          'heartbeatIntervalRangeMs',
        ]),
        logger: this.#logger,
      });
      for (const event of SHARD_EVENTS) {
        shard.on(event, (...args: unknown[]) => {
          (this.emit as (event: string, ...rest: unknown[]) => boolean)(event, ...args, shardId);
        });
      }
      this.#shards.set(shardId, shard);
    }
    try {
      await Promise.all([...this.#shards.values()].map((shard) => shard.connect()));
    } catch (error) {
      // All or nothing: a shard that stopped for good stops the others too, so nothing keeps
      // running behind a rejected connect() and connect() can be called again.
      this.#logger.error('a shard failed to connect; stopping every shard', { error: error instanceof Error ? error.message : String(error) });
      await this.destroy();
      throw error;
    }
  }

  /**
   * Stops every shard: each closes its socket, then waits for `drain` (called once, shared by all
   * shards) if given, then saves its session in the store for a later resume.
   *
   * @param options - `drain` resolves when the handlers still running are done (or given up on).
   */
  async destroy(options: { drain?: () => Promise<unknown> } = {}): Promise<void> {
    this.#abort?.abort(new QQStateError('the gateway manager was destroyed while connecting'));
    let drained: Promise<unknown> | undefined;
    const drain = options.drain;
    const shared = drain === undefined ? undefined : (): Promise<unknown> => (drained ??= drain());
    await Promise.all([...this.#shards.values()].map((shard) => shard.destroy(shared === undefined ? {} : { drain: shared })));
    for (const shard of this.#shards.values()) shard.removeAllListeners();
    this.#shards.clear();
  }

  #resolveShardCount(info: GatewayBotInfo): number {
    const fixed = this.#options.shard?.[1] ?? this.#options.shardCount ?? DefaultGatewayOptions.shardCount;
    const count = fixed === 'auto' ? Math.max(1, info.shards) : fixed;
    if (!Number.isInteger(count) || count < 1) {
      throw new QQValidationError('gateway options', [{ path: 'shardCount', message: `must be a positive integer or 'auto', got ${String(count)}` }]);
    }
    return count;
  }

  #resolveShardIds(count: number): number[] {
    const { shard, shards } = this.#options;
    let ids: number[];
    if (shard) ids = [shard[0]];
    else if (!shards) ids = Array.from({ length: count }, (_, i) => i);
    else if (isRange(shards)) ids = Array.from({ length: shards.to - shards.from + 1 }, (_, i) => shards.from + i);
    else ids = [...shards];
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 0 || id >= count) {
        throw new QQValidationError('gateway options', [
          { path: 'shards', message: `shard id ${id} is outside 0..${count - 1} (shard count ${count}): list ids below shardCount` },
        ]);
      }
    }
    return [...new Set(ids)].sort((a, b) => a - b);
  }

  #resolveThrottler(limit: SessionStartLimit): IdentifyThrottler {
    const option = this.#options.identifyThrottler;
    if (typeof option === 'function') return option(limit);
    if (option) return option;
    return new SimpleIdentifyThrottler({
      limit,
      clock: this.#options.clock ?? systemClock,
      logger: this.#logger,
    });
  }
}

function isRange(shards: readonly number[] | { from: number; to: number }): shards is { from: number; to: number } {
  return !Array.isArray(shards);
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
