// A deliberately plain gateway client for the simulator's own tests: raw `ws` + JSON, no SDK code,
// so a bug in the SDK's gateway cannot hide a bug in the simulator.
import WebSocket from 'ws';
import type { QQSimulator } from '../../src/testing/index.js';

export interface Frame {
  op: number;
  d?: unknown;
  s?: number;
  t?: string;
  id?: string;
}

export class RawClient {
  readonly frames: Frame[] = [];
  /** Every frame's text as it arrived. */
  readonly texts: string[] = [];
  closeCode: number | undefined;
  private cursor = 0;
  private listeners = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.texts.push(data.toString());
      this.frames.push(JSON.parse(data.toString()) as Frame);
      for (const l of [...this.listeners]) l();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      for (const l of [...this.listeners]) l();
    });
    ws.on('error', () => {});
  }

  static async open(url: string): Promise<RawClient> {
    const ws = new WebSocket(url);
    const client = new RawClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** The next frame (after those already taken) matching `pred`. */
  next(pred: (f: Frame) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        while (this.cursor < this.frames.length) {
          const f = this.frames[this.cursor++]!;
          if (pred(f)) {
            done();
            resolve(f);
            return;
          }
        }
        if (this.closeCode !== undefined) {
          done();
          reject(new Error(`closed with ${this.closeCode} while waiting for a frame`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error('timed out waiting for a frame'));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  closed(timeoutMs = 3000): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.closeCode !== undefined) {
          done();
          resolve(this.closeCode);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error('timed out waiting for close'));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  terminate(): void {
    this.ws.terminate();
  }
}

export async function getToken(sim: QQSimulator): Promise<string> {
  const res = await fetch(sim.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: sim.appId, clientSecret: sim.clientSecret }),
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

export const GROUP_AND_C2C = 1 << 25;
export const PUBLIC_GUILD = 1 << 30;

/** Opens a connection, identifies and waits for READY. */
export async function identify(
  sim: QQSimulator,
  opts: { intents?: number; shard?: [number, number]; token?: string } = {},
): Promise<{ client: RawClient; sessionId: string; ready: Frame }> {
  const token = opts.token ?? (await getToken(sim));
  const client = await RawClient.open(sim.wsUrl);
  await client.next((f) => f.op === 10);
  client.send({
    op: 2,
    d: { token: `QQBot ${token}`, intents: opts.intents ?? GROUP_AND_C2C | PUBLIC_GUILD, shard: opts.shard ?? [0, 1] },
  });
  const ready = await client.next((f) => f.t === 'READY');
  return { client, sessionId: (ready.d as { session_id: string }).session_id, ready };
}
