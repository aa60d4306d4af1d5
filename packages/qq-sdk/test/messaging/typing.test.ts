import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QQValidationError } from '../../src/errors/QQValidationError.js';
import { resolveLogger } from '../../src/logging/Logger.js';
import { ReplyQuota } from '../../src/messaging/ReplyQuota.js';
import { ReplyQuotaExceededError } from '../../src/messaging/ReplyQuotaExceededError.js';
import { TypingKeepAlive, checkTypingOptions, type TypingPort, type TypingResult } from '../../src/messaging/Typing.js';

const logger = resolveLogger(undefined, 'silent');
const sent = (): TypingResult => ({ sent: true, spentReply: true });

/** A port whose notices resolve after `delayMs` (fake time), recording each call. */
function port(results: (() => TypingResult | Promise<TypingResult>)[] = [], delayMs = 0): TypingPort & { calls: number; ended: number } {
  const state = {
    calls: 0,
    ended: 0,
    logger,
    async send(): Promise<TypingResult> {
      const next = results[state.calls] ?? sent;
      state.calls += 1;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return next();
    },
    onEnd(): void {
      state.ended += 1;
    },
  };
  return state;
}

describe('TypingKeepAlive', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends now and every intervalMs, one at a time, until stopped; no timer is left', async () => {
    const p = port();
    const typing = new TypingKeepAlive(p, { intervalMs: 1000 });
    expect(p.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(3500);
    expect(p.calls).toBe(4);
    expect(typing.noticesSent).toBe(4);
    await typing.stop();
    await typing.stop();
    expect(typing.active).toBe(false);
    expect(typing.stopReason).toBe('stopped');
    expect(p.ended).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.calls).toBe(4);
  });

  it('unrefs its timer, so it never keeps the process alive', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const typing = new TypingKeepAlive(port(), { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    const timer = spy.mock.results.at(-1)?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await typing.stop();
    spy.mockRestore();
  });

  it('stops at maxDurationMs without holding a timer past it', async () => {
    const p = port();
    const typing = new TypingKeepAlive(p, { intervalMs: 1000, maxDurationMs: 2500 });
    await vi.advanceTimersByTimeAsync(10_000);
    // Notices at 0, 1000 and 2000; one at 3000 would be past the deadline.
    expect(p.calls).toBe(3);
    expect(typing.stopReason).toBe('max-duration');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops at maxNotices', async () => {
    const p = port();
    const typing = new TypingKeepAlive(p, { intervalMs: 100, maxNotices: 2 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.calls).toBe(2);
    expect(typing.stopReason).toBe('max-notices');
  });

  it('stops when a notice is skipped (budget, window, scene), with that reason', async () => {
    const p = port([sent, () => ({ sent: false, skipped: 'reply-budget', spentReply: false })]);
    const typing = new TypingKeepAlive(p, { intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.calls).toBe(2);
    expect(typing.noticesSent).toBe(1);
    expect(typing.stopReason).toBe('reply-budget');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a failed notice is logged and ends it; it never throws', async () => {
    const warn = vi.fn();
    const error = new Error('platform said no');
    const p = Object.assign(port([() => Promise.reject(error)]), { logger: { ...logger, warn } });
    const typing = new TypingKeepAlive(p, { intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(typing.stopReason).toBe('failed');
    expect(typing.lastError).toBe(error);
    expect(warn).toHaveBeenCalledOnce();
    expect(p.calls).toBe(1);
  });

  it('stop() resolves only once the notice in flight has settled', async () => {
    const p = port([], 500);
    const typing = new TypingKeepAlive(p, { intervalMs: 1000 });
    let stopped = false;
    const stopping = typing.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    await stopping;
    expect(stopped).toBe(true);
    expect(p.calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an aborted signal stops it and its listener is removed', async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const p = port();
    const typing = new TypingKeepAlive(p, { intervalMs: 100, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(150);
    controller.abort();
    expect(typing.stopReason).toBe('aborted');
    expect(remove).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.calls).toBe(2);
    const already = new TypingKeepAlive(port(), { signal: AbortSignal.abort() });
    expect(already.stopReason).toBe('aborted');
  });

  it('a skipping port ends it at once without sending', () => {
    const p = Object.assign(port(), { skip: 'unsupported-scene' as const });
    const typing = new TypingKeepAlive(p);
    expect(typing.active).toBe(false);
    expect(typing.stopReason).toBe('unsupported-scene');
    expect(p.calls).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('defaults to 60 s notices renewed every 50 s, and 10 s notices every 5 s', async () => {
    const a = port();
    const long = new TypingKeepAlive(a);
    await vi.advanceTimersByTimeAsync(49_999);
    expect(a.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.calls).toBe(2);
    await long.stop();
    const b = port();
    const short = new TypingKeepAlive(b, { seconds: 10 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(b.calls).toBe(2);
    await short.stop();
  });
});

describe('checkTypingOptions', () => {
  it.each([
    [{ seconds: 0 }, 'seconds'],
    [{ seconds: 61 }, 'seconds'],
    [{ reserveReplies: -1 }, 'reserveReplies'],
    [{ intervalMs: 5 }, 'intervalMs'],
    [{ seconds: 10, intervalMs: 10_001 }, 'intervalMs'],
    [{ maxDurationMs: 0 }, 'maxDurationMs'],
    [{ maxNotices: 0 }, 'maxNotices'],
    [{ spendsReply: 'yes' }, 'spendsReply'],
  ])('refuses %j naming the field', (options, field) => {
    let error: unknown;
    try {
      checkTypingOptions(options as never, true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QQValidationError);
    expect((error as QQValidationError).field).toBe(field);
  });
});

describe('ReplyQuota reserve', () => {
  const source = { target: { scene: 'c2c', openid: 'U' } as const, sourceId: 'M1', receivedAt: new Date() };

  it('refuses a claim that would take one of the last `reserve` replies, leaving them for others', async () => {
    const quota = new ReplyQuota();
    expect((await quota.claim(source, { reserve: 1 })).msgSeq).toBe(1);
    expect((await quota.claim(source, { reserve: 1 })).msgSeq).toBe(2);
    expect((await quota.claim(source, { reserve: 1 })).msgSeq).toBe(3);
    await expect(quota.claim(source, { reserve: 1 })).rejects.toBeInstanceOf(ReplyQuotaExceededError);
    expect((await quota.claim(source)).msgSeq).toBe(4);
    await expect(quota.claim(source)).rejects.toBeInstanceOf(ReplyQuotaExceededError);
  });

  it('holds under concurrent claims: never more than limit - reserve for reserving claims', async () => {
    const quota = new ReplyQuota();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => quota.claim(source, { reserve: 2 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(quota.snapshot(source).remaining).toBe(2);
  });

  it('refuses a store-level claim locally when this process knows nothing is left above the reserve', async () => {
    const claims: number[] = [];
    let count = 0;
    // A store that, like Redis, counts refused claims too.
    const store = {
      claim(_key: string, limit: number) {
        claims.push(limit);
        count += 1;
        return count > limit ? { granted: false, seq: limit, used: limit } : { granted: true, seq: count, used: count };
      },
    };
    const quota = new ReplyQuota({ replyLedger: store });
    for (let i = 0; i < 3; i++) await quota.claim(source, { reserve: 1 });
    await expect(quota.claim(source, { reserve: 1 })).rejects.toBeInstanceOf(ReplyQuotaExceededError);
    expect(claims).toEqual([3, 3, 3]);
    expect((await quota.claim(source)).msgSeq).toBe(4);
  });
});
