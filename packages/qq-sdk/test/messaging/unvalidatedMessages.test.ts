import { afterEach, describe, expect, it } from 'vitest';
import { QQBot, type Message } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';

let sim: QQSimulator | undefined;
let bot: QQBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

// With validateEvents: false nothing converts the payload, so Message must read it as the platform sent it.
describe('bot.on("message") with validateEvents: false', () => {
  it('delivers a Message whose timestamp is read from the unconverted string', async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logLevel: 'silent',
      validateEvents: false,
    });
    const failures: unknown[] = [];
    bot.events.on('handlerError', ({ error }) => {
      failures.push(error);
    });
    const received = new Promise<Message>((resolve) => bot?.on('message', resolve));
    await bot.start();
    sim.injectRaw({
      t: 'GROUP_AT_MESSAGE_CREATE',
      d: {
        id: 'ROBOT1.0_unvalidated',
        content: ' hello',
        group_openid: 'G1',
        group_id: 'G1',
        timestamp: '2026-07-21T10:05:00+08:00',
        author: { id: 'M1', member_openid: 'M1' },
      },
    });
    const msg = await received;
    expect(failures).toEqual([]);
    expect(msg.content).toBe('hello');
    expect(msg.timestamp.toISOString()).toBe('2026-07-21T02:05:00.000Z');
  });
});
