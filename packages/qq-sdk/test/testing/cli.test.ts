import { afterEach, describe, expect, it } from 'vitest';
import type { QQSimulator } from '../../src/testing/index.js';
import { runSimulatorCli } from '../../src/testing/runSimulatorCli.js';
import { identify } from './wsClient.js';

let sim: QQSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function control(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sim!.url}/_simulator${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('qq-sdk-simulator CLI', () => {
  it('serves the browser console with --console, and not without it', async () => {
    const io = capture();
    sim = await runSimulatorCli(['--console'], io);
    const first = JSON.parse(io.stdout.split('\n')[0]!) as Record<string, string>;
    expect(first['consoleUrl']).toBe(`${sim!.url}/_console`);
    const page = await fetch(first['consoleUrl']!);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(await page.text()).toContain('id="chat-list"');
    await sim!.close();
    sim = await runSimulatorCli([], capture());
    expect((await fetch(`${sim!.url}/_console`)).status).toBe(404);
  });

  it('prints its URLs as JSON on the first line and serves the control API', async () => {
    const io = capture();
    sim = await runSimulatorCli(['--port', '0', '--app-id', '777', '--heartbeat-interval', '250'], io);
    const first = JSON.parse(io.stdout.split('\n')[0]!) as Record<string, string>;
    expect(first).toEqual({
      url: sim!.url,
      wsUrl: sim!.wsUrl,
      tokenUrl: sim!.tokenUrl,
      controlUrl: `${sim!.url}/_simulator`,
      appId: '777',
      clientSecret: sim!.clientSecret,
    });
    const { client, ready } = await identify(sim!);
    expect(client.frames[0]).toEqual({ op: 10, d: { heartbeat_interval: 250 } });

    const injected = await control('/inject', { type: 'C2C_MESSAGE_CREATE', data: { content: '来自别的进程' } });
    expect(injected.status).toBe(200);
    const frame = await client.next((f) => f.t === 'C2C_MESSAGE_CREATE');
    expect(frame).toMatchObject({ id: injected.body.id, d: { content: '来自别的进程' } });

    expect((await control('/gateway')).body.sessions).toEqual([
      expect.objectContaining({ id: (ready.d as { session_id: string }).session_id, connected: true }),
    ]);
    expect((await control('/gateway', { action: 'close', code: 4009 })).body).toEqual({ affected: 1 });
    expect(await client.closed()).toBe(4009);
    expect((await control('/gateway', { action: 'close' })).status).toBe(400);
    expect((await control('/fail', { route: 'GET /gateway', failure: 503 })).status).toBe(200);
    expect((await fetch(`${sim!.url}/gateway`)).status).toBe(503);
    expect((await control('/messages?target=nobody')).body).toEqual([]);
  });

  it('prints usage for --help and rejects unknown options', async () => {
    const help = capture();
    expect(await runSimulatorCli(['--help'], help)).toBeUndefined();
    expect(help.stdout).toContain('Usage: qq-sdk-simulator');
    const bad = capture();
    expect(await runSimulatorCli(['--bogus'], bad)).toBeUndefined();
    expect(bad.stderr).toContain('--bogus');
    const badPort = capture();
    expect(await runSimulatorCli(['--port', 'x'], badPort)).toBeUndefined();
    expect(badPort.stderr).toContain('--port');
  });
});
