/**
 * Tracks which dispatched events have finished their handlers, and yields the highest sequence
 * number such that every event at or below it has settled. That watermark — not the last sequence
 * received — is what a RESUME sends, so events whose handlers were still running when the
 * connection died are replayed by the platform (the dedup layer drops the copies whose handlers
 * did finish).
 *
 * Events usually arrive in order, so tracking is O(1) amortized: an ascending queue of pending
 * sequences with a moving head.
 */
export class SequenceWatermark {
  /** seq → how many dispatches of it are still running (a replay can overlap the original). */
  readonly #pending = new Map<number, number>();
  /** Pending sequences in ascending order; entries before `#head` are settled. */
  #order: number[] = [];
  #head = 0;
  #maxReceived: number | null;
  #committed: number | null;

  /** @param initial - The sequence a resumed session starts from, if any. */
  constructor(initial: number | null = null) {
    this.#maxReceived = initial;
    this.#committed = initial;
  }

  /** The highest sequence received on this session, or `null` before the first. */
  get lastReceived(): number | null {
    return this.#maxReceived;
  }

  /** How many dispatches are still running. */
  get inFlight(): number {
    return this.#pending.size;
  }

  /**
   * The resume sequence: every event with a sequence ≤ this has settled. Never moves backwards.
   */
  get value(): number | null {
    const head = this.#order[this.#head];
    const candidate = head === undefined ? this.#maxReceived : head - 1;
    if (candidate !== null && (this.#committed === null || candidate > this.#committed)) {
      this.#committed = candidate;
    }
    return this.#committed;
  }

  /** Marks a dispatch of `seq` as started. */
  begin(seq: number): void {
    if (this.#maxReceived === null || seq > this.#maxReceived) this.#maxReceived = seq;
    const count = this.#pending.get(seq);
    if (count !== undefined) {
      this.#pending.set(seq, count + 1);
      return;
    }
    this.#pending.set(seq, 1);
    const order = this.#order;
    const last = order[order.length - 1];
    if (last === undefined || seq > last || order.length === this.#head) {
      order.push(seq);
      return;
    }
    // Out of order (a replay below pending events): binary insert among the live entries.
    let lo = this.#head;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((order[mid] as number) < seq) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, seq);
  }

  /** Marks a dispatch of `seq` as settled (handlers finished, failed or the event was dropped). */
  complete(seq: number): void {
    const count = this.#pending.get(seq);
    if (count === undefined) return;
    if (count > 1) {
      this.#pending.set(seq, count - 1);
      return;
    }
    this.#pending.delete(seq);
    const order = this.#order;
    while (this.#head < order.length && !this.#pending.has(order[this.#head] as number)) this.#head += 1;
    if (this.#head === order.length) {
      this.#order = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > order.length) {
      this.#order = order.slice(this.#head);
      this.#head = 0;
    }
  }
}
