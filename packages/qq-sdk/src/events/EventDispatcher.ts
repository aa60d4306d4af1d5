import { systemClock, type Clock } from '../internal/Clock.js';
import { isThenable } from '../internal/isThenable.js';
import { resolveLogger, type Logger, type LogLevel } from '../logging/Logger.js';
import type { DedupStore } from './DedupStore.js';
import type { DispatchEnvelope } from './DispatchEnvelope.js';
import type {
  DispatchContext,
  DispatcherCounters,
  DispatcherEventName,
  DispatcherListeners,
  DispatchMeta,
  DispatchOutcome,
  DispatchStatus,
} from './dispatchTypes.js';
import { HandlerTimeoutError } from './HandlerTimeoutError.js';
import { eventEntry, InvalidPayload, validatePayload, type EventEntry } from './internal/eventEntries.js';
import { HandlerScheduler } from './internal/HandlerScheduler.js';
import { listenerLabel } from './internal/listenerLabels.js';
import { RunningDispatch, type Abandonment, type RunningDispatchReporter } from './internal/RunningDispatch.js';
import { MemoryDedupStore } from './MemoryDedupStore.js';
import { renamedOption } from '../internal/renamedOption.js';
import { DISPATCH_NOW } from './internal/dispatchNow.js';

/** The defaults of {@link EventDispatcherOptions}, in one place. */
export const DefaultDispatchOptions = {
  /** Time budget of an event's handlers. */
  handlerTimeoutMs: 120_000,
  /** Events whose handlers may run at once. */
  maxConcurrentHandlers: 512,
  /** How long an event id is remembered, at least: `max(dedupTtlMs, handlerTimeoutMs + dedupResumeSlackMs)`. */
  dedupTtlMs: 600_000,
  /** Slack added to the handler budget for the dedup window: a reconnect and a resume fit in it. */
  dedupResumeSlackMs: 300_000,
} as const;

// The dedup window that covers every replay of a handled event: a gateway resumes from below the
// oldest event still running, which is at most `handlerTimeoutMs` old, plus the time to reconnect.
function defaultDedupTtlMs(handlerTimeoutMs: number): number {
  const budget = Number.isFinite(handlerTimeoutMs) ? handlerTimeoutMs : 0;
  return Math.max(DefaultDispatchOptions.dedupTtlMs, budget + DefaultDispatchOptions.dedupResumeSlackMs);
}

/** Options of {@link EventDispatcher}. */
export interface EventDispatcherOptions {
  /**
   * Validate payloads against their schemas. Turning it off hands raw payloads to handlers
   * under the same types (timestamps then stay strings): only for trusted, hot paths.
   * @defaultValue true
   */
  validate?: boolean;
  /**
   * Where seen event ids are remembered; `false` disables dedup.
   * @defaultValue a {@link MemoryDedupStore} (100,000 keys)
   */
  dedupStore?: DedupStore | false;
  /** @deprecated Renamed {@link EventDispatcherOptions.dedupStore} (as in `QQBot`); still accepted, with a warning. */
  dedup?: DedupStore | false;
  /**
   * How long an event id is remembered. Covers resume replays and webhook retries.
   * @defaultValue `max(600_000, handlerTimeoutMs + 300_000)` (10 minutes with the default budget)
   */
  dedupTtlMs?: number;
  /**
   * Time budget of one event's handlers, in ms. An event whose handlers have not all settled by
   * then is abandoned: each handler still running is reported on `handlerError` with a
   * {@link HandlerTimeoutError}, the event counts as handled, and its slot and the gateway's resume
   * position move on. `0` or `Infinity`: no budget.
   * @defaultValue 120_000 (2 minutes)
   */
  handlerTimeoutMs?: number;
  /**
   * How many events may have handlers running at once. Further events wait, in arrival order, until
   * one finishes or is abandoned (so per-chat order holds); none is dropped. Only events whose
   * handlers return promises hold a slot. `Infinity`: no bound.
   * @defaultValue 512
   */
  maxConcurrentHandlers?: number;
  /**
   * Prefix for dedup keys, so several bots can share one store (e.g. the app id); keys become
   * `<namespace>:<t>:<id>`.
   * @defaultValue '' (keys are `<t>:<id>`)
   */
  dedupNamespace?: string;
  /** Logger for invalid events and handler errors. */
  logger?: Partial<Logger>;
  /** Lowest level logged. */
  logLevel?: LogLevel;
  /** Time source for `meta.receivedAt` and the default dedup store. */
  clock?: Clock;
}

