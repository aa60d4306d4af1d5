import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Clock } from '../internal/Clock.js';
import type { Logger } from '../logging/Logger.js';
import { closeReason, isResumableCloseCode, isStickyCloseCode } from './closeCodes.js';
import type { ConnectionSelector } from './ConnectionSelector.js';
import { ClientFrameSchema, HeartbeatDataSchema, IdentifyDataSchema, ResumeDataSchema } from './gatewayFrames.js';
import { GatewaySession } from './GatewaySession.js';
import { shardForEvent } from './shardForEvent.js';
import type { SessionStartLimiter } from './SessionStartLimiter.js';
import { SimulatorError } from './SimulatorError.js';
import type { ConnectionRecord, HeartbeatRecord, IdentifyRecord, ResumeRecord } from './SimulatorRecords.js';
import type { TokenIssuer } from './TokenIssuer.js';

/** What the gateway needs from the simulator around it. Internal. */
export interface GatewayContext {
  clock: Clock;
  tokens: TokenIssuer;
  logger: Logger;
  heartbeatIntervalMs: number;
  /** Recommended shard count: identifying with fewer closes with 4011. */
  shards: number;
  /** Every intent bit the platform knows; others close with 4013. */
  knownIntents: number;
  /** Intent bits this bot is permitted; others close with 4014. */
  permittedIntents: number;
  sessionStartLimit: SessionStartLimiter;
  /** Close every connection with 4009 this long after it opened; null = never. */
  connectionLifetimeMs: number | null;
  /** Close with 4009 this long after sending op 7; null = leave the connection open. */
  reconnectCloseDelayMs: number | null;
  /** What a bad token at Identify/Resume gets: a 4004 close or op 9. */
  invalidGatewayToken: 4004 | 'invalid-session';
  /** Refuse (op 9) identifies beyond `max_concurrency` per 5 s. */
  enforceMaxConcurrency: boolean;
  replayBufferSize: number;
  botUser: { id: string; username: string };
  /** The intent bit an event type needs, or undefined if it is always delivered. */
  intentOf(type: string): number | undefined;
  /** Called after every recorded change, for waitFor. */
  notify(): void;
}

interface Connection {
  readonly record: ConnectionRecord;
  readonly socket: WebSocket;
  session: GatewaySession | null;
  closingByServer: boolean;
  /** The connectionLifetimeMs timer, cleared when the connection closes. */
  lifetime: NodeJS.Timeout | undefined;
  /** The 4009 close that follows an op 7, cleared when the connection closes first. */
  reconnectClose: NodeJS.Timeout | undefined;
}

/** A dispatch prepared once and sent to every session that should receive it. Internal. */
export interface PreparedDispatch {
  type: string;
  id: string;
  data: unknown;
  /** `JSON.stringify(data)`, computed once. */
  dataJson: string;
}

// Frames with no variable part are built once.
const HEARTBEAT_ACK = '{"op":11}';
/** `max_concurrency` counts identifies per 5 s. */
const IDENTIFY_WINDOW_MS = 5_000;
const RECONNECT = '{"op":7}';

/**
 * The simulated WebSocket gateway: Hello, Identify, READY, heartbeats, Resume with replay, op 7,
 * op 9, close codes, intent filtering and shard routing. Internal; driven through {@link QQSimulator}.
 */
export class GatewayServer {
  readonly connections: ConnectionRecord[] = [];
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly heartbeats: HeartbeatRecord[] = [];
  readonly sessions = new Map<string, GatewaySession>();

  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly open = new Map<WebSocket, Connection>();
  // The TCP socket under each WebSocket, for flood's batched writes.
  private readonly rawSockets = new WeakMap<WebSocket, Duplex>();
  private acksStopped = false;
  private stickyCode: number | null = null;
  // Times of the successful identifies of the last 5 s, for enforceMaxConcurrency.
  private readonly recentIdentifies: number[] = [];
  private readonly hello: string;

  constructor(private readonly ctx: GatewayContext) {
    this.hello = JSON.stringify({ op: 10, d: { heartbeat_interval: ctx.heartbeatIntervalMs } });
  }

