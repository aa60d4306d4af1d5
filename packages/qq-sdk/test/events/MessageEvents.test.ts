import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QQBot, type Message } from '../../src/index.js';
import { EVENT_TYPES, MESSAGE_EVENT_TYPES, MESSAGE_EVENTS, isMessageEventType } from '../../src/entries/events.js';
import { eventFixtures } from '../../src/events/fixtures/index.js';
import { QQSimulator } from '../../src/testing/index.js';

// MESSAGE_EVENTS is the one table of message events: the dispatcher's dedup set, QQBot's
// bot.on('message'), normalization and the simulator's reply bookkeeping all read it.
describe('MESSAGE_EVENTS', () => {
  it('is the set the dispatcher dedups on, and names only known events', () => {
    expect([...MESSAGE_EVENT_TYPES]).toEqual(Object.keys(MESSAGE_EVENTS));
    for (const type of Object.keys(MESSAGE_EVENTS)) expect(EVENT_TYPES).toContain(type);
    expect(isMessageEventType('GROUP_AT_MESSAGE_CREATE')).toBe(true);
    expect(isMessageEventType('GROUP_ADD_ROBOT')).toBe(false);
    expect(isMessageEventType('toString')).toBe(false);
  });

  describe('each row, on a running bot and the simulator', () => {
    let sim: QQSimulator;
    let bot: QQBot;
    const received: Message[] = [];
    beforeAll(async () => {
      sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
      bot = new QQBot({
        appId: sim.appId,
        clientSecret: sim.clientSecret,
        intents: ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES', 'GUILD_MESSAGES', 'DIRECT_MESSAGE'],
        apiBaseUrl: sim.url,
        tokenUrl: sim.tokenUrl,
        logLevel: 'silent',
      });
      bot.on('message', (msg) => void received.push(msg));
      await bot.start();
    });
    afterAll(async () => {
      await bot.stop();
      await sim.close();
    });

    for (const [type, row] of Object.entries(MESSAGE_EVENTS)) {
      it(`${type}: a '${row.scene}' message${row.atBot ? ' that @-mentions the bot' : ''}, answerable by msg_id`, async () => {
        const fixture = eventFixtures[type as keyof typeof MESSAGE_EVENTS];
        const before = received.length;
        // The captured payload, written now (the fixture's own reply window closed long ago).
        sim.injectRaw(JSON.stringify({ ...fixture, id: `${type}:${Date.now()}`, d: { ...(fixture.d as object), timestamp: new Date().toISOString() } }));
        await expect.poll(() => received.length, { timeout: 5_000 }).toBe(before + 1);
        const msg = received.at(-1)!;
        expect(msg.eventType).toBe(type);
        expect(msg.scene).toBe(row.scene);
        expect(msg.target.scene).toBe(row.scene);
        if (row.atBot) expect(msg.mentionedBot).toBe(true);
        await msg.reply('ok');
        expect(sim.sentMessages.at(-1)).toMatchObject({ msgId: msg.id });
      });
    }
  });
});
