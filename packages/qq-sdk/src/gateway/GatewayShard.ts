import { parsePlatformJson } from '../internal/parsePlatformJson.js';
import { EventEmitter } from 'eventemitter3';
import WebSocket, { type ClientOptions, type RawData } from 'ws';
import type { DispatchEnvelope } from '../events/DispatchEnvelope.js';
import { systemClock, type Clock } from '../internal/Clock.js';
import { redactText, rememberSecret } from '../errors/knownSecrets.js';
import { isThenable } from '../internal/isThenable.js';
import { KeepAlive } from '../internal/KeepAlive.js';
import { resolveLogger, type Logger } from '../logging/Logger.js';
import { DefaultGatewayOptions } from './DefaultGatewayOptions.js';
import { describeIntents } from './describeIntents.js';
import { ExponentialBackoff, type ExponentialBackoffOptions } from './ExponentialBackoff.js';
import type { GatewayDispatcher } from './GatewayDispatcher.js';
import { resolveCloseCode, type GatewayCloseCodeRule } from './GatewayCloseCodes.js';
import { GatewayError, type GatewayErrorReason } from './GatewayError.js';
import { HelloDataSchema, ReadyDataSchema } from './GatewayFrames.js';
import { GatewayOpcodes } from './GatewayOpcodes.js';
import { emptyGatewayCounters, type GatewayCounters, type GatewayRecovery, type GatewayShardEventsMap, type GatewayShardStatus } from './GatewayShardEvents.js';
import { Heartbeater } from './Heartbeater.js';
import { SequenceWatermark, type SequenceRange } from './SequenceWatermark.js';
import type { GatewaySession, GatewaySessionStore } from './session/GatewaySessionStore.js';
import { MemorySessionStore } from './session/MemorySessionStore.js';
import type { IdentifyThrottler } from './throttling/IdentifyThrottler.js';
import { QQStateError } from '../errors/QQStateError.js';

/** Close code this client uses when it drops a connection it wants to resume (not 1000/1001). */
const CLIENT_RESUME_CLOSE = 4000;
/** Close code for a final, intentional shutdown. */
const CLIENT_NORMAL_CLOSE = 1000;

/** Timing and policy knobs shared by shards and the manager; see {@link DefaultGatewayOptions}. */
export interface GatewayTimingOptions {
  /** Reconnect backoff. @defaultValue `{ baseMs: 1000, maxMs: 60000, jitter: 0.25 }` */
  backoff?: ExponentialBackoffOptions;
  /** How long to wait for Hello after the socket opens, in ms. @defaultValue 20000 */
  helloTimeoutMs?: number;
  /** How long to wait for READY/RESUMED after Identify/Resume, in ms. @defaultValue 30000 */
  readyTimeoutMs?: number;
  /** Delay range `[min, max]` in ms before identifying after op 9. @defaultValue [1000, 5000] */
  invalidSessionDelayMs?: readonly [number, number];
  /**
   * Consecutive op 9 right after Identify before the shard stops with `invalid-session-loop`
   * (usually a bad token or intents). @defaultValue 3
   */
  maxInvalidSessions?: number;
  /** Consecutive resumes that never reached RESUMED before falling back to Identify. @defaultValue 2 */
  maxResumeAttempts?: number;
  /** Wait before reconnecting after 4008 (payloads too fast), in ms. @defaultValue 60000 */
  slowDownDelayMs?: number;
  /** How long a closing socket may take before it is terminated, in ms. @defaultValue 1000 */
  closeTimeoutMs?: number;
  /**
   * The range `[min, max]` in ms a Hello's `heartbeat_interval` is clamped to (with a warning), so a
   * broken or hostile value cannot make the shard beat hundreds of times a second or never.
   * @defaultValue [1000, 300000]
   */
  heartbeatIntervalRangeMs?: readonly [number, number];
}

