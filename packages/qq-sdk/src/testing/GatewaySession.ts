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

  // Replay buffer: parallel arrays from `head`, compacted lazily so trimming stays O(1) amortised.
  private seqs: number[] = [];
  private frames: string[] = [];
  private head = 0;
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
    this.seqs.push(seq);
    this.frames.push(frame);
    if (this.seqs.length - this.head > this.bufferSize) {
      this.trimmedThrough = this.seqs[this.head]!;
      this.head++;
      if (this.head > 4096 && this.head * 2 > this.seqs.length) {
        this.seqs = this.seqs.slice(this.head);
        this.frames = this.frames.slice(this.head);
        this.head = 0;
      }
    }
  }

  /**
   * The frames to replay after `seq`, or `undefined` if the buffer no longer reaches back that far
   * or `seq` is ahead of the session.
   */
  framesAfter(seq: number): string[] | undefined {
    if (seq > this.seq || seq < 0) return undefined;
    if (seq < this.trimmedThrough) return undefined;
    let lo = this.head;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return this.frames.slice(lo);
  }

  /** Drops the buffer (the session ended). */
  clear(): void {
    this.seqs = [];
    this.frames = [];
    this.head = 0;
  }
}
