// A bot run as a plain process stays up through what production does to a connection: a 4009
// about every 30 minutes, op 7, dropped TCP connections, missed heartbeat ACKs.
import { describe, expect, it } from 'vitest';
import { CHATS, EventLedger, sleep } from './EventLedger.js';
import { startBot, startSimulator, stopAndTimeExit } from './setup.js';

describe('a bot process through routine disconnects', () => {
  it('survives a 4009 every 30 simulated minutes for 24 simulated hours, handling every event once and in per-chat order', async () => {
    // The simulator's clock compressed 7,200×: 30 minutes of connection lifetime pass in 250 ms.
    const sim = await startSimulator({ connectionLifetimeMs: 250 });
    const bot = startBot('recordingBot.mjs', sim, { handlerMs: [0, 3] });
    await bot.until(() => bot.of('started').length === 1, 10_000, 'the bot to start');
    const ledger = new EventLedger(sim);
    const lifetimes = 48;
    const deadline = performance.now() + 40_000;
    for (let i = 0; sim.connections.length <= lifetimes && i < 20_000 && performance.now() < deadline; i++) {
      ledger.inject(CHATS[i % CHATS.length]!);
      await sleep(4);
    }
    await bot.until(() => bot.of('start').length >= ledger.count, 15_000, 'every event to be handled');

    expect(bot.alive).toBe(true);
    const closes = sim.connections.filter((connection) => connection.closeCode === 4009).length;
    expect(closes).toBeGreaterThanOrEqual(lifetimes);
    expect(sim.identifies).toHaveLength(1);
    expect(sim.resumes.length).toBeGreaterThanOrEqual(lifetimes);
    expect(ledger.problems(bot.of('start'))).toEqual([]);
    const { exitAfterStopMs, code } = await stopAndTimeExit(bot);
    expect(code).toBe(0);
    expect(exitAfterStopMs).toBeLessThan(1000);
  }, 90_000);

  it('survives op 7, dropped TCP connections and missed heartbeat ACKs without losing or repeating an event', async () => {
    const sim = await startSimulator();
    const bot = startBot('recordingBot.mjs', sim, { handlerMs: [0, 3] });
    await bot.until(() => bot.of('started').length === 1, 10_000, 'the bot to start');
    const ledger = new EventLedger(sim);
    const burst = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++) ledger.inject(CHATS[(ledger.count + i) % CHATS.length]!);
      await sleep(20);
    };
    for (let round = 0; round < 5; round++) {
      await burst(40);
      sim.reconnect();
      await burst(20);
      sim.dropConnection();
      await burst(20);
    }
    // ACKs stop: the bot must see a zombie connection after a beat goes unanswered, and resume.
    const resumesBefore = sim.resumes.length;
    sim.stopAcks();
    await burst(20);
    await sim.waitFor(() => sim.resumes.length > resumesBefore, { timeoutMs: 8000 });
    sim.resumeAcks();
    await burst(20);
    await bot.until(() => bot.of('start').length >= ledger.count, 15_000, 'every event to be handled');

    expect(bot.alive).toBe(true);
    expect(sim.identifies).toHaveLength(1);
    expect(ledger.problems(bot.of('start'))).toEqual([]);
    const { exitAfterStopMs, code } = await stopAndTimeExit(bot);
    expect(code).toBe(0);
    expect(exitAfterStopMs).toBeLessThan(1000);
  }, 60_000);
});
