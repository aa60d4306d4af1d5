// Handlers that hang, throw or reject, and more handlers than the bound: the process stays up,
// every event is handled once, and nothing becomes an unhandled rejection.
import { describe, expect, it } from 'vitest';
import { CHATS, EventLedger, sleep } from './EventLedger.js';
import { startBot, startSimulator, stopAndTimeExit } from './setup.js';

describe('a bot process with misbehaving handlers', () => {
  it('abandons a hung handler after handlerTimeoutMs, so a later 4009 resumes past it and re-runs nothing', async () => {
    const sim = await startSimulator();
    // A dedup window shorter than the wait below, as in production minutes later: only the resume
    // position can keep the later events from running twice.
    const bot = startBot('recordingBot.mjs', sim, { hang: 'hang', bot: { handlerTimeoutMs: 300, dedupTtlMs: 500 } });
    await bot.until(() => bot.of('started').length === 1, 10_000, 'the bot to start');
    const ledger = new EventLedger(sim);
    const hung = ledger.inject('u-1', 'hang');
    for (let i = 0; i < 200; i++) ledger.inject(CHATS[i % CHATS.length]!);
    await bot.until(() => bot.of('start').length === 201, 10_000, 'every event to start');
    await bot.until(() => bot.of('handlerError').length === 1, 5000, 'the hung handler to be reported');
    expect(bot.of('handlerError')[0]).toMatchObject({ name: 'HandlerTimeoutError', reason: 'timeout', type: 'C2C_MESSAGE_CREATE' });
    await sleep(700); // the dedup window has passed
    sim.close(4009);
    await sim.waitFor(() => sim.resumes.length === 1 && sim.resumes[0]?.result.ok === true, { timeoutMs: 5000 });
    for (let i = 0; i < 20; i++) ledger.inject(CHATS[i % CHATS.length]!);
    await bot.until(() => bot.of('start').length >= 221, 10_000, 'the later events');
    await sleep(200);

    expect(sim.resumes[0]?.result).toMatchObject({ ok: true, replayed: 0 });
    expect(ledger.problems(bot.of('start'))).toEqual([]);
    expect(bot.of('start').filter((line) => line['id'] === hung)).toHaveLength(1);
    const { exitAfterStopMs, code } = await stopAndTimeExit(bot);
    expect(code).toBe(0);
    expect(exitAfterStopMs).toBeLessThan(1000);
  }, 40_000);

  it('runs every message handler when another throws or rejects, reports each failure, and never crashes', async () => {
    const sim = await startSimulator();
    const bot = startBot('recordingBot.mjs', sim, { throwOn: 'throw', rejectOn: 'reject', secondHandler: true });
    await bot.until(() => bot.of('started').length === 1, 10_000, 'the bot to start');
    const ledger = new EventLedger(sim);
    const failing: string[] = [];
    for (let i = 0; i < 30; i++) {
      const content = ['throw', 'reject', 'fine'][i % 3]!;
      const id = ledger.inject(CHATS[i % CHATS.length]!, content);
      if (content !== 'fine') failing.push(id);
    }
    await bot.until(() => bot.of('second').length === 30 && bot.of('handlerError').length === 20, 10_000, 'every handler to run');
    await sleep(100);

    expect(bot.alive).toBe(true);
    expect(new Set(bot.of('second').map((line) => line['id']))).toEqual(new Set(ledger.ids));
    const errors = bot.of('handlerError');
    expect(
      errors.every(
        (line) => line['name'] === 'Error' && line['type'] === (String(line['eventId']).startsWith('GROUP') ? 'GROUP_AT_MESSAGE_CREATE' : 'C2C_MESSAGE_CREATE'),
      ),
    ).toBe(true);
    // One report per failing event, each naming that event.
    expect(new Set(errors.map((line) => line['eventId'])).size).toBe(failing.length);
    expect(ledger.problems(bot.of('start'))).toEqual([]);
    const { exitAfterStopMs, code } = await stopAndTimeExit(bot);
    expect(code).toBe(0);
    expect(exitAfterStopMs).toBeLessThan(1000);
    expect(bot.stderr).not.toMatch(/unhandled|UnhandledPromiseRejection/i);
  }, 30_000);

  it('never runs more than maxConcurrentHandlers at once, and still handles every event once in per-chat order', async () => {
    const sim = await startSimulator();
    const bot = startBot('recordingBot.mjs', sim, { handlerMs: [20, 50], bot: { maxConcurrentHandlers: 50 } });
    await bot.until(() => bot.of('started').length === 1, 10_000, 'the bot to start');
    const ledger = new EventLedger(sim);
    for (let i = 0; i < 2000; i++) ledger.inject(CHATS[i % CHATS.length]!);
    await bot.until(() => bot.of('done').length === 2000, 30_000, 'every handler to finish');

    const peak = Math.max(...bot.of('start').map((line) => Number(line['inFlight'])));
    expect(peak).toBeLessThanOrEqual(50);
    expect(peak).toBeGreaterThan(40); // the bound, not the traffic, is what held it
    expect(ledger.problems(bot.of('start'))).toEqual([]);
    const { exitAfterStopMs, code } = await stopAndTimeExit(bot);
    expect(code).toBe(0);
    expect(exitAfterStopMs).toBeLessThan(1000);
  }, 60_000);
});