  /** Takes over an HTTP upgrade request. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.rawSockets.set(ws, socket);
      this.onConnection(ws);
    });
  }

  /** The open connections matching `selector`. */
  select(selector: ConnectionSelector = {}): Connection[] {
    const picked: Connection[] = [];
    for (const conn of this.open.values()) {
      if (selector.connectionId !== undefined && conn.record.id !== selector.connectionId) continue;
      if (selector.sessionId !== undefined && conn.session?.id !== selector.sessionId) continue;
      if (selector.shard !== undefined && conn.session?.shard[0] !== selector.shard) continue;
      picked.push(conn);
    }
    return picked;
  }

  /** Number of currently open connections. */
  get openCount(): number {
    return this.open.size;
  }

  /**
   * Sends a dispatch to every valid session whose intents and shard accept it (buffering it for
   * sessions whose bot is disconnected). Returns how many sessions got it.
   */
  dispatch(event: PreparedDispatch): number {
    const intent = this.ctx.intentOf(event.type);
    let delivered = 0;
    const idJson = JSON.stringify(event.id);
    const typeJson = JSON.stringify(event.type);
    for (const session of this.sessions.values()) {
      if (!this.accepts(session, intent, event.data)) continue;
      const seq = session.nextSeq();
      const frame = `{"op":0,"s":${seq},"t":${typeJson},"id":${idJson},"d":${event.dataJson}}`;
      session.remember(seq, frame);
      session.socket?.send(frame);
      delivered++;
    }
    return delivered;
  }

  /** The valid sessions a dispatch of `type` with payload `data` goes to. */
  targetSessions(type: string, data: unknown): GatewaySession[] {
    const intent = this.ctx.intentOf(type);
    return [...this.sessions.values()].filter((s) => this.accepts(s, intent, data));
  }

  /** Sends op 7 (Reconnect) to the selected connections. */
  reconnect(selector?: ConnectionSelector): number {
    const conns = this.select(selector);
    const delay = this.ctx.reconnectCloseDelayMs;
    for (const conn of conns) {
      conn.socket.send(RECONNECT);
      // The platform follows op 7 with a 4009 close (resumable) at once.
      if (delay !== null) {
        clearTimeout(conn.reconnectClose);
        conn.reconnectClose = setTimeout(() => {
          if (this.open.get(conn.socket) === conn && !conn.closingByServer) this.closeConnection(conn, 4009);
        }, delay);
        conn.reconnectClose.unref();
      }
    }
    return conns.length;
  }

  /** Sends op 9 (Invalid Session); unless `resumable`, the session ends. */
  invalidSession(resumable: boolean, selector?: ConnectionSelector): number {
    const conns = this.select(selector);
    for (const conn of conns) {
      if (!resumable && conn.session) this.endSession(conn.session);
      conn.socket.send(resumable ? '{"op":9,"d":true}' : '{"op":9,"d":false}');
    }
    return conns.length;
  }

  /** Closes the selected connections with `code`, applying its effect on their sessions. */
  close(code: number, selector?: ConnectionSelector): number {
    // RFC 6455 §7.4: 1005, 1006 and 1015 are never sent on the wire; ws refuses them too.
    const sendable = (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);
    if (!sendable) {
      throw new SimulatorError(`close(${code}): that code cannot be sent in a close frame; use dropConnection() for an abnormal close (1006).`);
    }
    if (isStickyCloseCode(code)) this.stickyCode = code;
    const conns = this.select(selector);
    for (const conn of conns) this.closeConnection(conn, code);
    return conns.length;
  }

  /** Destroys the selected connections' TCP sockets without a close frame (the bot sees 1006). */
  dropConnection(selector?: ConnectionSelector): number {
    const conns = this.select(selector);
    for (const conn of conns) {
      conn.closingByServer = true;
      conn.socket.terminate();
    }
    return conns.length;
  }

  /** Stops answering heartbeats with op 11. */
  stopAcks(): void {
    this.acksStopped = true;
  }

  /** Answers heartbeats with op 11 again. */
  resumeAcks(): void {
    this.acksStopped = false;
  }

  /** Lifts a 4914/4915 that was in force. */
  unban(): void {
    this.stickyCode = null;
  }

