// Starting and cleaning up the simulator and bot processes of one test.
import { afterEach, beforeAll } from 'vitest';
import { QQSimulator, type SimulatorOptions } from '../../src/testing/index.js';
import { BotProcess, DIST_BUILT, DIST_MISSING } from './BotProcess.js';

beforeAll(() => {
  // The bots import the built package, as users' programs do.
  if (!DIST_BUILT) throw new Error(DIST_MISSING);
});

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A simulator on 127.0.0.1, closed after the test. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<QQSimulator> {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1000, ...options });
  cleanups.push(() => sim.close());
  return sim;
}

/** Starts `fixtures/<script>` against `sim`; the process is killed after the test if still running. */
export function startBot(script: string, sim: QQSimulator, config: Record<string, unknown> = {}): BotProcess {
  const bot = new BotProcess(script, {
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    ...config,
  });
  cleanups.push(() => bot.kill());
  return bot;
}

/** Runs `cleanup` after the test (temp folders). */
export function onCleanup(cleanup: () => Promise<unknown>): void {
  cleanups.push(cleanup);
}

/**
 * Sends SIGTERM (the fixture calls `bot.stop()`), then returns how long after `stop()` resolved
 * the process took to exit by itself, and how it exited.
 */
export async function stopAndTimeExit(bot: BotProcess): Promise<{ exitAfterStopMs: number; code: number | null }> {
  bot.signal('SIGTERM');
  await bot.until(() => bot.of('stopped').length === 1, 15_000, 'stop() to resolve');
  const stoppedAt = Number(bot.of('stopped')[0]?.['at']);
  const deadline = setTimeout(() => void bot.kill(), 5000);
  const exit = await bot.exited;
  clearTimeout(deadline);
  return { exitAfterStopMs: exit.at - stoppedAt, code: exit.signal === null ? exit.code : -1 };
}
