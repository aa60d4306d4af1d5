// What the test injected, per chat and in order, to check what bot processes report against it.
import type { QQSimulator } from '../../src/testing/index.js';
import type { BotLine } from './BotProcess.js';

export class EventLedger {
  /** Message ids in injection order, per chat. */
  readonly #byChat = new Map<string, string[]>();
  readonly #chatOf = new Map<string, string>();
  #count = 0;

  constructor(private readonly sim: QQSimulator) {}

  /** How many messages were injected. */
  get count(): number {
    return this.#count;
  }

  /** Every injected message id. */
  get ids(): string[] {
    return [...this.#chatOf.keys()];
  }

  /** Injects message `n` into `chat`: a C2C chat (`u…`) or a group (`g…`). */
  inject(chat: string, content = String(this.#count)): string {
    const event = chat.startsWith('g')
      ? this.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ` ${content}`, group_openid: chat })
      : this.sim.inject('C2C_MESSAGE_CREATE', { content, author: { user_openid: chat } });
    const id = event.data.id;
    this.#chatOf.set(id, chat);
    const list = this.#byChat.get(chat) ?? [];
    list.push(id);
    this.#byChat.set(chat, list);
    this.#count += 1;
    return id;
  }

  /**
   * Problems with the handler starts reported (in the order given, over one or more processes):
   * an injected message that never started or started twice, an id nobody injected, or a chat
   * whose messages started out of injection order. Empty when all is well.
   */
  problems(starts: readonly BotLine[], except: ReadonlySet<string> = new Set()): string[] {
    const problems: string[] = [];
    const seen = new Map<string, number>();
    const order = new Map<string, string[]>();
    for (const line of starts) {
      const id = String(line['id']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const chat = this.#chatOf.get(id);
      if (chat === undefined) {
        problems.push(`handled ${id}, which was never injected`);
        continue;
      }
      const list = order.get(chat) ?? [];
      list.push(id);
      order.set(chat, list);
    }
    for (const id of this.#chatOf.keys()) {
      const times = seen.get(id) ?? 0;
      if (times !== 1 && !except.has(id)) problems.push(`${id} was handled ${times} times`);
    }
    for (const [chat, injected] of this.#byChat) {
      const handled = (order.get(chat) ?? []).filter((id, index, all) => all.indexOf(id) === index);
      if (handled.join() !== injected.filter((id) => handled.includes(id)).join()) problems.push(`chat ${chat} was handled out of order`);
    }
    return problems.slice(0, 10);
  }
}

/** The chats the tests spread messages over: three groups and three private chats. */
export const CHATS = ['g-1', 'g-2', 'g-3', 'u-1', 'u-2', 'u-3'] as const;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