  /**
   * Sends `count` dispatches built from one template to a session, fast: the template's constant
   * parts are encoded once and copied, only the sequence number and index digits change; frames
   * are written to the TCP socket in batches (the per-message ws path costs more than the event),
   * respecting its backpressure. The replay buffer keeps one builder per batch, not the frames.
   */
  async flood(session: GatewaySession, count: number, template: FloodTemplate): Promise<void> {
    const BATCH = 4096;
    const HIGH_WATER = 16 * 1024 * 1024;
    const pieces = template.pieces.map((p) => Buffer.from(p, 'utf8'));
    const constant = pieces.reduce((n, p) => n + p.length, 0);
    const slots = template.slots;
    const firstSeq = session.seq + 1;
    const build = (seq: number): string => {
      let frame = template.pieces[0]!;
      for (let k = 0; k < slots.length; k++) {
        frame += String(slots[k] === 'seq' ? seq : seq - firstSeq) + template.pieces[k + 1]!;
      }
      return frame;
    };
    const digits: string[] = new Array<string>(BATCH * slots.length);
    for (let i = 0; i < count;) {
      const end = Math.min(count, i + BATCH);
      const batchFirstSeq = session.seq + 1;
      let total = 0;
      let d = 0;
      for (let j = i; j < end; j++) {
        const seq = batchFirstSeq + (j - i);
        let length = constant;
        for (const slot of slots) {
          const text = String(slot === 'seq' ? seq : j);
          digits[d++] = text;
          length += text.length;
        }
        total += length + (length < 126 ? 2 : length < 65_536 ? 4 : 10);
      }
      session.seq = batchFirstSeq + (end - i) - 1;
      session.rememberRun(batchFirstSeq, end - i, build);
      const socket = session.socket;
      const raw = socket ? this.rawSockets.get(socket) : undefined;
      if (socket && raw && socket.readyState === socket.OPEN) {
        raw.write(encodeTemplateFrames(pieces, constant, digits, slots.length, end - i, total));
        if (raw.writableLength > HIGH_WATER) await drained(raw);
      }
      i = end;
    }
  }

  /** Terminates every connection and forgets every session (simulator shutdown). */
  async shutdown(): Promise<void> {
    for (const conn of this.open.values()) {
      conn.closingByServer = true;
      conn.socket.terminate();
    }
    this.open.clear();
    for (const session of this.sessions.values()) session.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accepts(session: GatewaySession, intent: number | undefined, data: unknown): boolean {
    if (!session.valid) return false;
    if (intent !== undefined && (session.intents & intent) === 0) return false;
    return shardForEvent(data, session.shard[1]) === session.shard[0];
  }

  private onConnection(socket: WebSocket): void {
    const record: ConnectionRecord = { id: this.connections.length + 1, openedAt: this.ctx.clock.now() };
    const conn: Connection = { record, socket, session: null, closingByServer: false, lifetime: undefined, reconnectClose: undefined };
    if (this.ctx.connectionLifetimeMs !== null) {
      // The platform ends connections periodically with 4009 (about every 30 min in production).
      conn.lifetime = setTimeout(() => this.closeConnection(conn, 4009), this.ctx.connectionLifetimeMs);
      conn.lifetime.unref();
    }
    this.connections.push(record);
    this.open.set(socket, conn);
    socket.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    socket.on('close', (code) => this.onClose(conn, code));
    socket.on('error', (error) => this.ctx.logger.debug('simulator: socket error', { error: error.message }));
    socket.send(this.hello);
    this.ctx.logger.debug('simulator: connection opened', { connectionId: record.id });
    this.ctx.notify();
  }

  private onClose(conn: Connection, code: number): void {
    clearTimeout(conn.lifetime);
    clearTimeout(conn.reconnectClose);
    this.open.delete(conn.socket);
    conn.record.closedAt = this.ctx.clock.now();
    conn.record.closeCode = code;
    conn.record.closedBy = conn.closingByServer ? 'server' : 'client';
    if (conn.session && conn.session.socket === conn.socket) conn.session.socket = null;
    this.ctx.logger.debug('simulator: connection closed', { connectionId: conn.record.id, code });
    this.ctx.notify();
  }

  private closeConnection(conn: Connection, code: number): void {
    if (conn.session && !isResumableCloseCode(code)) this.endSession(conn.session);
    conn.closingByServer = true;
    conn.socket.close(code, closeReason(code));
  }

  private endSession(session: GatewaySession): void {
    session.valid = false;
    session.clear();
    this.sessions.delete(session.id);
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    let frame: unknown;
    try {
      frame = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString());
    } catch {
      this.closeConnection(conn, 4002);
      return;
    }
    const parsed = ClientFrameSchema.safeParse(frame);
    if (!parsed.success) {
      this.closeConnection(conn, 4002);
      return;
    }
    switch (parsed.data.op) {
      case 1:
        this.onHeartbeat(conn, parsed.data.d);
        return;
      case 2:
        this.onIdentify(conn, parsed.data.d);
        return;
      case 6:
        this.onResume(conn, parsed.data.d);
        return;
      default:
        this.closeConnection(conn, 4001);
    }
  }