type AnyHandler = (first: unknown, second?: unknown) => unknown;
const positiveOr = (value: number | undefined, fallback: number): number => (value === undefined ? fallback : value === 0 ? Infinity : value);
interface Listener {
  handler: AnyHandler;
  once: boolean;
}

const NO_LISTENERS: readonly Listener[] = [];

/**
 * The single path every transport (gateway shards, webhooks, the simulator) feeds events through:
 * it validates each payload, drops redeliveries, and runs the typed handlers. It never throws:
 * invalid payloads go to `invalidEvent` (with zod issues), unknown types to `unknownEvent`
 * (untouched), and handler failures to `handlerError`.
 *
 * Payloads are not deep-copied: parts that validation did not change (no default, no timestamp
 * below them) are the envelope's own objects. Treat them as read-only, or clone before mutating.
 *
 * @example
 * ```ts
 * const events = new EventDispatcher();
 * events.on('GROUP_AT_MESSAGE_CREATE', (msg, meta) => {
 *   console.log(msg.group_openid, msg.author.member_openid, msg.content, meta.eventId);
 * });
 * events.on('invalidEvent', ({ type, issues }) => console.warn(type, issues));
 * await events.dispatch(envelope, { transport: 'webhook' });
 * ```
 */
export class EventDispatcher {
  private readonly listeners = new Map<string, readonly Listener[]>();
  private readonly validate: boolean;
  private readonly dedup: DedupStore | undefined;
  private readonly dedupTtlMs: number;
  private readonly dedupNamespace: string;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly count: DispatcherCounters = {
    delivered: 0,
    duplicates: 0,
    invalid: 0,
    unknown: 0,
    handlerErrors: 0,
    abandoned: 0,
    queued: 0,
  };
  private readonly scheduler: HandlerScheduler;
  private readonly handlerTimeoutMs: number;
  private readonly reporter: RunningDispatchReporter = {
    handlerFailed: (error, listener, meta) => this.handlerFailed(error, listener, meta),
    handlerAbandoned: (listener, meta, abandonment) => this.handlerAbandoned(listener, meta, abandonment),
    finished: (running) => this.scheduler.release(running),
  };

  /** @param options - Validation, dedup, logging and clock. */
  constructor(options: EventDispatcherOptions = {}) {
    this.validate = options.validate ?? true;
    this.clock = options.clock ?? systemClock;
    const dedup = renamedOption('EventDispatcher', ['dedupStore', options.dedupStore], ['dedup', options.dedup]);
    this.dedup = dedup === false ? undefined : (dedup ?? new MemoryDedupStore({ clock: this.clock }));
    this.handlerTimeoutMs = positiveOr(options.handlerTimeoutMs, DefaultDispatchOptions.handlerTimeoutMs);
    this.dedupTtlMs = options.dedupTtlMs ?? defaultDedupTtlMs(this.handlerTimeoutMs);
    this.scheduler = new HandlerScheduler({
      maxConcurrent: options.maxConcurrentHandlers ?? DefaultDispatchOptions.maxConcurrentHandlers,
      timeoutMs: this.handlerTimeoutMs,
    });
    this.dedupNamespace = options.dedupNamespace ? `${options.dedupNamespace}:` : '';
    this.logger = resolveLogger(options.logger, options.logLevel);
  }

  /** A snapshot of the running totals. */
  get counters(): DispatcherCounters {
    return { ...this.count };
  }

  /** Events whose handlers are running now, and events waiting for a slot (`maxConcurrentHandlers`). */
  get load(): { running: number; waiting: number } {
    return { running: this.scheduler.running, waiting: this.scheduler.queued };
  }

