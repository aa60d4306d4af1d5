import { QQError, type DeliveryResult } from 'qq-sdk';
import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';
import type { AccountRegistry } from '../gateway/AccountRegistry.js';
import type { HostOutboundContext, HostOutboundResult } from '../host/HostTypes.js';
import { replySender } from './replySender.js';
import { parseTarget } from './targets.js';
import { toOutgoingMessages } from './toOutgoingMessages.js';
import { toQQVoice, voicePolicy } from '../voice/outboundVoice.js';
import { sharedSilkCodec } from '../voice/sharedSilkCodec.js';

/**
 * Core-initiated sends (`openclaw message send`, the agent's message tool, cron): answers the
 * conversation's newest message passively while QQ still accepts replies to it, since QQ refuses
 * most active messages; otherwise sends an active message.
 */
export async function sendOutbound(registry: AccountRegistry, ctx: HostOutboundContext, now: () => number = Date.now): Promise<HostOutboundResult> {
  const accountId = ctx.accountId ?? DEFAULT_ACCOUNT_ID;
  const running = registry.get(accountId) ?? (ctx.accountId == null && registry.size === 1 ? [...registry.values()][0] : undefined);
  if (!running) throw new QQError(`${CHANNEL_ID}: account "${accountId}" is not running; start the gateway or check channels.qqbot`);
  const target = parseTarget(ctx.to);
  if (!target) {
    throw new QQError(
      `${CHANNEL_ID}: unknown target "${ctx.to}"; use qqbot:c2c:<openid>, qqbot:group:<group_openid>, qqbot:channel:<channel_id> or qqbot:dm:<guild_id>`,
    );
  }
  const latest = running.latest(target);
  const outgoing = toOutgoingMessages(
    { ...(ctx.text !== undefined ? { text: ctx.text } : {}), ...(ctx.mediaUrl ? { mediaUrl: ctx.mediaUrl } : {}) },
    { scene: target.scene, markdown: running.account.config.markdown ?? true },
  );
  const reply = replySender(running.account.config);
  const voice = voicePolicy(running.account.config);
  const results: DeliveryResult[] = [];
  for (const content of outgoing) {
    const passive = latest !== undefined && latest.replyQuota.remaining > 0 && latest.replyQuota.expiresAt.getTime() > now();
    // replySender converts audio itself; an active send converts it here.
    results.push(passive ? await reply(latest, content) : await running.bot.send(target, await toQQVoice(content, voice, sharedSilkCodec()), ctx.signal));
  }
  const first = results.flatMap((result) => result.messages).find((sent) => sent.id !== undefined);
  return { channel: CHANNEL_ID, messageId: first?.id ?? '' };
}
