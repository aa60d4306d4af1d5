import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';

/**
 * One gateway session of the simulated platform: what Identify created and Resume continues.
 * It outlives its connections and keeps the dispatches it sent, so a Resume can replay them.
 * Internal to the simulator.
 */
export class GatewaySession {
  /** The `session_id` sent in READY. */
  readonly id: string = randomUUID();
  /** The last sequence number used on this session. */
  seq = 0;
  /** False once the session can no longer be resumed. */
  valid = true;
  /** The socket currently bound to the session (null while the bot is disconnected). */
  socket: WebSocket | null = null;
  /** The connection number of {@link socket}. */
  connectionId = 0;

  // Replay buffer: runs of consecutive dispatches from `head`; a single dispatch keeps its frame,
  // a flood batch keeps a builder so 100k flooded events cost no per-event memory.
  private entries: ReplayRun[] = [];
  private head = 0;
  private buffered = 0;
  // Highest sequence number trimmed out of the buffer: resuming from before it would skip events.
  private trimmedThrough = 0;

  constructor(
    readonly shard: readonly [number, number],
    readonly intents: number,
    private readonly bufferSize: number,
  ) {}

  /** Takes the next sequence number without buffering anything (READY, RESUMED). */
  nextSeq(): number {
    return ++this.seq;
  }

  /** Records a dispatch frame for replay under sequence number `seq`. */
  remember(seq: number, frame: string): void {
    this.push({ first: seq, count: 1, frame, build: undefined });
  }

  /** Records `count` consecutive dispatches from `first`, whose frames `build(seq)` recreates. */
  rememberRun(first: number, count: number, build: (seq: number) => string): void {
    if (count > 0) this.push({ first, count, frame: undefined, build });
  }

  /**
   * The frames to replay after `seq`, or `undefined` if the buffer no longer reaches back that far
   * or `seq` is ahead of the session.
   */
  framesAfter(seq: number): string[] | undefined {
    if (seq > this.seq || seq < 0) return undefined;
    if (seq < this.trimmedThrough) return undefined;
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const run = this.entries[mid]!;
      if (run.first + run.count - 1 <= seq) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let k = lo; k < this.entries.length; k++) {
      const run = this.entries[k]!;
      if (run.frame !== undefined) {
        out.push(run.frame);
        continue;
      }
      for (let s = Math.max(run.first, seq + 1); s < run.first + run.count; s++) out.push(run.build!(s));
    }
    return out;
  }

  private push(run: ReplayRun): void {
    this.entries.push(run);
    this.buffered += run.count;
    while (this.buffered > this.bufferSize) {
      const oldest = this.entries[this.head]!;
      const excess = this.buffered - this.bufferSize;
      if (oldest.count <= excess) {
        this.trimmedThrough = oldest.first + oldest.count - 1;
        this.buffered -= oldest.count;
        this.head++;
      } else {
        this.trimmedThrough = oldest.first + excess - 1;
        oldest.first += excess;
        oldest.count -= excess;
        this.buffered -= excess;
      }
    }
    if (this.head > 4096 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Drops the buffer (the session ended). */
  clear(): void {
    this.entries = [];
    this.head = 0;
    this.buffered = 0;
  }
}

/** A run of consecutive dispatches in the replay buffer. */
interface ReplayRun {
  first: number;
  count: number;
  frame: string | undefined;
  build: ((seq: number) => string) | undefined;
}
