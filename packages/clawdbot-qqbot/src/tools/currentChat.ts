import type { MessageTarget } from 'qq-sdk';
import { CHANNEL_ID } from '../constants.js';
import type { RunningAccount } from '../gateway/AccountRegistry.js';
import { formatTarget, parseTarget } from '../outbound/targets.js';
import type { HostToolContext } from './HostToolTypes.js';

/** The QQ conversation a tool call belongs to. */
export interface CurrentChat {
  /** Where it is. */
  readonly target: MessageTarget;
  /** The host's target string, e.g. `qqbot:group:<group_openid>`. */
  readonly conversation: string;
  /** The guild of a guild channel or guild DM, when known. */
  readonly guildId?: string;
}

/**
 * The conversation of the turn, from the host's delivery route (trusted, never from tool
 * arguments); `undefined` when the turn has no QQ route (a cron run, another channel).
 */
export function currentChat(ctx: HostToolContext, running: RunningAccount | undefined): CurrentChat | undefined {
  const route = ctx.deliveryContext;
  if (route?.to === undefined || (route.channel !== undefined && route.channel !== CHANNEL_ID)) return undefined;
  const target = parseTarget(route.to);
  if (target === undefined) return undefined;
  // A guild channel's target carries no guild id: the latest message from it does.
  const guildId = target.scene === 'direct' ? target.guildId : target.scene === 'guild' ? (target.guildId ?? running?.latest(target)?.guildId) : undefined;
  return { target, conversation: formatTarget(target), ...(guildId !== undefined ? { guildId } : {}) };
}