/** Options of a {@link GatewayShard}. The manager fills most of these in. */
export interface GatewayShardOptions extends GatewayTimingOptions {
  /** This shard's id. */
  shardId: number;
  /** The total number of shards. */
  shardCount: number;
  /** The gateway URL from GET /gateway/bot. */
  url: string;
  /** The intents bitfield to identify with. */
  intents: number;
  /** Returns a valid app access token; called before every Identify and Resume. */
  getAccessToken: (signal?: AbortSignal) => Promise<string>;
  /**
   * Forgets the cached token (called with the rejected token when the gateway refuses an
   * Identify/Resume), e.g. `(token) => tokenManager.invalidate(token)`.
   */
  invalidateAccessToken?: (rejectedToken: string) => void;
  /** Where dispatches go. */
  dispatcher: GatewayDispatcher;
  /** Where the session is kept. @defaultValue a new {@link MemorySessionStore} */
  sessionStore?: GatewaySessionStore;
  /** Decides when Identify may be sent. @defaultValue no throttling */
  identifyThrottler?: IdentifyThrottler;
  /** Explains an intents bitfield in 4013/4014 errors. @defaultValue names, the ones needing approval, unknown bits */
  describeIntents?: (intents: number) => string;
  /** `properties` sent in Identify (ignored by the platform). */
  properties?: Record<string, string>;
  /** Options for the `ws` client (agent for a proxy, handshake timeout …). */
  ws?: ClientOptions;
  /** Where diagnostics go. */
  logger?: Partial<Logger>;
  /** Time source. */
  clock?: Clock;
  /** Randomness for jitter. @defaultValue Math.random */
  random?: () => number;
}

interface TeardownOptions {
  code: number;
  reason: string;
  byServer: boolean;
  recover: GatewayRecovery;
  delayMs?: number;
  error?: GatewayError;
  /** Drop the socket without a close handshake (zombie, or the server already closed it). */
  terminate?: boolean;
}

