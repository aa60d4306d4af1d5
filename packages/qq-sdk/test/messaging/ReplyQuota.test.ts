import { describe, expect, it } from 'vitest';
import { MemoryReplyLedgerStore } from '../../src/messaging/MemoryReplyLedgerStore.js';
import type { MessageTarget } from '../../src/messaging/MessageScene.js';
import { ReplyQuota } from '../../src/messaging/ReplyQuota.js';
import { ReplyQuotaExceededError } from '../../src/messaging/ReplyQuotaExceededError.js';
import { ReplyWindowExpiredError } from '../../src/messaging/ReplyWindowExpiredError.js';

function manualClock(start = Date.parse('2026-11-25T10:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const group: MessageTarget = { scene: 'group', groupOpenid: 'B2C3D4E5F6A1B2C3D4E5F6A1B2C3D4E5' };
const c2c: MessageTarget = { scene: 'c2c', openid: 'A1B2C3D4E5F6A1B2C3D4E5F6A1B2C3D4' };

describe('ReplyQuota', () => {
  it('grants five group replies with msg_seq 1..5, then throws ReplyQuotaExceededError', async () => {
    const clock = manualClock();
    const quota = new ReplyQuota({ clock });
    const source = { target: group, sourceId: 'ROBOT1.0_a', receivedAt: new Date(clock.now()) };
    const seqs = [];
    for (let i = 0; i < 5; i++) seqs.push((await quota.claim(source)).msgSeq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    const error = await quota.claim(source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyQuotaExceededError);
    expect(error).toMatchObject({ remaining: 0, limit: 5, sourceId: 'ROBOT1.0_a' });
    expect((error as ReplyQuotaExceededError).expiresAt.getTime()).toBe(clock.now() + 5 * 60_000);
  });

  it('never hands out a msg_seq twice or overspends under concurrent claims', async () => {
    const quota = new ReplyQuota();
    const source = { target: group, sourceId: 'ROBOT1.0_b', receivedAt: new Date() };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => quota.claim(source)));
    const granted = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.msgSeq] : []));
    expect(granted.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(15);
  });

  it('uses the C2C rule: 4 replies within 60 minutes by default', async () => {
    const clock = manualClock();
    const quota = new ReplyQuota({ clock });
    const source = { target: c2c, sourceId: 'ROBOT1.0_c', receivedAt: new Date(clock.now()) };
    clock.advance(59 * 60_000);
    for (let i = 0; i < 4; i++) await quota.claim(source);
    await expect(quota.claim(source)).rejects.toBeInstanceOf(ReplyQuotaExceededError);
  });

  it('throws ReplyWindowExpiredError after the window, with the replies left', async () => {
    const clock = manualClock();
    const quota = new ReplyQuota({ clock });
    const source = { target: group, sourceId: 'ROBOT1.0_d', receivedAt: new Date(clock.now()) };
    await quota.claim(source);
    clock.advance(5 * 60_000);
    const error = await quota.claim(source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyWindowExpiredError);
    expect(error).toMatchObject({ remaining: 4, sourceId: 'ROBOT1.0_d' });
  });

  it('applies per-scene overrides', async () => {
    const quota = new ReplyQuota({ rules: { c2c: { maxReplies: 5 } } });
    expect(quota.ruleFor('c2c')).toEqual({ windowMs: 60 * 60_000, maxReplies: 5 });
    expect(quota.ruleFor('group').maxReplies).toBe(5);
  });

  it('keeps separate budgets per source message and per target', async () => {
    const quota = new ReplyQuota({ rules: { group: { maxReplies: 1 } } });
    const receivedAt = new Date();
    await quota.claim({ target: group, sourceId: 'm1', receivedAt });
    await quota.claim({ target: group, sourceId: 'm2', receivedAt });
    await quota.claim({ target: { scene: 'group', groupOpenid: 'OTHER' }, sourceId: 'm1', receivedAt });
    await expect(quota.claim({ target: group, sourceId: 'm1', receivedAt })).rejects.toBeInstanceOf(ReplyQuotaExceededError);
  });

  it('reports a snapshot of what this process has claimed', async () => {
    const quota = new ReplyQuota();
    const source = { target: group, sourceId: 'ROBOT1.0_e', receivedAt: new Date() };
    expect(quota.snapshot(source)).toMatchObject({ used: 0, remaining: 5 });
    await quota.claim(source);
    await quota.claim(source);
    expect(quota.snapshot(source)).toMatchObject({ used: 2, remaining: 3 });
  });
});

describe('MemoryReplyLedgerStore', () => {
  it('forgets keys after their ttl, so memory does not grow with old messages', () => {
    const clock = manualClock();
    const store = new MemoryReplyLedgerStore({ clock });
    expect(store.claim('k', 5, 1000)).toEqual({ granted: true, seq: 1, used: 1 });
    clock.advance(1000);
    expect(store.claim('k', 5, 1000)).toEqual({ granted: true, seq: 1, used: 1 });
  });

  it('stays within maxEntries by evicting the oldest keys', () => {
    const store = new MemoryReplyLedgerStore({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) store.claim(`k${i}`, 5, 60_000);
    expect(store.size).toBeLessThanOrEqual(100);
    // The newest key is still tracked.
    expect(store.claim('k9999', 5, 60_000).seq).toBe(2);
  });
});
