import type { SequenceRange } from '../SequenceWatermark.js';
import type { MemorySessionStore } from './MemorySessionStore.js';

/** What a shard needs to RESUME its session, possibly from another process after a restart. */
export interface GatewaySession {
  /** `session_id` from READY. */
  sessionId: string;
  /** The resume watermark: every event at or below it was fully handled. */
  seq: number | null;
  /** The shard this session belongs to. */
  shardId: number;
  /** The shard count the session was identified with; a session is only reused with the same count. */
  shardCount: number;
  /**
   * Sequences above `seq` whose handlers had already finished when the session was saved, as
   * inclusive `[from, to]` ranges. A process that resumes the session skips their replays, so a
   * restart re-runs no completed handler.
   */
  handledAbove?: readonly SequenceRange[];
}

/**
 * Where shards keep their sessions. The default, {@link MemorySessionStore}, lives as long as the
 * process; {@link FileSessionStore} survives restarts so a restarted bot resumes (and gets the
 * events it missed replayed) instead of starting a new session. A Redis store fits the same shape.
 * Methods may be sync or async.
 */
export interface GatewaySessionStore {
  /** Returns the stored session of `shardId`, or `null`/`undefined` if there is none. */
  get(shardId: number): GatewaySession | null | undefined | Promise<GatewaySession | null | undefined>;
  /** Stores (replaces) the session of `session.shardId`. */
  set(shardId: number, session: GatewaySession): void | Promise<void>;
  /** Forgets the session of `shardId` (it was invalidated). */
  delete(shardId: number): void | Promise<void>;
}