/**
 * One gateway connection with its session, as an explicit state machine (see
 * {@link GatewayShardStatus}). Never more than one socket is open: a new one opens only after the
 * previous one has fully closed. Every way a connection can end (server close, TCP drop, op 7,
 * op 9, zombie, timeout, {@link GatewayShard.destroy}) goes through one teardown path that decides,
 * from the close-code table, whether to resume, identify or stop with a {@link GatewayError}.
 *
 * Dispatches are handed to the injected dispatcher without waiting (a slow handler stalls neither
 * the socket nor other events); the sequence sent in Resume is the watermark below the oldest
 * event whose handlers have not settled, so nothing in flight is lost.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export class GatewayShard extends EventEmitter<GatewayShardEventsMap> {
  /** This shard's id. */
  readonly id: number;
  /** The total number of shards. */
  readonly shardCount: number;
  readonly #options: GatewayShardOptions;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #store: GatewaySessionStore;
  readonly #backoff: ExponentialBackoff;
  readonly #heartbeater: Heartbeater;
  readonly #meta: { transport: 'websocket'; shardId: number };
  readonly #counters: GatewayCounters = emptyGatewayCounters();

  #status: GatewayShardStatus = 'idle';
  #ws: WebSocket | undefined;
  /** Bumped on every teardown so callbacks of a dead connection do nothing. */
  #generation = 0;
  #closing: Promise<void> = Promise.resolve();
  #attemptAbort: AbortController | undefined;
  #helloTimer: ReturnType<typeof setTimeout> | undefined;
  #readyTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #session: { sessionId: string } | undefined;
  #watermark = new SequenceWatermark();
  #nextAction: 'resume' | 'identify' = 'identify';
  #resumeAttempts = 0;
  #invalidSessionStreak = 0;
  #resumeFromSeq: number | null = null;
  /** The token sent in the last Identify/Resume, to invalidate exactly that one if refused. */
  #sentToken: string | undefined;
  #replayed = 0;
  /** Whether the current connection has had its Hello: a second one is ignored. */
  #helloSeen = false;
  /** Holds the process while the shard is started (see {@link KeepAlive}). */
  readonly #keepAlive = new KeepAlive();
  #waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  /** @param options - Shard id and count, URL, intents, token source, dispatcher and policy. */
  constructor(options: GatewayShardOptions) {
    super();
    this.#options = options;
    this.id = options.shardId;
    this.shardCount = options.shardCount;
    this.#logger = resolveLogger(options.logger);
    this.#clock = options.clock ?? systemClock;
    this.#store = options.sessionStore ?? new MemorySessionStore();
    this.#backoff = new ExponentialBackoff({
      ...DefaultGatewayOptions.backoff,
      ...(options.random ? { random: options.random } : {}),
      ...options.backoff,
    });
    this.#meta = { transport: 'websocket', shardId: options.shardId };
    this.#heartbeater = new Heartbeater({
      clock: this.#clock,
      ...(options.random ? { random: options.random } : {}),
      send: () => this.#send({ op: GatewayOpcodes.Heartbeat, d: this.#watermark.lastReceived }),
      onAck: (info) => {
        this.emit('heartbeat', info);
        void this.#persistSession();
      },
      onZombie: () => {
        this.#counters.zombies += 1;
        this.#debug('heartbeat not acknowledged before the next beat: zombie connection, resuming');
        this.#teardown({
          code: CLIENT_RESUME_CLOSE,
          reason: 'heartbeat ACK missed (zombie connection)',
          byServer: false,
          recover: 'resume',
          terminate: true,
        });
      },
    });
  }

  /** The current state. */
  get status(): GatewayShardStatus {
    return this.#status;
  }

  /** A snapshot of this shard's counters. */
  get counters(): Readonly<GatewayCounters> {
    return { ...this.#counters };
  }

  /** The current session id, if a session exists. */
  get sessionId(): string | undefined {
    return this.#session?.sessionId;
  }

  /** The resume watermark: every event at or below it has been fully handled. */
  get resumeSeq(): number | null {
    return this.#watermark.value;
  }

  /**
   * Connects, resuming a stored session when there is one for this shard and shard count.
   * Resolves at the first READY or RESUMED; rejects with a {@link GatewayError} if the shard stops
   * for good before that, or if it is destroyed first. After that the shard reconnects on its own.
   */
  async connect(): Promise<void> {
    if (this.#status !== 'idle') throw new QQStateError(`shard ${this.id} is already started (${this.#status}): destroy() it before connecting again`);
    const ready = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#setStatus('connecting');
    this.#keepAlive.hold();
    try {
      const stored = await this.#store.get(this.id);
      if (stored && stored.shardCount === this.shardCount && stored.sessionId) {
        this.#session = { sessionId: stored.sessionId };
        this.#watermark = new SequenceWatermark(stored.seq, stored.handledAbove);
        this.#nextAction = 'resume';
        this.#debug(
          `found stored session ${stored.sessionId} at seq ${String(stored.seq)}` +
            `${stored.handledAbove?.length ? ` (${describeRanges(stored.handledAbove)} already handled)` : ''}; will resume`,
        );
      }
    } catch (error) {
      this.#logger.warn('could not read the stored gateway session; identifying', {
        shardId: this.id,
        error: String(error),
      });
    }
    void this.#open();
    return ready;
  }

  /**
   * Stops the shard: closes the socket (1000 by default) so no more events arrive, clears every
   * timer, waits for `drain` if given (handlers still running), and only then saves the session:
   * the resume position and the events above it already handled are what is true after the drain,
   * so a later start (or another process) resumes it without re-running a finished handler.
   *
   * @param options - Close code and reason to send; `drain` resolves when handlers are done.
   */
  async destroy(options: { code?: number; reason?: string; drain?: () => Promise<unknown> } = {}): Promise<void> {
    if (this.#status !== 'idle' || this.#ws) {
      this.#teardown({
        code: options.code ?? CLIENT_NORMAL_CLOSE,
        reason: options.reason ?? 'destroyed',
        byServer: false,
        recover: 'none',
      });
      await this.#closing;
    }
    if (options.drain) await options.drain();
    await this.#persistSession();
  }

  // ---- connection -------------------------------------------------------------------------

  async #open(): Promise<void> {
    // The previous socket must be fully closed first: never two open sockets for one shard.
    await this.#closing;
    if (this.#status === 'idle') return;
    const generation = ++this.#generation;
    this.#setStatus('connecting');
    this.#helloSeen = false;
    this.#counters.connections += 1;
    this.#attemptAbort = new AbortController();
    this.#debug(`connecting to ${this.#options.url} (next: ${this.#nextAction})`);
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.#options.url, { perMessageDeflate: false, ...this.#options.ws });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#fail('invalid-url', `cannot open the gateway URL ${this.#options.url}: ${detail}; check the url option`);
      return;
    }
    this.#ws = ws;
    let settle: () => void = () => {};
    this.#closing = new Promise<void>((resolve) => (settle = resolve));
    ws.once('close', () => settle());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (generation === this.#generation) this.#onMessage(data, isBinary);
    });
    ws.on('close', (code: number, reason: Buffer) => {
      if (generation !== this.#generation) return;
      // A close reason is the server's text, logged and put into events and errors: it must not
      // carry the token back out, whatever the server echoes.
      const text = redactText(reason.toString(), [this.#sentToken]).replace(/QQBot\s+\S+/gu, 'QQBot [REDACTED]');
      this.#onServerClose(code, text);
    });
    ws.on('error', (error: Error) => {
      // 'close' always follows; the decision is made there.
      if (generation === this.#generation) this.#debug(`socket error: ${error.message}`);
    });
    this.#helloTimer = setTimeout(() => {
      if (generation !== this.#generation) return;
      this.#teardown({
        code: CLIENT_RESUME_CLOSE,
        reason: 'no Hello from the gateway in time',
        byServer: false,
        recover: this.#nextAction,
        terminate: true,
      });
    }, this.#options.helloTimeoutMs ?? DefaultGatewayOptions.helloTimeoutMs);
    this.#helloTimer.unref?.();
  }

  #onMessage(data: RawData, isBinary: boolean): void {
    let frame: { op?: unknown; d?: unknown; s?: unknown; t?: unknown };
    try {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
      frame = parsePlatformJson(text) as typeof frame;
    } catch {
      this.#logger.warn('ignored a gateway frame that is not JSON', { shardId: this.id });
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    switch (frame.op) {
      case GatewayOpcodes.Dispatch:
        this.#onDispatch(frame as DispatchEnvelope);
        return;
      case GatewayOpcodes.HeartbeatAck:
        this.#heartbeater.ack();
        return;
      case GatewayOpcodes.Heartbeat:
        // The server asks for a beat: answer it; it says nothing about our own beats' ACKs.
        this.#debug('op 1: the gateway asked for a heartbeat; answering');
        this.#heartbeater.beatNow();
        return;
      case GatewayOpcodes.Hello:
        if (this.#helloSeen) {
          this.#logger.warn('ignored a second Hello on the same connection', { shardId: this.id, status: this.#status });
          return;
        }
        this.#helloSeen = true;
        void this.#onHello(frame.d);
        return;
      case GatewayOpcodes.Reconnect:
        this.#debug('op 7: the gateway asked to reconnect; resuming');
        this.#teardown({
          code: CLIENT_RESUME_CLOSE,
          reason: 'op 7 reconnect requested',
          byServer: true,
          recover: 'resume',
        });
        return;
      case GatewayOpcodes.InvalidSession:
        this.#onInvalidSession(frame.d === true);
        return;
      default:
        this.#debug(`ignored frame with op ${String(frame.op)}`);
    }
  }

  async #onHello(data: unknown): Promise<void> {
    const generation = this.#generation;
    if (this.#helloTimer) clearTimeout(this.#helloTimer);
    this.#helloTimer = undefined;
    const hello = HelloDataSchema.safeParse(data);
    if (!hello.success) {
      this.#logger.warn('Hello without a valid heartbeat_interval; reconnecting', { shardId: this.id });
      this.#teardown({ code: CLIENT_RESUME_CLOSE, reason: 'bad Hello', byServer: false, recover: this.#nextAction });
      return;
    }
    this.#heartbeater.start(this.#heartbeatInterval(hello.data.heartbeat_interval));
    const signal = this.#attemptAbort?.signal;
    const resume = this.#nextAction === 'resume' && this.#session !== undefined;
    try {
      if (resume) {
        const token = await this.#options.getAccessToken(signal);
        if (generation !== this.#generation) return;
        this.#setStatus('resuming');
        this.#sentToken = token;
        rememberSecret(token, 'accessToken');
        this.#resumeAttempts += 1;
        this.#counters.resumes += 1;
        this.#resumeFromSeq = this.#watermark.value;
        this.#replayed = 0;
        this.#debug(`resuming session ${this.#session?.sessionId ?? ''} from seq ${String(this.#resumeFromSeq)}`);
        this.#send({
          op: GatewayOpcodes.Resume,
          d: { token: `QQBot ${token}`, session_id: this.#session?.sessionId, seq: this.#resumeFromSeq ?? 0 },
        });
      } else {
        await this.#options.identifyThrottler?.waitForIdentify(this.id, signal);
        if (generation !== this.#generation) return;
        const token = await this.#options.getAccessToken(signal);
        if (generation !== this.#generation) return;
        this.#setStatus('identifying');
        this.#sentToken = token;
        rememberSecret(token, 'accessToken');
        this.#counters.identifies += 1;
        this.#session = undefined;
        this.#watermark = new SequenceWatermark();
        this.#debug(`identifying as shard [${this.id}, ${this.shardCount}] with intents ${this.#options.intents}`);
        this.#send({
          op: GatewayOpcodes.Identify,
          d: {
            token: `QQBot ${token}`,
            intents: this.#options.intents,
            shard: [this.id, this.shardCount],
            properties: this.#options.properties ?? { $os: process.platform, $browser: 'qq-sdk', $device: 'qq-sdk' },
          },
        });
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#logger.warn('could not get an access token for the gateway; retrying', {
        shardId: this.id,
        error: error instanceof Error ? error.message : String(error),
      });
      this.#teardown({
        code: CLIENT_RESUME_CLOSE,
        reason: 'access token unavailable',
        byServer: false,
        recover: this.#nextAction,
      });
      return;
    }
    this.#readyTimer = setTimeout(() => {
      if (generation !== this.#generation) return;
      this.#teardown({
        code: CLIENT_RESUME_CLOSE,
        reason: `no ${resume ? 'RESUMED' : 'READY'} in time`,
        byServer: false,
        recover: this.#nextAction,
        terminate: true,
      });
    }, this.#options.readyTimeoutMs ?? DefaultGatewayOptions.readyTimeoutMs);
    this.#readyTimer.unref?.();
  }

  // Clamps Hello's interval to the configured range: the platform sends ~41 s; 0.001 would beat
  // hundreds of times a second, and 1e12 overflows the timer into a busy loop.
  #heartbeatInterval(requested: number): number {
    const [min, max] = this.#options.heartbeatIntervalRangeMs ?? DefaultGatewayOptions.heartbeatIntervalRangeMs;
    const interval = Math.min(Math.max(requested, min), max);
    if (interval !== requested) {
      this.#logger.warn('Hello asked for a heartbeat interval outside the sane range; clamped', {
        shardId: this.id,
        requested,
        used: interval,
      });
    }
    return interval;
  }

  #onDispatch(envelope: DispatchEnvelope): void {
    const seq = envelope.s;
    const watermark = this.#watermark;
    if (envelope.t === 'READY') this.#onReady(envelope.d);
    else if (envelope.t === 'RESUMED') this.#onResumed();
    else if (this.#status === 'resuming') this.#replayed += 1;
    if (typeof seq === 'number') {
      watermark.begin(seq);
      // A replay of an event a previous process finished before it stopped: already handled.
      if (watermark.handledBefore(seq)) {
        this.#counters.skippedReplays += 1;
        watermark.complete(seq);
        return;
      }
    }
    this.#counters.dispatched += 1;
    // Not awaited: handlers run concurrently; only the watermark waits for them. A result that is
    // already there settles at once; only a promise needs a closure, which keeps the type, not the
    // envelope (a payload held until the microtask survives scavenges and grows the young generation).
    const type = envelope.t;
    try {
      const result = this.#options.dispatcher.dispatch(envelope, this.#meta);
      if (isThenable(result)) {
        const settle = (outcome: unknown): void => this.#settle(watermark, seq, type, outcome);
        result.then(settle, settle);
      } else {
        this.#settle(watermark, seq, type, result);
      }
    } catch (error) {
      this.#settle(watermark, seq, type, error instanceof Error ? error : new Error(String(error)));
    }
  }

  // An event's handlers are done: release its sequence and count what the dispatcher reported.
  #settle(watermark: SequenceWatermark, seq: number | undefined, type: string, result: unknown): void {
    if (typeof seq === 'number') watermark.complete(seq);
    if (result === undefined) return;
    const status = (result as { status?: unknown }).status;
    if (status === 'duplicate') this.#counters.duplicates += 1;
    else if (typeof status !== 'string') this.#dispatcherFailed(type, result);
  }

  #dispatcherFailed(type: string, error: unknown): void {
    this.#logger.error('the dispatcher failed (it should never throw)', {
      shardId: this.id,
      type,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  #onReady(data: unknown): void {
    const ready = ReadyDataSchema.safeParse(data);
    if (!ready.success) {
      if (this.#status !== 'identifying') {
        // Not an answer to our Identify: the session we have is still good.
        this.#logger.warn('ignored a malformed READY outside an identify', { shardId: this.id, status: this.#status });
        return;
      }
      this.#logger.error('READY without a session_id; identifying again', { shardId: this.id });
      this.#teardown({ code: CLIENT_RESUME_CLOSE, reason: 'bad READY', byServer: false, recover: 'identify' });
      return;
    }
    this.#clearReadyTimer();
    this.#session = { sessionId: ready.data.session_id };
    this.#nextAction = 'resume';
    this.#resumeAttempts = 0;
    this.#invalidSessionStreak = 0;
    this.#backoff.reset();
    this.#setStatus('ready');
    void this.#persistSession();
    const user = ready.data.user;
    this.#logger.info('gateway session ready', { shardId: this.id, sessionId: ready.data.session_id });
    this.emit('ready', {
      sessionId: ready.data.session_id,
      user: { id: user?.id ?? '', username: user?.username, bot: user?.bot },
      shard: ready.data.shard ?? [this.id, this.shardCount],
    });
    this.#settleWaiters();
  }

  #onResumed(): void {
    this.#clearReadyTimer();
    this.#resumeAttempts = 0;
    this.#invalidSessionStreak = 0;
    this.#counters.resumed += 1;
    this.#backoff.reset();
    this.#setStatus('ready');
    const sessionId = this.#session?.sessionId ?? '';
    this.#logger.info('gateway session resumed', { shardId: this.id, sessionId, replayed: this.#replayed });
    this.emit('resumed', { sessionId, fromSeq: this.#resumeFromSeq, replayed: this.#replayed });
    this.#settleWaiters();
  }

  #onInvalidSession(resumable: boolean): void {
    this.#counters.invalidSessions += 1;
    const afterIdentify = this.#status === 'identifying';
    if (afterIdentify) this.#invalidSessionStreak += 1;
    const max = this.#options.maxInvalidSessions ?? DefaultGatewayOptions.maxInvalidSessions;
    if (afterIdentify && this.#invalidSessionStreak >= max) {
      this.#fail(
        'invalid-session-loop',
        `the gateway answered ${max} identifies in a row with op 9 (invalid session); ` +
          'this usually means the token or the intents are not accepted: check the appId/secret and ' +
          `remove intents this bot has not been granted (${this.#describeIntents()})`,
      );
      return;
    }
    const [min, maxDelay] = this.#options.invalidSessionDelayMs ?? DefaultGatewayOptions.invalidSessionDelayMs;
    const random = this.#options.random ?? Math.random;
    const delayMs = Math.round(min + (maxDelay - min) * random());
    const recover = resumable && this.#session ? 'resume' : 'identify';
    this.#debug(`op 9 (invalid session, resumable: ${String(resumable)}); will ${recover} in ${delayMs} ms`);
    this.#teardown({
      code: CLIENT_RESUME_CLOSE,
      reason: `op 9 invalid session (d: ${String(resumable)})`,
      byServer: true,
      recover,
      delayMs,
    });
  }

  #onServerClose(code: number, reason: string): void {
    const rule = resolveCloseCode(code);
    this.#debug(`closed by the gateway: ${code} ${reason || rule.meaning} → ${rule.action}`);
    if (rule.action === 'fatal') {
      this.#fail(rule.reason ?? 'invalid-payload', this.#fatalMessage(code, rule), code);
      return;
    }
    if (rule.refreshToken && this.#sentToken !== undefined) this.#options.invalidateAccessToken?.(this.#sentToken);
    this.#teardown({
      code,
      reason: reason || rule.meaning,
      byServer: true,
      recover: rule.action,
      ...(rule.minDelayMs !== undefined ? { delayMs: Math.max(this.#options.slowDownDelayMs ?? DefaultGatewayOptions.slowDownDelayMs, 0) } : {}),
    });
  }

  #fatalMessage(code: number, rule: GatewayCloseCodeRule): string {
    const intents = code === 4013 || code === 4014 ? ` Identified with intents ${this.#describeIntents()}.` : '';
    return `gateway closed shard ${this.id} with ${code} (${rule.meaning}); the shard will not reconnect: ${rule.remedy ?? 'see the close-code table'}.${intents}`;
  }

  #describeIntents(): string {
    return (this.#options.describeIntents ?? describeIntents)(this.#options.intents);
  }

  #fail(reason: GatewayErrorReason, message: string, closeCode?: number): void {
    const error = new GatewayError(message, {
      reason,
      shardId: this.id,
      intents: this.#options.intents,
      ...(closeCode !== undefined ? { closeCode } : {}),
    });
    this.#teardown({
      code: closeCode ?? CLIENT_NORMAL_CLOSE,
      reason: message,
      byServer: closeCode !== undefined,
      recover: 'none',
      error,
    });
  }

  // ---- the one teardown path --------------------------------------------------------------

  #teardown(options: TeardownOptions): void {
    // A session that was up ends routinely (4009 every ~30 minutes, op 7, a dropped link): come
    // back at once. Backoff is for attempts that failed since the last READY/RESUMED.
    const wasReady = this.#status === 'ready';
    this.#generation += 1;
    this.#attemptAbort?.abort(new QQStateError('the connection attempt was torn down (the shard was destroyed or reconnects)'));
    this.#attemptAbort = undefined;
    this.#heartbeater.stop();
    if (this.#helloTimer) clearTimeout(this.#helloTimer);
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#helloTimer = undefined;
    this.#reconnectTimer = undefined;
    this.#clearReadyTimer();
    this.#closeSocket(options);
    // Refused while identifying or resuming: the token may have expired or been revoked meanwhile,
    // so the next attempt fetches a fresh one.
    if (options.byServer && (this.#status === 'identifying' || this.#status === 'resuming') && this.#sentToken !== undefined) {
      this.#options.invalidateAccessToken?.(this.#sentToken);
    }

    let recover = options.recover;
    if (recover === 'resume' && this.#session && this.#resumeAttempts >= (this.#options.maxResumeAttempts ?? DefaultGatewayOptions.maxResumeAttempts)) {
      this.#debug(`${this.#resumeAttempts} resumes failed in a row; falling back to identify`);
      recover = 'identify';
    }
    if (recover === 'resume' && !this.#session) recover = 'identify';
    if (recover === 'identify' && this.#session) {
      this.#session = undefined;
      void this.#forgetSession();
    }
    // destroy() saves the session itself, after its drain; a reconnect saves it now.
    if (recover === 'resume') void this.#persistSession();

    this.emit('close', { code: options.code, reason: options.reason, byServer: options.byServer, recover });
    if (recover === 'none') {
      this.#setStatus('idle');
      this.#keepAlive.release();
      if (options.error) {
        this.#logger.error(options.error.message, { shardId: this.id, closeCode: options.error.closeCode });
        this.emit('error', options.error);
      }
      this.#rejectWaiters(options.error ?? new QQStateError(`shard ${this.id} was destroyed before it was ready: destroy() was called while connect() waited`));
      return;
    }

    this.#nextAction = recover;
    this.#setStatus('disconnected');
    this.#counters.reconnects += 1;
    const backoffMs = wasReady && this.#backoff.attempt === 0 ? 0 : this.#backoff.next();
    const delayMs = Math.max(options.delayMs ?? 0, backoffMs);
    this.#logger.info('gateway reconnecting', {
      shardId: this.id,
      code: options.code,
      reason: options.reason,
      action: recover,
      delayMs,
    });
    this.emit('reconnecting', {
      action: recover,
      delayMs,
      attempt: this.#backoff.attempt,
      code: options.code,
      reason: options.reason,
    });
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      void this.#open();
    }, delayMs);
    this.#reconnectTimer.unref?.();
  }

  #closeSocket(options: TeardownOptions): void {
    const ws = this.#ws;
    this.#ws = undefined;
    if (!ws) return;
    ws.on('error', () => {});
    if (ws.readyState === WebSocket.CLOSED) return;
    if (options.terminate || ws.readyState !== WebSocket.OPEN) {
      ws.terminate();
      return;
    }
    const code = options.code === 1000 || (options.code >= 3000 && options.code <= 4999) ? options.code : CLIENT_RESUME_CLOSE;
    ws.close(code, options.reason.slice(0, 120));
    // A peer that never answers the close frame must not keep the socket (and the shard) open.
    const timer = setTimeout(() => ws.terminate(), this.#options.closeTimeoutMs ?? DefaultGatewayOptions.closeTimeoutMs);
    timer.unref?.();
    ws.once('close', () => clearTimeout(timer));
  }

  // ---- helpers ----------------------------------------------------------------------------

  #send(payload: { op: number; d: unknown }): void {
    const ws = this.#ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify(payload));
  }

  #setStatus(status: GatewayShardStatus): void {
    if (status === this.#status) return;
    const from = this.#status;
    this.#status = status;
    this.#debug(`status ${from} → ${status}`);
    this.emit('statusChange', { from, to: status });
  }

  #clearReadyTimer(): void {
    if (this.#readyTimer) clearTimeout(this.#readyTimer);
    this.#readyTimer = undefined;
  }

  #settleWaiters(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  #rejectWaiters(error: Error): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  #currentSession(): GatewaySession | undefined {
    if (!this.#session) return undefined;
    const handledAbove = this.#watermark.handledAbove();
    return {
      sessionId: this.#session.sessionId,
      seq: this.#watermark.value,
      shardId: this.id,
      shardCount: this.shardCount,
      ...(handledAbove.length > 0 ? { handledAbove } : {}),
    };
  }

  async #persistSession(): Promise<void> {
    const session = this.#currentSession();
    if (!session) return;
    try {
      await this.#store.set(this.id, session);
    } catch (error) {
      this.#logger.warn('could not store the gateway session', { shardId: this.id, error: String(error) });
    }
  }

  async #forgetSession(): Promise<void> {
    try {
      await this.#store.delete(this.id);
    } catch (error) {
      this.#logger.warn('could not delete the gateway session', { shardId: this.id, error: String(error) });
    }
  }

  #debug(message: string): void {
    this.#logger.debug(message, { shardId: this.id });
    if (this.listenerCount('debug') > 0) this.emit('debug', redactText(`[shard ${this.id}] ${message}`));
  }
}

function describeRanges(ranges: readonly SequenceRange[]): string {
  return ranges.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`)).join(', ');
}
