import { afterEach, describe, expect, it } from 'vitest';
import { messages, QQValidationError, type Message, type MessageTarget, type OutgoingMessage, type QQBot } from '../../src/index.js';
import type { QQSimulator } from '../../src/testing/index.js';
import { startBot } from '../bot/startBot.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function setup(): Promise<{ sim: QQSimulator; bot: QQBot; msg: Message }> {
  const started = await startBot();
  stop = started.stop;
  const received = new Promise<Message>((resolve) => started.bot.on('message', resolve));
  started.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' hi' });
  return { ...started, msg: await received };
}

/** Sends made to the platform so far (uploads and messages). */
const sends = (sim: QQSimulator): number => sim.requests.filter((r) => r.method === 'POST' && !r.path.includes('getAppAccessToken')).length;

async function expectRefused(sim: QQSimulator, send: () => Promise<unknown>, field: string): Promise<void> {
  const before = sends(sim);
  const error = await send().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QQValidationError);
  expect((error as QQValidationError).field).toBe(field);
  expect((error as Error).message).toContain(field);
  expect(sends(sim)).toBe(before);
}

// What a JavaScript caller, or an `any`, can pass despite the types.
const loose = <T>(value: unknown): T => value as T;

describe('outbound arguments are checked before anything is sent', () => {
  it('msg.reply() refuses content that is not a string or a message, naming the field', async () => {
    const { sim, msg } = await setup();
    for (const content of [null, undefined, 12345, { kind: 'nope' }, ['text']]) {
      await expectRefused(
        sim,
        () => msg.reply(loose<string>(content)),
        content !== null && typeof content === 'object' && !Array.isArray(content) ? 'content.kind' : 'content',
      );
    }
    await expectRefused(sim, () => msg.reply(loose<OutgoingMessage>({ kind: 'text' })), 'content.content');
  });

  it('bot.send() refuses a missing target, an unknown scene and a target without its id', async () => {
    const { sim, bot } = await setup();
    await expectRefused(sim, () => bot.send(loose<MessageTarget>(null), 'x'), 'target');
    await expectRefused(sim, () => bot.send(loose<MessageTarget>({ scene: 'channel', channelId: 'c' }), 'x'), 'target.scene');
    await expectRefused(sim, () => bot.send(loose<MessageTarget>({ scene: 'group', groupOpenid: '' }), 'x'), 'target.groupOpenid');
    await expectRefused(sim, () => bot.send({ scene: 'group', groupOpenid: 'G1' }, loose<string>(null)), 'content');
  });

  it('bot.send() refuses a receivedAt that is not a valid Date instead of sending a reply the platform refuses', async () => {
    const { sim, bot } = await setup();
    const target = { scene: 'group', groupOpenid: 'G1' } as const;
    await expectRefused(sim, () => bot.send(target, 'x', { replyToEvent: { eventId: 'e', receivedAt: loose<Date>('yesterday') } }), 'replyToEvent.receivedAt');
    await expectRefused(
      sim,
      () => bot.send(target, 'x', { replyToMessage: { messageId: 'm', receivedAt: new Date(Number.NaN) } }),
      'replyToMessage.receivedAt',
    );
  });

  it('media and embed URLs must be http(s): javascript:, file: and data: never leave the bot', async () => {
    const { sim, bot, msg } = await setup();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:image/png;base64,AAAA', 'not a url']) {
      await expectRefused(sim, () => msg.reply(messages.image({ url })), 'content.source.url');
      await expectRefused(sim, () => bot.send({ scene: 'guild', channelId: 'C1' }, messages.image({ url })), 'content.source.url');
    }
    await expectRefused(
      sim,
      () => bot.send({ scene: 'guild', channelId: 'C1' }, loose<OutgoingMessage>({ kind: 'embed', title: 't', thumbnailUrl: 'file:///x' })),
      'content.thumbnailUrl',
    );
  });

  it('still sends what is valid', async () => {
    const { sim, msg } = await setup();
    await msg.reply(messages.image({ url: 'https://example.com/cat.png' }));
    await msg.reply('fine');
    expect(sim.sentMessages.length).toBe(2);
  });
});