  private onHeartbeat(conn: Connection, d: unknown): void {
    const parsed = HeartbeatDataSchema.safeParse(d);
    if (!parsed.success) {
      this.closeConnection(conn, 4002);
      return;
    }
    const acked = !this.acksStopped;
    const record: HeartbeatRecord = {
      connectionId: conn.record.id,
      at: this.ctx.clock.now(),
      seq: parsed.data ?? null,
      acked,
    };
    if (conn.session) record.sessionId = conn.session.id;
    this.heartbeats.push(record);
    if (acked) conn.socket.send(HEARTBEAT_ACK);
    this.ctx.notify();
  }

  private onIdentify(conn: Connection, d: unknown): void {
    const parsed = IdentifyDataSchema.safeParse(d);
    if (!parsed.success || conn.session) {
      // botgo's table: 4005 for an identify repeated on a connection that already has a session.
      this.closeConnection(conn, conn.session ? 4005 : 4002);
      return;
    }
    const { token, intents } = parsed.data;
    const shard = parsed.data.shard ?? ([0, 1] as const);
    const tokenValid = this.ctx.tokens.isValidGatewayToken(token);
    const record: IdentifyRecord = {
      connectionId: conn.record.id,
      at: this.ctx.clock.now(),
      intents,
      shard: [shard[0], shard[1]],
      tokenValid,
      result: { ok: false },
    };
    this.identifies.push(record);
    const refuse = (closeCode: number): void => {
      record.result = { ok: false, closeCode };
      this.closeConnection(conn, closeCode);
    };
    if (this.stickyCode !== null) return refuse(this.stickyCode);
    const limit = this.ctx.sessionStartLimit;
    if (!tokenValid && this.ctx.invalidGatewayToken === 4004) return refuse(4004);
    if (!tokenValid || !limit.available()) {
      // No sessions left (or a bad token, with invalidGatewayToken 'invalid-session') is an
      // invalid session: the bot must identify again.
      record.result = { ok: false, invalidSession: true };
      conn.socket.send('{"op":9,"d":false}');
      this.ctx.notify();
      return;
    }
    if ((intents & ~this.ctx.knownIntents) !== 0) return refuse(4013);
    if ((intents & ~this.ctx.permittedIntents) !== 0) return refuse(4014);
    const [shardId, numShards] = shard;
    if (numShards < 1 || shardId < 0 || shardId >= numShards) return refuse(4010);
    if (numShards < this.ctx.shards) return refuse(4011);
    if (this.ctx.enforceMaxConcurrency) {
      const now = this.ctx.clock.now();
      while (this.recentIdentifies.length > 0 && now - this.recentIdentifies[0]! >= IDENTIFY_WINDOW_MS) {
        this.recentIdentifies.shift();
      }
      if (this.recentIdentifies.length >= limit.maxConcurrency) {
        record.result = { ok: false, invalidSession: true };
        conn.socket.send('{"op":9,"d":false}');
        this.ctx.notify();
        return;
      }
      this.recentIdentifies.push(now);
    }
    limit.take();
    // A fresh identify replaces earlier, disconnected sessions of the same shard.
    for (const old of [...this.sessions.values()]) {
      if (old.socket === null && old.shard[0] === shardId && old.shard[1] === numShards) this.endSession(old);
    }
    const session = new GatewaySession([shardId, numShards], intents, this.ctx.replayBufferSize);
    this.sessions.set(session.id, session);
    this.bind(conn, session);
    record.result = { ok: true, sessionId: session.id };
    const ready = {
      op: 0,
      s: session.nextSeq(),
      t: 'READY',
      d: {
        version: 1,
        session_id: session.id,
        user: { id: this.ctx.botUser.id, username: this.ctx.botUser.username, bot: true },
        shard: [shardId, numShards],
      },
    };
    conn.socket.send(JSON.stringify(ready));
    this.ctx.notify();
  }

