import type { DeliveryResult, Message, MessageTarget, OutgoingMessage } from 'qq-sdk';
import type { BotFactoryOptions, BotLifecycleEvent, QQBotPort } from '../../src/index.js';

/** A QQBotPort driven by the test: emit messages and lifecycle events, read back active sends. */
export interface FakeBot extends QQBotPort {
  readonly options: BotFactoryOptions;
  readonly calls: string[];
  readonly activeSends: Array<{ target: MessageTarget; content: string | OutgoingMessage }>;
  emitMessage(message: Message): void;
  emitLifecycle(event: BotLifecycleEvent): void;
}

/** Builds a fake bot factory and keeps the bots it made. */
export function fakeBotFactory(startError?: Error): { create: (options: BotFactoryOptions) => FakeBot; bots: FakeBot[] } {
  const bots: FakeBot[] = [];
  const create = (options: BotFactoryOptions): FakeBot => {
    const onMessage: Array<(message: Message) => void> = [];
    const onLifecycle: Array<(event: BotLifecycleEvent) => void> = [];
    const bot: FakeBot = {
      options,
      calls: [],
      activeSends: [],
      onMessage: (handler) => void onMessage.push(handler),
      onLifecycle: (handler) => void onLifecycle.push(handler),
      onClawConfig: () => {},
      async start() {
        bot.calls.push('start');
        if (startError) throw startError;
        for (const handler of onLifecycle) handler({ type: 'ready' });
      },
      async stop() {
        bot.calls.push('stop');
      },
      async send(target, content): Promise<DeliveryResult> {
        bot.activeSends.push({ target, content });
        return { mode: 'active', messages: [{ id: `active-${bot.activeSends.length}` }] };
      },
      emitMessage: (message) => onMessage.forEach((handler) => handler(message)),
      emitLifecycle: (event) => onLifecycle.forEach((handler) => handler(event)),
    };
    bots.push(bot);
    return bot;
  };
  return { create, bots };
}
