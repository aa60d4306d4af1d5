import { afterEach, describe, expect, it } from 'vitest';
import { messages, type Message } from '../../src/index.js';
import type { FetchLike } from '../../src/rest/fetchWithTimeout.js';
import { startBot } from '../bot/startBot.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** A bounded wait that reports whether it was opened or gave up. */
function gate(ms = 5_000): { promise: Promise<'opened' | 'timed out'>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<'opened' | 'timed out'>((resolve) => {
    open = () => resolve('opened');
    setTimeout(() => resolve('timed out'), ms).unref();
  });
  return { promise, open };
}

/**
 * The bot's transport with a hook before each request leaves, so a test can hold one request until
 * another has left (which deadlocks, bounded by the gate, if the second waits behind the first).
 */
function holdingFetch(before: (url: string, body: string) => Promise<unknown> | undefined): FetchLike {
  return async (input, init) => {
    await before(String(input), typeof init?.body === 'string' ? init.body : '');
    return fetch(input, init);
  };
}

describe('msg.reply() in a busy group: answers to different messages never wait behind each other', () => {
  it('a slow media upload for one message does not hold the answer to another', async () => {
    const secondUpload = gate();
    let uploads = 0;
    let firstHeld: 'opened' | 'timed out' | undefined;
    const fetchLike = holdingFetch(async (url) => {
      if (!url.endsWith('/files')) return;
      uploads += 1;
      if (uploads === 1) firstHeld = await secondUpload.promise;
      else secondUpload.open();
    });
    const started = await startBot({ fetch: fetchLike });
    stop = started.stop;
    const { bot, sim } = started;
    const answered: string[] = [];
    const done = new Promise<void>((resolve) => {
      bot.on('message', async (msg: Message) => {
        await msg.reply(messages.image({ data: new Uint8Array([1, 2, 3]), filename: `${msg.content.trim()}.png` }));
        await msg.reply(`done ${msg.content.trim()}`);
        answered.push(msg.content.trim());
        if (answered.length === 2) resolve();
      });
    });
    sim.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'BUSY', content: ' first', author: { member_openid: 'U1' } } as never);
    sim.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'BUSY', content: ' second', author: { member_openid: 'U2' } } as never);
    await done;
    expect(firstHeld).toBe('opened');
    expect(answered).toEqual(['second', 'first']);
    // Each answer's own parts kept their order and msg_seq: media 1, text 2.
    for (const name of ['first', 'second']) {
      const source = sim.sentMessages.filter((m) => m.text === `done ${name}`)[0]?.msgId;
      const chain = sim.sentMessages.filter((m) => m.msgId === source);
      expect(chain.map((m) => [m.body['msg_type'], m.msgSeq])).toEqual([
        [7, 1],
        [0, 2],
      ]);
    }
  });
});
