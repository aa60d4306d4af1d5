/**
 * Tracks which dispatched events have finished their handlers, and yields the highest sequence
 * number such that every event at or below it has settled. That watermark — not the last sequence
 * received — is what a RESUME sends, so events whose handlers were still running when the
 * connection died are replayed by the platform (the dedup layer drops the copies whose handlers
 * did finish).
 *
 * Events arrive and usually settle in order, so both operations are O(1) amortized: pending
 * sequences sit in an ascending array with a moving head, next to their pending-dispatch counts
 * (a replay can overlap the original dispatch of the same sequence).
 *
 * Events above the watermark that did settle are known too ({@link SequenceWatermark.handledAbove}):
 * a session saved at shutdown keeps them, so a process that resumes it after a restart skips their
 * replays ({@link SequenceWatermark.handledBefore}) instead of running their handlers again.
 */
export class SequenceWatermark {
  /** Pending sequences, ascending; entries before `#head` have settled. */
  #seqs: number[] = [];
  /** Dispatches still running per entry of `#seqs`. */
  #counts: number[] = [];
  #head = 0;
  #inFlight = 0;
  #maxReceived: number | null;
  #committed: number | null;
  /** Sequences above `initial` handled by an earlier process, as inclusive ranges. */
  readonly #handledEarlier: readonly SequenceRange[];

  /**
   * @param initial - The sequence a resumed session starts from, if any.
   * @param handledEarlier - Sequences above `initial` whose handlers finished before a restart.
   */
  constructor(initial: number | null = null, handledEarlier: readonly SequenceRange[] = []) {
    this.#maxReceived = initial;
    this.#committed = initial;
    this.#handledEarlier = handledEarlier;
  }

  /**
   * Whether `seq` was handled by an earlier process (it is in the ranges this watermark was created
   * with): its replay must not run handlers again.
   */
  handledBefore(seq: number): boolean {
    // Runs for every event: almost always there is nothing to look up.
    if (this.#handledEarlier.length === 0) return false;
    for (const [from, to] of this.#handledEarlier) if (seq >= from && seq <= to) return true;
    return false;
  }

  /**
   * Sequences above {@link SequenceWatermark.value} whose handlers have settled (here, or in an
   * earlier process), as ascending inclusive ranges of consecutive sequences. Only sequences that
   * were received are listed: a gap stays a gap, so its replay still runs.
   */
  handledAbove(): SequenceRange[] {
    const floor = this.value ?? -Infinity;
    const handled: number[] = [];
    for (let i = this.#head; i < this.#seqs.length; i++) {
      const seq = this.#seqs[i] as number;
      if (this.#counts[i] === 0 && seq > floor) handled.push(seq);
    }
    for (const [from, to] of this.#handledEarlier) {
      for (let seq = Math.max(from, floor + 1); seq <= to; seq++) handled.push(seq);
    }
    return toRanges(handled);
  }

  /** The highest sequence received on this session, or `null` before the first. */
  get lastReceived(): number | null {
    return this.#maxReceived;
  }

  /** How many dispatches are still running. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * The resume sequence: every event with a sequence ≤ this has settled. Never moves backwards.
   */
  get value(): number | null {
    const head = this.#seqs[this.#head];
    const candidate = head === undefined ? this.#maxReceived : head - 1;
    if (candidate !== null && (this.#committed === null || candidate > this.#committed)) {
      this.#committed = candidate;
    }
    return this.#committed;
  }

  /** Marks a dispatch of `seq` as started. */
  begin(seq: number): void {
    this.#inFlight += 1;
    if (this.#maxReceived === null || seq > this.#maxReceived) this.#maxReceived = seq;
    const seqs = this.#seqs;
    const length = seqs.length;
    const last = seqs[length - 1];
    if (last === undefined || seq > last) {
      seqs.push(seq);
      this.#counts.push(1);
      return;
    }
    const index = this.#find(seq);
    if (index < length && seqs[index] === seq) {
      // Already listed: a replay of a pending event, or a settled entry not yet compacted away.
      this.#counts[index] = (this.#counts[index] as number) + 1;
      if (index < this.#head) this.#head = index;
      return;
    }
    // Out of order (a replay below pending events).
    seqs.splice(index, 0, seq);
    this.#counts.splice(index, 0, 1);
    if (index < this.#head) this.#head = index;
  }

  /** Marks a dispatch of `seq` as settled (handlers finished, failed or the event was dropped). */
  complete(seq: number): void {
    const seqs = this.#seqs;
    const head = this.#head;
    const index = seqs[head] === seq ? head : this.#find(seq);
    const count = this.#counts[index];
    if (seqs[index] !== seq || count === undefined || count === 0) return;
    this.#inFlight -= 1;
    this.#counts[index] = count - 1;
    if (count > 1 || index !== head) return;
    let next = head + 1;
    while (next < seqs.length && this.#counts[next] === 0) next += 1;
    this.#head = next;
    if (next === seqs.length) {
      this.#seqs = [];
      this.#counts = [];
      this.#head = 0;
    } else if (next > 1024 && next * 2 > seqs.length) {
      this.#seqs = seqs.slice(next);
      this.#counts = this.#counts.slice(next);
      this.#head = 0;
    }
  }

  /** Index of the first entry ≥ `seq` (binary search over the whole array). */
  #find(seq: number): number {
    const seqs = this.#seqs;
    let lo = 0;
    let hi = seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((seqs[mid] as number) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** An inclusive range of sequence numbers, `[from, to]`. */
export type SequenceRange = readonly [from: number, to: number];

/** Sorts, dedups and merges sequence numbers into inclusive ranges of consecutive numbers. */
function toRanges(seqs: number[]): SequenceRange[] {
  seqs.sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const seq of seqs) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && seq <= last[1] + 1) last[1] = Math.max(last[1], seq);
    else ranges.push([seq, seq]);
  }
  return ranges;
}