  private onResume(conn: Connection, d: unknown): void {
    const parsed = ResumeDataSchema.safeParse(d);
    if (!parsed.success || conn.session) {
      this.closeConnection(conn, conn.session ? 4001 : 4002);
      return;
    }
    const { token, session_id: sessionId, seq } = parsed.data;
    const tokenValid = this.ctx.tokens.isValidGatewayToken(token);
    const record: ResumeRecord = {
      connectionId: conn.record.id,
      at: this.ctx.clock.now(),
      sessionId,
      seq,
      tokenValid,
      result: { ok: false },
    };
    this.resumes.push(record);
    if (this.stickyCode !== null) {
      record.result = { ok: false, closeCode: this.stickyCode };
      this.closeConnection(conn, this.stickyCode);
      return;
    }
    const session = this.sessions.get(sessionId);
    if (!tokenValid && this.ctx.invalidGatewayToken === 4004) {
      // The session survives: the bot refreshes its token and resumes.
      record.result = { ok: false, closeCode: 4004 };
      this.closeConnection(conn, 4004);
      return;
    }
    if (!tokenValid || !session) {
      // With a bad token the session itself survives, so the bot may resume with a fresh token.
      record.result = { ok: false, invalidSession: true };
      conn.socket.send(session ? '{"op":9,"d":true}' : '{"op":9,"d":false}');
      this.ctx.notify();
      return;
    }
    const frames = session.framesAfter(seq);
    if (!frames) {
      record.result = { ok: false, closeCode: 4007 };
      this.closeConnection(conn, 4007);
      this.endSession(session);
      return;
    }
    // Resuming takes the session over from a connection that still holds it.
    for (const other of this.open.values()) {
      if (other !== conn && other.session === session) {
        other.session = null;
        other.closingByServer = true;
        other.socket.close(4009, closeReason(4009));
      }
    }
    this.bind(conn, session);
    for (const frame of frames) conn.socket.send(frame);
    conn.socket.send(`{"op":0,"s":${session.nextSeq()},"t":"RESUMED","d":""}`);
    record.result = { ok: true, replayed: frames.length };
    this.ctx.notify();
  }

  private bind(conn: Connection, session: GatewaySession): void {
    conn.session = session;
    session.socket = conn.socket;
    session.connectionId = conn.record.id;
    conn.record.sessionId = session.id;
    conn.record.shard = session.shard;
  }
}

/** Resolves once `socket` drains (or closes). */
function drained(socket: Duplex): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

/**
 * A dispatch frame with variable parts: `pieces[0] + slot0 + pieces[1] + … + pieces[n]`, each slot
 * being the sequence number or the event's index in the flood. Internal.
 */
export interface FloodTemplate {
  pieces: readonly string[];
  slots: readonly ('seq' | 'index')[];
}

/**
 * Encodes `count` unmasked WebSocket text frames (server to client, RFC 6455 §5.2) built from the
 * template pieces and the ASCII digit strings, into one buffer of `total` bytes.
 */
function encodeTemplateFrames(pieces: readonly Buffer[], constant: number, digits: readonly string[], slotCount: number, count: number, total: number): Buffer {
  const out = Buffer.allocUnsafe(total);
  let offset = 0;
  let d = 0;
  for (let k = 0; k < count; k++) {
    let length = constant;
    for (let s = 0; s < slotCount; s++) length += digits[d + s]!.length;
    out[offset++] = 0x81; // FIN + text opcode
    if (length < 126) {
      out[offset++] = length;
    } else if (length < 65_536) {
      out[offset++] = 126;
      out.writeUInt16BE(length, offset);
      offset += 2;
    } else {
      out[offset++] = 127;
      out.writeUInt32BE(0, offset);
      out.writeUInt32BE(length, offset + 4);
      offset += 8;
    }
    offset += pieces[0]!.copy(out, offset);
    for (let s = 0; s < slotCount; s++) {
      offset += out.write(digits[d++]!, offset, 'latin1');
      offset += pieces[s + 1]!.copy(out, offset);
    }
  }
  return out;
}
