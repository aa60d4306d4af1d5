import { describe, expect, it } from 'vitest';
import { SequenceWatermark } from '../../src/gateway/index.js';

describe('SequenceWatermark', () => {
  it('is null before anything arrives, or the resumed seq', () => {
    expect(new SequenceWatermark().value).toBeNull();
    expect(new SequenceWatermark(42).value).toBe(42);
  });

  it('stays below the oldest event whose handlers are still running', () => {
    const w = new SequenceWatermark();
    for (let s = 1; s <= 5; s++) w.begin(s);
    w.complete(1);
    w.complete(3);
    w.complete(4);
    w.complete(5);
    expect(w.value).toBe(1);
    expect(w.inFlight).toBe(1);
    expect(w.lastReceived).toBe(5);
    w.complete(2);
    expect(w.value).toBe(5);
    expect(w.inFlight).toBe(0);
  });

  it('never moves backwards when a replay of settled events arrives', () => {
    const w = new SequenceWatermark();
    for (let s = 1; s <= 10; s++) w.begin(s);
    for (let s = 1; s <= 10; s++) w.complete(s);
    expect(w.value).toBe(10);
    w.begin(6); // a duplicate from a replay
    expect(w.value).toBe(10);
    w.complete(6);
    expect(w.value).toBe(10);
  });

  it('counts overlapping dispatches of the same seq', () => {
    const w = new SequenceWatermark(2);
    w.begin(3);
    w.begin(3);
    w.begin(4);
    w.complete(4);
    w.complete(3);
    expect(w.value).toBe(2);
    w.complete(3);
    expect(w.value).toBe(4);
  });

  it('handles out-of-order arrivals', () => {
    const w = new SequenceWatermark();
    w.begin(5);
    w.begin(7);
    w.begin(6);
    w.complete(5);
    w.complete(7);
    expect(w.value).toBe(5);
    w.complete(6);
    expect(w.value).toBe(7);
  });

  it('stays correct over a long run with a slow event (compaction)', () => {
    const w = new SequenceWatermark();
    w.begin(1);
    for (let s = 2; s <= 50_000; s++) {
      w.begin(s);
      w.complete(s);
    }
    expect(w.value).toBe(0);
    w.complete(1);
    expect(w.value).toBe(50_000);
    for (let s = 50_001; s <= 60_000; s++) w.begin(s);
    for (let s = 50_001; s <= 59_999; s++) w.complete(s);
    expect(w.value).toBe(59_999);
  });

  it('lists the settled events above the watermark as ranges of consecutive sequences, gaps kept', () => {
    const w = new SequenceWatermark(10);
    for (const s of [11, 12, 13, 14, 16, 17]) w.begin(s); // 15 never arrived
    for (const s of [13, 14, 16, 17]) w.complete(s);
    expect(w.value).toBe(10);
    expect(w.handledAbove()).toEqual([
      [13, 14],
      [16, 17],
    ]);
    w.complete(11);
    w.complete(12);
    expect(w.value).toBe(17);
    expect(w.handledAbove()).toEqual([]);
  });

  it('knows the events an earlier process handled, and keeps listing them until the watermark passes', () => {
    const w = new SequenceWatermark(10, [
      [12, 13],
      [20, 20],
    ]);
    expect([11, 12, 13, 14, 20].map((s) => w.handledBefore(s))).toEqual([false, true, true, false, true]);
    expect(w.handledAbove()).toEqual([
      [12, 13],
      [20, 20],
    ]);
    w.begin(11);
    w.complete(11);
    expect(w.value).toBe(11);
    w.begin(12);
    w.complete(12);
    expect(w.handledAbove()).toEqual([
      [13, 13],
      [20, 20],
    ]);
  });
});
