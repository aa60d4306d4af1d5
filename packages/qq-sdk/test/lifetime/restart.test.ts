// A graceful stop and a restart on the same session file, mid-stream: the new process resumes,
// gets what it missed, and runs no handler the first one had finished.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHATS, EventLedger, sleep } from './EventLedger.js';
import { onCleanup, startBot, startSimulator, stopAndTimeExit } from './setup.js';

describe('a bot process stopped and restarted mid-stream', () => {
  it('re-runs no completed handler after a restart on the same FileSessionStore, and loses nothing', async () => {
    const sim = await startSimulator();
    const dir = await mkdtemp(join(tmpdir(), 'qq-lifetime-'));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    const config = { handlerMs: [20, 120], sessionFile: join(dir, 'sessions.json'), drainTimeoutMs: 3000 };
    const first = startBot('recordingBot.mjs', sim, config);
    await first.until(() => first.of('started').length === 1, 10_000, 'the first bot to start');
    const ledger = new EventLedger(sim);

    // A steady stream; the first process is told to stop a third of the way in, with dozens of
    // handlers running that finish out of order (what a restart must not run again).
    let stopped: Promise<{ exitAfterStopMs: number; code: number | null }> | undefined;
    let second: ReturnType<typeof startBot> | undefined;
    for (let i = 0; i < 2000; i++) {
      ledger.inject(CHATS[i % CHATS.length]!);
      if (i === 700) stopped = stopAndTimeExit(first);
      // Restart once the first is gone; events keep arriving meanwhile (the platform buffers them).
      if (second === undefined && !first.alive) second = startBot('recordingBot.mjs', sim, config);
      if (i % 10 === 0) await sleep(2);
    }
    const { exitAfterStopMs, code } = await stopped!;
    expect(code).toBe(0);
    expect(exitAfterStopMs).toBeLessThan(1000);
    second ??= startBot('recordingBot.mjs', sim, config);
    const restarted = second;
    const handled = (): number => first.of('start').length + restarted.of('start').length;
    await restarted.until(() => handled() >= 2000, 20_000, 'every event to be handled across both processes');
    await sleep(300);

    expect(sim.identifies).toHaveLength(1); // the second process resumed the first one's session
    expect(first.of('start').length).toBeGreaterThan(0);
    expect(restarted.of('start').length).toBeGreaterThan(0);
    expect(ledger.problems([...first.of('start'), ...restarted.of('start')])).toEqual([]);
    const end = await stopAndTimeExit(restarted);
    expect(end.code).toBe(0);
    expect(end.exitAfterStopMs).toBeLessThan(1000);
  }, 60_000);
});