  /**
   * Stops waiting for handlers, for a shutdown that cannot wait any longer: every event still
   * running is abandoned (each handler still running is reported with a {@link HandlerTimeoutError}
   * whose `reason` is `'drain'`), and events still waiting for a slot are not started (their
   * dispatch settles with status `'skipped'`; a gateway replays them after a restart, since they
   * were never handled). `bot.stop({ drainTimeoutMs })` calls this when the drain time is up.
   *
   * @param drainTimeoutMs - How long the caller waited, for the reports.
   * @returns How many events were abandoned and how many were never started.
   */
  abandonAll(drainTimeoutMs = 0): { abandoned: number; skipped: number } {
    const skipped = this.scheduler.dropQueued();
    const abandoned = this.scheduler.abandonRunning('drain', drainTimeoutMs);
    if (skipped > 0) {
      this.logger.warn('Stopped before these events were handled; a gateway session resumed later replays them', { skipped });
    }
    return { abandoned, skipped };
  }

  /**
   * Reports a failure of a handler you ran yourself for an event (a wrapper that fans one event out
   * to handlers of its own): it is counted and delivered on `handlerError` like a failure of a
   * registered handler.
   *
   * @param error - What the handler threw or rejected with.
   * @param listener - The name the handler was registered under, for the report.
   * @param meta - The event's delivery details.
   */
  reportHandlerError(error: unknown, listener: string, meta: DispatchMeta): void {
    this.handlerFailed(error, listener, meta);
  }

  /**
   * Registers a handler. Platform event names get their typed payload; `'*'` gets every valid known
   * event as `{ type, data }`; `invalidEvent`, `unknownEvent` and `handlerError` get their reports.
   */
  on<N extends DispatcherEventName>(name: N, handler: DispatcherListeners[N]): this {
    return this.add(name, handler as AnyHandler, false);
  }

  /** Like {@link EventDispatcher.on}, but the handler runs for the next matching event only. */
  once<N extends DispatcherEventName>(name: N, handler: DispatcherListeners[N]): this {
    return this.add(name, handler as AnyHandler, true);
  }

  /** Removes a handler registered with {@link EventDispatcher.on} or {@link EventDispatcher.once}. */
  off<N extends DispatcherEventName>(name: N, handler: DispatcherListeners[N]): this {
    const listener = this.listeners.get(name)?.find((candidate) => candidate.handler === handler);
    if (listener !== undefined) this.remove(name, listener);
    return this;
  }

  // Generic, like on(), so hovers show `DispatcherEventName` rather than every event name.
  /** Removes every handler for `name`, or every handler at all. */
  removeAllListeners<N extends DispatcherEventName>(name?: N): this {
    if (name === undefined) this.listeners.clear();
    else this.listeners.delete(name);
    return this;
  }

  /** How many handlers are registered for `name`. */
  listenerCount<N extends DispatcherEventName>(name: N): number {
    return this.listeners.get(name)?.length ?? 0;
  }

  /**
   * Validates, dedups and delivers one dispatch envelope. Never throws or rejects.
   *
   * Dedup key: `t` + envelope `id` (falling back to `d.id`); message events use `t` + the message id
   * (`d.id`), which also catches the platform pushing one message twice under different envelope ids.
   *
   * @returns A promise of the outcome, settled once every handler for the event has settled.
   */
  dispatch(envelope: DispatchEnvelope, context: DispatchContext): Promise<DispatchOutcome> {
    const outcome = this[DISPATCH_NOW](envelope, context);
    return isThenable(outcome) ? outcome : Promise.resolve(outcome);
  }

