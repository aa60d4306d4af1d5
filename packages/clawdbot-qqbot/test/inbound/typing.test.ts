import { resolveLogger } from 'qq-sdk';
import { type KeepTypingOptions } from 'qq-sdk/messaging';
import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../src/config/resolveAccount.js';
import type { QQBotAccountConfig } from '../../src/index.js';
import { handleInbound } from '../../src/inbound/handleInbound.js';
import { fakeMessage } from '../support/fakeMessage.js';
import { fakeRuntime } from '../support/fakeRuntime.js';

const logger = resolveLogger({}, 'silent');
const account = (config: QQBotAccountConfig = {}) =>
  resolveAccount({ channels: { qqbot: { token: '102000000:secret', dmPolicy: 'open', ...config } } }, undefined, { env: () => ({}), readFile: () => '' });

/** A message whose keepTyping is observed: what it was asked, and whether the turn stopped it. */
function observed(scene: 'c2c' | 'group') {
  const message = fakeMessage(scene);
  const calls: { options: KeepTypingOptions | undefined; stoppedAfterDispatch: boolean }[] = [];
  const keepTyping = message.keepTyping.bind(message);
  message.keepTyping = (options?: KeepTypingOptions) => {
    const alive = keepTyping(options);
    const call = { options, stoppedAfterDispatch: false };
    calls.push(call);
    const stop = alive.stop.bind(alive);
    alive.stop = async () => {
      call.stoppedAfterDispatch = true;
      await stop();
    };
    return alive;
  };
  return { message, calls };
}

describe('typing indicator during a turn', () => {
  it('C2C: one notice by default, stopped when the turn ends', async () => {
    const { message, calls } = observed('c2c');
    await handleInbound(message, { cfg: {}, account: account(), runtime: fakeRuntime().runtime, logger });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options).toEqual({ maxNotices: 1 });
    expect(calls[0]?.stoppedAfterDispatch).toBe(true);
  });

  it('typingNotices raises the count; typing: false turns it off; groups never type', async () => {
    const more = observed('c2c');
    await handleInbound(more.message, { cfg: {}, account: account({ typingNotices: 2 }), runtime: fakeRuntime().runtime, logger });
    expect(more.calls[0]?.options).toEqual({ maxNotices: 2 });
    const off = observed('c2c');
    await handleInbound(off.message, { cfg: {}, account: account({ typing: false }), runtime: fakeRuntime().runtime, logger });
    expect(off.calls).toHaveLength(0);
    const group = observed('group');
    await handleInbound(group.message, { cfg: {}, account: account(), runtime: fakeRuntime().runtime, logger });
    expect(group.calls).toHaveLength(0);
  });
});
