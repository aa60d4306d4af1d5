import type { GatewayError } from './GatewayError.js';
import type { HeartbeatInfo } from './Heartbeater.js';

/**
 * The states of a {@link GatewayShard}:
 * `idle` (not started or stopped) → `connecting` (socket opening, waiting for Hello) →
 * `identifying` | `resuming` (Identify/Resume sent, waiting for READY/RESUMED) → `ready`;
 * `disconnected` while waiting to reconnect.
 */
export type GatewayShardStatus = 'idle' | 'connecting' | 'identifying' | 'resuming' | 'ready' | 'disconnected';

/** How a shard continues after a connection ended. */
export type GatewayRecovery = 'resume' | 'identify' | 'none';

/** Payload of the `ready` event: a new session started. */
export interface GatewayReadyEvent {
  /** `session_id` from READY. */
  sessionId: string;
  /** The bot user from READY. */
  user: { id: string; username?: string | undefined; bot?: boolean | undefined };
  /** `[shardId, shardCount]` of the session. */
  shard: readonly [number, number];
}

/** Payload of the `resumed` event: a session continued after a reconnect. */
export interface GatewayResumedEvent {
  /** The session that was resumed. */
  sessionId: string;
  /** The sequence sent in Resume (the watermark); the platform replayed everything after it. */
  fromSeq: number | null;
  /** How many dispatches arrived between Resume and RESUMED (the replay). */
  replayed: number;
}

/** Payload of the `reconnecting` event, emitted before each reconnect is scheduled. */
export interface GatewayReconnectingEvent {
  /** Whether the next connection resumes or identifies. */
  action: 'resume' | 'identify';
  /** Delay before the new connection opens, in ms. */
  delayMs: number;
  /** Reconnect attempt since the last READY/RESUMED (1 = first). */
  attempt: number;
  /** The close code that ended the previous connection. */
  code: number;
  /** Why the previous connection ended. */
  reason: string;
}

/** Payload of the `close` event: a connection ended (every teardown emits exactly one). */
export interface GatewayCloseEvent {
  /** The close code: the server's, or the one this client closed with. */
  code: number;
  /** Why it closed. */
  reason: string;
  /** Whether the close came from the server (or the network) rather than from this client. */
  byServer: boolean;
  /** What happens next. */
  recover: GatewayRecovery;
}

/** Payload of the `heartbeat` event: an acknowledged heartbeat with its latency. */
export type GatewayHeartbeatEvent = HeartbeatInfo;

/** Payload of the `statusChange` event. */
export interface GatewayStatusChangeEvent {
  /** The previous status. */
  from: GatewayShardStatus;
  /** The new status. */
  to: GatewayShardStatus;
}

/**
 * The lifecycle events of a {@link GatewayShard}, as labeled tuples (platform events never go
 * through here; they leave only through the injected dispatcher).
 */
export interface GatewayShardEventsMap {
  /** A new session is ready. */
  ready: [event: GatewayReadyEvent];
  /** A session was resumed and its missed events replayed. */
  resumed: [event: GatewayResumedEvent];
  /** A reconnect was scheduled. */
  reconnecting: [event: GatewayReconnectingEvent];
  /** A connection ended. */
  close: [event: GatewayCloseEvent];
  /** The shard stopped for good; see {@link GatewayError.reason}. */
  error: [error: GatewayError];
  /** Verbose diagnostics (frames, transitions, decisions). */
  debug: [message: string];
  /** A heartbeat was acknowledged. */
  heartbeat: [event: GatewayHeartbeatEvent];
  /** The shard moved to another state. */
  statusChange: [event: GatewayStatusChangeEvent];
}

/** The events of a {@link GatewayManager}: each shard event with the shard id appended. */
export type GatewayManagerEventsMap = {
  [K in keyof GatewayShardEventsMap]: [...GatewayShardEventsMap[K], shardId: number];
};

/** Counters of one shard (or, summed, of a manager), for metrics and tests. */
export interface GatewayCounters {
  /** WebSocket connections opened. */
  connections: number;
  /** Identify payloads sent (each one starts a session and costs a session start). */
  identifies: number;
  /** Resume payloads sent. */
  resumes: number;
  /** Resumes confirmed by RESUMED. */
  resumed: number;
  /** Connections torn down because a heartbeat was never acknowledged. */
  zombies: number;
  /** Reconnects scheduled. */
  reconnects: number;
  /** op 9 (invalid session) frames received. */
  invalidSessions: number;
  /** Dispatches handed to the dispatcher. */
  dispatched: number;
  /** Dispatches the dispatcher dropped as duplicates (resume replays). */
  duplicates: number;
  /** Replays skipped because a previous process had handled them before it stopped. */
  skippedReplays: number;
}

/** A {@link GatewayCounters} with every count at zero. @internal */
export function emptyGatewayCounters(): GatewayCounters {
  return {
    connections: 0,
    identifies: 0,
    resumes: 0,
    resumed: 0,
    zombies: 0,
    reconnects: 0,
    invalidSessions: 0,
    dispatched: 0,
    duplicates: 0,
    skippedReplays: 0,
  };
}
