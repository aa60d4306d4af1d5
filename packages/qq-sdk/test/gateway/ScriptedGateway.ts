// A bare WebSocket server on 127.0.0.1 that the test scripts frame by frame, for gateway behaviour
// the simulator has no switch for (a second Hello, a malformed READY, a server op 1, odd intervals).
import { WebSocketServer, type WebSocket } from 'ws';

export interface ReceivedFrame {
  op: number;
  d: unknown;
}

export class ScriptedGateway {
  readonly received: ReceivedFrame[] = [];
  readonly sockets: WebSocket[] = [];
  readonly #server: WebSocketServer;
  #onConnection: (socket: WebSocket, index: number) => void = () => {};
  #onFrame: (frame: ReceivedFrame, socket: WebSocket) => void = () => {};

  private constructor(server: WebSocketServer) {
    this.#server = server;
    server.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as ReceivedFrame;
        this.received.push(frame);
        this.#onFrame(frame, socket);
      });
      this.#onConnection(socket, this.sockets.length - 1);
    });
  }

  static async start(): Promise<ScriptedGateway> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new ScriptedGateway(server);
  }

  get url(): string {
    const address = this.#server.address();
    return `ws://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  }

  /** What to do when a client connects (usually: send Hello). */
  onConnection(handler: (socket: WebSocket, index: number) => void): void {
    this.#onConnection = handler;
  }

  /** What to do with each frame the client sends. */
  onFrame(handler: (frame: ReceivedFrame, socket: WebSocket) => void): void {
    this.#onFrame = handler;
  }

  /** Frames of one opcode the client sent. */
  sent(op: number): ReceivedFrame[] {
    return this.received.filter((frame) => frame.op === op);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

export const send = (socket: WebSocket, frame: Record<string, unknown>): void => socket.send(JSON.stringify(frame));

/** A well-formed READY for session `sessionId`. */
export function ready(sessionId: string, s = 1): Record<string, unknown> {
  return { op: 0, t: 'READY', s, d: { version: 1, session_id: sessionId, user: { id: 'bot', username: 'bot', bot: true }, shard: [0, 1] } };
}

/** Resolves once `check` holds, polling every 5 ms for at most `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