  /**
   * {@link EventDispatcher.dispatch} for transports: the outcome itself when the event is done by
   * the time it returns (synchronous handlers, a synchronous dedup store), otherwise a promise of
   * it, so the gateway's hot path makes no promise per event. The gateway and `QQBot` use it.
   *
   * @internal
   */
  [DISPATCH_NOW](envelope: DispatchEnvelope, context: DispatchContext): DispatchOutcome | Promise<DispatchOutcome> {
    try {
      const type = envelope.t;
      const meta: DispatchMeta = {
        type,
        eventId: envelope.id,
        seq: envelope.s,
        shardId: context.shardId,
        transport: context.transport,
        receivedAt: this.clock.now(),
      };
      const entry = eventEntry(type);
      if (this.dedup !== undefined) {
        const first = this.claim(type, envelope, entry);
        if (first === false) return this.duplicate(meta);
        if (first !== true) {
          return first.then((isFirst) => (isFirst ? this.deliver(envelope, meta, entry) : this.duplicate(meta)));
        }
      }
      return this.deliver(envelope, meta, entry);
    } catch (error) {
      // Only reachable through a malformed envelope from an untyped caller; report, never throw.
      this.logger.error('Event dispatch failed', { type: safeType(envelope), error: describe(error) });
      return { status: 'invalid', type: safeType(envelope), eventId: undefined, handlers: 0, errors: 0, abandoned: 0 };
    }
  }

  private remove(name: string, listener: Listener): void {
    const next = (this.listeners.get(name) ?? NO_LISTENERS).filter((candidate) => candidate !== listener);
    if (next.length === 0) this.listeners.delete(name);
    else this.listeners.set(name, next);
  }

  private add(name: string, handler: AnyHandler, once: boolean): this {
    // Copy on write: a dispatch in progress keeps iterating its own snapshot.
    this.listeners.set(name, [...(this.listeners.get(name) ?? NO_LISTENERS), { handler, once }]);
    return this;
  }

  private claim(type: string, envelope: DispatchEnvelope, entry: EventEntry | undefined): boolean | Promise<boolean> {
    const d = envelope.d;
    const dataId = typeof d === 'object' && d !== null ? (d as { id?: unknown }).id : undefined;
    const messageId = typeof dataId === 'string' ? dataId : undefined;
    // Message events are keyed on the message id alone: it is the same in a resume replay, a webhook
    // retry and a platform re-push under a new envelope id, so one key covers all three.
    const key = messageId !== undefined && entry?.message === true ? messageId : (envelope.id ?? messageId);
    // READY, RESUMED and id-less events cannot be told apart, so they are never deduped.
    if (key === undefined) return true;
    return this.claimKey(this.dedupNamespace + type + ':' + key);
  }

  private claimKey(key: string): boolean | Promise<boolean> {
    const store = this.dedup as DedupStore;
    try {
      const result = store.claim(key, this.dedupTtlMs);
      if (typeof result === 'boolean') return result;
      return Promise.resolve(result).then(
        (value) => value !== false,
        (error: unknown) => this.dedupFailed(error),
      );
    } catch (error) {
      return this.dedupFailed(error);
    }
  }

  private dedupFailed(error: unknown): true {
    // At-least-once: a broken store must not swallow events.
    this.logger.warn('Dedup store failed; delivering the event anyway', { error: describe(error) });
    return true;
  }

  private duplicate(meta: DispatchMeta): DispatchOutcome {
    this.count.duplicates++;
    this.logger.debug('Dropped a duplicate event', { type: meta.type, eventId: meta.eventId });
    return { status: 'duplicate', type: meta.type, eventId: meta.eventId, handlers: 0, errors: 0, abandoned: 0 };
  }

  private deliver(envelope: DispatchEnvelope, meta: DispatchMeta, entry: EventEntry | undefined): DispatchOutcome | Promise<DispatchOutcome> {
    const type = meta.type;
    if (entry === undefined) {
      this.count.unknown++;
      this.logger.debug('Received an event type qq-sdk does not know yet', { type });
      return this.run('unknown', meta, 'unknownEvent', { type, data: envelope.d, envelope, meta }, undefined);
    }
    let data = envelope.d;
    if (this.validate) {
      const parsed = validatePayload(entry, data);
      if (parsed instanceof InvalidPayload) {
        this.count.invalid++;
        const issues = parsed.issues;
        this.logger.warn('Event failed validation; delivered on invalidEvent', {
          type,
          eventId: meta.eventId,
          issues: issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
        });
        return this.run('invalid', meta, 'invalidEvent', { type, data, issues, envelope, meta }, undefined);
      }
      data = parsed;
    }
    this.count.delivered++;
    const star = this.listeners.has('*') ? { type, data } : undefined;
    return this.run('delivered', meta, type, data, meta, star);
  }

