import { type Message, type MessageTarget } from 'qq-sdk';
import { targetKey } from 'qq-sdk/messaging';
import type { QQBotPort } from '../bot/QQBotPort.js';
import type { ResolvedQQBotAccount } from '../config/resolveAccount.js';
import type { ExecApprovals } from '../approvals/ExecApprovals.js';

/** One running account: its bot and the latest inbound message per conversation. */
export interface RunningAccount {
  /** The resolved account. */
  readonly account: ResolvedQQBotAccount;
  /** Its bot. */
  readonly bot: QQBotPort;
  /** Records the newest message of its conversation (for core-initiated replies). */
  remember(message: Message): void;
  /** The newest message received from a target, if still remembered. */
  latest(target: MessageTarget): Message | undefined;
  /** Its exec approval buttons (prompts the host forwards through outbound get them too). */
  readonly approvals?: ExecApprovals;
}

const MAX_REMEMBERED = 500;

/** Creates the record of one running account; remembers at most 500 conversations. */
export function runningAccount(account: ResolvedQQBotAccount, bot: QQBotPort, approvals?: ExecApprovals): RunningAccount {
  const recent = new Map<string, Message>();
  return {
    account,
    bot,
    ...(approvals !== undefined ? { approvals } : {}),
    remember(message) {
      const key = targetKey(message.target);
      recent.delete(key);
      recent.set(key, message);
      if (recent.size > MAX_REMEMBERED) recent.delete(recent.keys().next().value as string);
    },
    latest: (target) => recent.get(targetKey(target)),
  };
}

/** The accounts this plugin instance runs, by account id; outbound sends look bots up here. */
export type AccountRegistry = Map<string, RunningAccount>;
