import { QQError } from 'qq-sdk';
import type { BotFactory } from './QQBotPort.js';

/**
 * The production {@link BotFactory}: wraps qq-sdk's `QQBot` facade. The only module that
 * constructs SDK clients.
 */
export const createQQBot: BotFactory = () => {
  throw new QQError('qq-sdk QQBot facade is not available in this build; update qq-sdk');
};