  // Runs the handlers now, or once a slot is free when `maxConcurrentHandlers` are running.
  private run(
    status: DispatchStatus,
    meta: DispatchMeta,
    name: string,
    first: unknown,
    second: unknown,
    star?: unknown,
  ): DispatchOutcome | Promise<DispatchOutcome> {
    if (!this.scheduler.saturated) return this.start(status, meta, name, first, second, star);
    this.count.queued++;
    return this.scheduler.enqueue(
      () => this.start(status, meta, name, first, second, star),
      (): DispatchOutcome => ({ status: 'skipped', type: meta.type, eventId: meta.eventId, handlers: 0, errors: 0, abandoned: 0 }),
    );
  }

  // Calls every listener of `name` (and of '*' for `star`); the outcome once all have settled or
  // the handler budget ran out.
  private start(
    status: DispatchStatus,
    meta: DispatchMeta,
    name: string,
    first: unknown,
    second: unknown,
    star?: unknown,
  ): DispatchOutcome | Promise<DispatchOutcome> {
    const outcome: DispatchOutcome = { status, type: meta.type, eventId: meta.eventId, handlers: 0, errors: 0, abandoned: 0 };
    let running = this.invoke(name, first, second, meta, outcome, undefined);
    if (star !== undefined) running = this.invoke('*', star, meta, meta, outcome, running);
    if (running === undefined) return outcome;
    this.scheduler.track(running);
    return running.settled;
  }

  private invoke(
    name: string,
    first: unknown,
    second: unknown,
    meta: DispatchMeta,
    outcome: DispatchOutcome,
    running: RunningDispatch | undefined,
  ): RunningDispatch | undefined {
    const listeners = this.listeners.get(name);
    if (listeners === undefined) return running;
    for (const listener of listeners) {
      if (listener.once) this.remove(name, listener);
      outcome.handlers++;
      try {
        const result = listener.handler(first, second);
        if (isThenable(result)) {
          running ??= new RunningDispatch(outcome, meta, this.reporter);
          running.watch(listenerLabel(listener.handler, name), result);
        }
      } catch (error) {
        outcome.errors++;
        this.handlerFailed(error, listenerLabel(listener.handler, name), meta);
      }
    }
    return running;
  }

  private handlerAbandoned(listener: string, meta: DispatchMeta, abandonment: Abandonment): void {
    this.count.abandoned++;
    const error = new HandlerTimeoutError({
      listener,
      eventType: meta.type,
      eventId: meta.eventId,
      timeoutMs: abandonment.limitMs,
      runningMs: abandonment.runningMs,
      reason: abandonment.reason,
    });
    this.report(error, listener, meta);
  }

  private handlerFailed(error: unknown, listener: string, meta: DispatchMeta): void {
    this.count.handlerErrors++;
    this.report(error, listener, meta);
  }

  // Delivers a failure on `handlerError`, or logs it when nobody listens. Never throws: a failing
  // reporter is logged, and its rejection is caught.
  private report(error: unknown, listener: string, meta: DispatchMeta): void {
    const reporters = listener === 'handlerError' ? undefined : this.listeners.get('handlerError');
    if (reporters === undefined) {
      const what = error instanceof HandlerTimeoutError ? 'An event handler was abandoned' : 'An event handler failed';
      this.logger.error(what, { type: meta.type, listener, eventId: meta.eventId, error: describe(error) });
      return;
    }
    for (const reporter of reporters) {
      if (reporter.once) this.remove('handlerError', reporter);
      try {
        const result = reporter.handler({ error, type: meta.type, listener, meta });
        if (isThenable(result)) {
          Promise.resolve(result).then(undefined, (inner: unknown) => {
            this.logger.error('A handlerError handler failed', { type: meta.type, error: describe(inner) });
          });
        }
      } catch (inner) {
        this.logger.error('A handlerError handler failed', { type: meta.type, error: describe(inner) });
      }
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function safeType(envelope: unknown): string {
  const t = typeof envelope === 'object' && envelope !== null ? (envelope as { t?: unknown }).t : undefined;
  return typeof t === 'string' ? t : '(unknown)';
}
