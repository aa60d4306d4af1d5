import { afterEach, describe, expect, it } from 'vitest';
import { GatewayShard, MemorySessionStore, type GatewayShardOptions } from '../../src/gateway/index.js';
import type { Logger } from '../../src/logging/Logger.js';
import { ready, ScriptedGateway, send, until } from './ScriptedGateway.js';

interface LogLine {
  level: keyof Logger;
  message: string;
}

let gateway: ScriptedGateway | undefined;
let shard: GatewayShard | undefined;
afterEach(async () => {
  await shard?.destroy();
  await gateway?.close();
  shard = undefined;
  gateway = undefined;
});

function makeShard(url: string, lines: LogLine[], options: Partial<GatewayShardOptions> = {}): GatewayShard {
  const log = (level: keyof Logger) => (message: string) => void lines.push({ level, message });
  return new GatewayShard({
    shardId: 0,
    shardCount: 1,
    url,
    intents: 1 << 25,
    getAccessToken: () => Promise.resolve('token-1'),
    dispatcher: { dispatch: () => undefined },
    sessionStore: new MemorySessionStore(),
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    backoff: { baseMs: 5, maxMs: 20, jitter: 0 },
    random: () => 0,
    ...options,
  });
}

/** Answers Identify with READY and Resume with RESUMED, on every connection. */
function answerHandshakes(server: ScriptedGateway, interval = 60_000): void {
  server.onConnection((socket) => send(socket, { op: 10, d: { heartbeat_interval: interval } }));
  server.onFrame((frame, socket) => {
    if (frame.op === 2) send(socket, ready('session-1'));
    if (frame.op === 6) send(socket, { op: 0, t: 'RESUMED', s: 2, d: '' });
    if (frame.op === 1) send(socket, { op: 11 });
  });
}

describe('gateway edge cases seen in production', () => {
  it('answers the server op 1 without judging it: a request just before a scheduled beat is no zombie', async () => {
    gateway = await ScriptedGateway.start();
    answerHandshakes(gateway, 1000);
    // ACK our own beats, but never the answers to op 1 (that would hide a wrongly armed ACK wait).
    let serverRequested = 0;
    gateway.onFrame((frame, socket) => {
      if (frame.op === 2) send(socket, ready('session-1'));
      if (frame.op === 1 && serverRequested > 0) serverRequested -= 1;
      else if (frame.op === 1) send(socket, { op: 11 });
    });
    const lines: LogLine[] = [];
    // random 0: the first scheduled beat goes out at once, then one every second.
    shard = makeShard(gateway.url, lines);
    await shard.connect();
    await until(() => gateway!.sent(1).length === 1);
    for (let i = 0; i < 3; i++) {
      serverRequested += 1;
      send(gateway.sockets[0]!, { op: 1, d: null });
    }
    await until(() => gateway!.sent(1).length === 4);
    // Two scheduled beats later (each acknowledged), the connection is still the first one.
    await until(() => gateway!.sent(1).length >= 6, 4000);
    expect(shard.counters.zombies).toBe(0);
    expect(gateway.sockets).toHaveLength(1);
  });

  it('clamps a Hello heartbeat_interval outside the sane range, with a warning', async () => {
    gateway = await ScriptedGateway.start();
    answerHandshakes(gateway, 0.001);
    const lines: LogLine[] = [];
    shard = makeShard(gateway.url, lines, { heartbeatIntervalRangeMs: [200, 300_000] });
    await shard.connect();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // 0.001 ms would be ~500 beats in this time; clamped to 200 ms it is the first beat plus two.
    expect(gateway.sent(1).length).toBeLessThanOrEqual(4);
    expect(lines.find((line) => line.level === 'warn' && line.message.includes('heartbeat interval'))).toBeDefined();
  });

  it('clamps a huge interval instead of overflowing the timer into a busy loop', async () => {
    gateway = await ScriptedGateway.start();
    answerHandshakes(gateway, 1e12);
    const lines: LogLine[] = [];
    shard = makeShard(gateway.url, lines, { random: () => 0.999 });
    await shard.connect();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(gateway.sent(1)).toHaveLength(0);
    expect(lines.some((line) => line.level === 'warn' && line.message.includes('clamped'))).toBe(true);
  });

  it('ignores a second Hello on a ready connection instead of sending Resume again', async () => {
    gateway = await ScriptedGateway.start();
    answerHandshakes(gateway);
    const lines: LogLine[] = [];
    shard = makeShard(gateway.url, lines);
    await shard.connect();
    send(gateway.sockets[0]!, { op: 10, d: { heartbeat_interval: 60_000 } });
    await until(() => lines.some((line) => line.message.includes('second Hello')));
    expect(gateway.sent(2)).toHaveLength(1);
    expect(gateway.sent(6)).toHaveLength(0);
    expect(shard.status).toBe('ready');
  });

  it('keeps a good session when a malformed READY arrives mid-session', async () => {
    gateway = await ScriptedGateway.start();
    answerHandshakes(gateway);
    const lines: LogLine[] = [];
    shard = makeShard(gateway.url, lines);
    await shard.connect();
    send(gateway.sockets[0]!, { op: 0, t: 'READY', s: 5, d: { nonsense: true } });
    await until(() => lines.some((line) => line.message.includes('malformed READY')));
    expect(shard.status).toBe('ready');
    expect(shard.sessionId).toBe('session-1');
    expect(gateway.sockets).toHaveLength(1);
  });

  it('on close 4004 refreshes the token and resumes the same session', async () => {
    gateway = await ScriptedGateway.start();
    answerHandshakes(gateway);
    const tokens = ['token-1', 'token-2'];
    const invalidated: string[] = [];
    const lines: LogLine[] = [];
    shard = makeShard(gateway.url, lines, {
      getAccessToken: () => Promise.resolve(tokens[0]!),
      invalidateAccessToken: (token) => {
        invalidated.push(token);
        tokens.shift();
      },
    });
    await shard.connect();
    gateway.sockets[0]!.close(4004, 'authentication failed');
    await until(() => gateway!.sent(6).length === 1 && shard!.status === 'ready');
    expect(invalidated).toEqual(['token-1']);
    expect(gateway.sent(6)[0]?.d).toMatchObject({ token: 'QQBot token-2', session_id: 'session-1' });
    expect(gateway.sent(2)).toHaveLength(1);
  });

  it('never repeats a token the server echoes in a close reason, in events or logs', async () => {
    gateway = await ScriptedGateway.start();
    answerHandshakes(gateway);
    const lines: LogLine[] = [];
    shard = makeShard(gateway.url, lines, {
      logger: { debug: () => {}, info: (m, c) => void lines.push({ level: 'info', message: `${m} ${JSON.stringify(c)}` }) },
    });
    const reasons: string[] = [];
    shard.on('close', (event) => void reasons.push(event.reason));
    await shard.connect();
    gateway.sockets[0]!.close(4009, 'expired: QQBot token-1 and token-1 again');
    await until(() => reasons.length === 1);
    expect(reasons[0]).toBe('expired: QQBot [REDACTED] and [REDACTED] again');
    expect(lines.every((line) => !line.message.includes('token-1'))).toBe(true);
  });
});
