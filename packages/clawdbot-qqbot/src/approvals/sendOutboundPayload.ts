import type { DeliveryResult } from 'qq-sdk';
import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';
import type { AccountRegistry } from '../gateway/AccountRegistry.js';
import type { HostOutboundContext, HostOutboundResult, HostReplyPayload } from '../host/HostTypes.js';
import { replySender } from '../outbound/replySender.js';
import { sendOutbound } from '../outbound/sendOutbound.js';
import { parseTarget } from '../outbound/targets.js';

/** The host's `outbound.sendPayload` context: a send with the whole reply payload. */
export interface HostOutboundPayloadContext extends HostOutboundContext {
  /** The payload (text, media, `channelData`, presentation). */
  readonly payload: HostReplyPayload;
}

/**
 * `outbound.sendPayload`: the host sends payloads with `channelData` or presentation this way, e.g.
 * the exec approval prompt OpenClaw 2026.9 forwards to the session's chat (`approvals.exec`). A
 * prompt gets the approval keyboard (the requester is the chat's user in C2C, the sender of the
 * newest message in a group), as a passive reply to that message while QQ allows one; any other
 * payload goes out as text and media, as through `sendText` / `sendMedia`.
 */
export async function sendOutboundPayload(
  registry: AccountRegistry,
  ctx: HostOutboundPayloadContext,
  now: () => number = Date.now,
): Promise<HostOutboundResult> {
  const { payload, ...base } = ctx;
  const target = parseTarget(ctx.to);
  const running = registry.get(ctx.accountId ?? DEFAULT_ACCOUNT_ID) ?? (ctx.accountId == null && registry.size === 1 ? [...registry.values()][0] : undefined);
  const latest = target !== undefined ? running?.latest(target) : undefined;
  const prompt = target !== undefined ? running?.approvals?.present(payload, target, latest?.author.id) : undefined;
  if (running !== undefined && target !== undefined && prompt !== undefined) {
    const passive = latest !== undefined && latest.replyQuota.remaining > 0 && latest.replyQuota.expiresAt.getTime() > now();
    const result: DeliveryResult = passive ? await replySender(running.account.config)(latest, prompt) : await running.bot.send(target, prompt, ctx.signal);
    return { channel: CHANNEL_ID, messageId: result.messages.find((sent) => sent.id !== undefined)?.id ?? '' };
  }
  const media = [...(payload.mediaUrls ?? []), ...(payload.mediaUrl ? [payload.mediaUrl] : [])];
  const text = payload.text?.trim();
  if (!text && media.length === 0) return { channel: CHANNEL_ID, messageId: '' };
  const first = await sendOutbound(registry, { ...base, ...(text ? { text } : {}), ...(media[0] !== undefined ? { mediaUrl: media[0] } : {}) }, now);
  for (const mediaUrl of media.slice(1)) await sendOutbound(registry, { ...base, mediaUrl }, now);
  return first;
}
