import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeater, type HeartbeatInfo } from '../../src/gateway/index.js';

describe('Heartbeater', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function make(random = 0.5) {
    const sent: number[] = [];
    const acks: HeartbeatInfo[] = [];
    let zombies = 0;
    const hb = new Heartbeater({
      clock: { now: () => Date.now() },
      random: () => random,
      send: () => sent.push(Date.now()),
      onAck: (info) => acks.push(info),
      onZombie: () => (zombies += 1),
    });
    return { hb, sent, acks, zombies: () => zombies };
  }

  it('jitters the first beat, then beats at the interval while acked', () => {
    const { hb, sent, acks } = make(0.5);
    const start = Date.now();
    hb.start(1000);
    vi.advanceTimersByTime(499);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([start + 500]);
    vi.advanceTimersByTime(20);
    hb.ack();
    expect(acks[0]?.latency).toBe(20);
    vi.advanceTimersByTime(980);
    expect(sent).toEqual([start + 500, start + 1500]);
    hb.ack();
    hb.stop();
  });

  it('reports a zombie when a beat is due and the previous one was never acked', () => {
    const { hb, sent, zombies } = make(0);
    hb.start(1000);
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(zombies()).toBe(1);
    expect(sent).toHaveLength(1);
    // Stopped after the zombie: no more beats, no more zombie reports.
    vi.advanceTimersByTime(10_000);
    expect(zombies()).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stop clears every timer', () => {
    const { hb } = make();
    hb.start(1000);
    vi.advanceTimersByTime(600);
    hb.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores an ACK nobody asked for', () => {
    const { hb, acks } = make();
    hb.ack();
    expect(acks).toHaveLength(0);
  });
});
