import { type Message, type MessageScene } from 'qq-sdk';
import { DEFAULT_REPLY_RULES } from 'qq-sdk/messaging';
import type { ReminderTime } from './reminderTime.js';

/**
 * How a reminder reaches QQ when it fires: `passive` as a reply to the user's message (inside
 * QQ's reply window, always allowed), `active` as an active message (needs the bot's
 * active-message permission and quota, which most bots lost in 2025).
 */
export type ReminderDeliveryKind = 'passive' | 'active';

/** What the account says about active messages (`reminders.activeMessages`). */
export type ActiveMessagePermission = 'granted' | 'denied' | 'unknown';

/** The delivery the tool promises, and what the model must tell the user. */
export interface ReminderDeliveryPlan {
  /** How the (first) reminder is delivered. */
  readonly kind: ReminderDeliveryKind;
  /** The user message a passive reminder answers. */
  readonly replyTo?: string;
  /** When QQ stops taking replies to that message (ISO time). */
  readonly windowEndsAt?: string;
  /** Whether QQ is expected to accept it: `yes` (passive, or active with permission), `only-with-permission`. */
  readonly arrives: 'yes' | 'only-with-permission';
  /** Why the reminder cannot be scheduled (active needed, account says no active messages). */
  readonly refusal?: string;
  /** Plain-language notes for the model to pass on. */
  readonly notes: readonly string[];
}

/** Time the agent run at fire time may take before the reminder is sent (model call, delivery). */
export const FIRE_MARGIN_MS = 60_000;

const minutes = (ms: number): number => Math.round(ms / 60_000);

/** The reply window of a scene in minutes, from qq-sdk's rules. */
export function windowMinutes(scene: MessageScene): number {
  return minutes(DEFAULT_REPLY_RULES[scene].windowMs);
}

/**
 * Decides how a reminder will be delivered. Passive when it fires (with {@link FIRE_MARGIN_MS} to
 * spare) before the reply window of the user's newest message closes and that message has a reply
 * left beyond the one the agent's confirmation uses now; otherwise active, which is refused when
 * the account says it has no active messages and flagged when that is unknown.
 */
export function planReminderDelivery(params: {
  readonly scene: MessageScene;
  readonly latest: Message | undefined;
  readonly time: ReminderTime;
  readonly permission: ActiveMessagePermission;
  readonly now: number;
}): ReminderDeliveryPlan {
  const { scene, latest, time, permission } = params;
  const window = windowMinutes(scene);
  const quota = latest?.replyQuota;
  const endsAt = quota?.expiresAt.getTime();
  const inWindow = quota !== undefined && endsAt !== undefined && time.firstAt !== undefined && time.firstAt + FIRE_MARGIN_MS <= endsAt && quota.remaining >= 2;
  const later = `Any later reminder needs an active message.`;
  if (inWindow && latest !== undefined && endsAt !== undefined) {
    const notes = [`It fires inside QQ's reply window (${window} min after the user's message), so it arrives as a reply to that message.`];
    if (time.recurring) notes.push(later, activeNote(permission, window));
    return {
      kind: 'passive',
      replyTo: latest.id,
      windowEndsAt: new Date(endsAt).toISOString(),
      arrives: time.recurring && permission !== 'granted' ? 'only-with-permission' : 'yes',
      ...(time.recurring && permission === 'denied' ? { refusal: refusal(window) } : {}),
      notes,
    };
  }
  const why =
    latest === undefined
      ? 'There is no recent user message in this chat to reply to.'
      : endsAt !== undefined && time.firstAt !== undefined && time.firstAt + FIRE_MARGIN_MS > endsAt
        ? `It fires after QQ's reply window closes (${window} min after the user's last message, at ${new Date(endsAt).toISOString()}).`
        : time.firstAt === undefined
          ? 'A cron schedule fires outside any reply window.'
          : "The replies QQ allows to the user's last message are used up.";
  if (permission === 'denied') return { kind: 'active', arrives: 'only-with-permission', refusal: `${why} ${refusal(window)}`, notes: [why] };
  return { kind: 'active', arrives: permission === 'granted' ? 'yes' : 'only-with-permission', notes: [why, activeNote(permission, window)] };
}

function activeNote(permission: ActiveMessagePermission, window: number): string {
  if (permission === 'granted')
    return 'It goes out as an active message; the operator says this bot has active-message permission (reminders.activeMessages), so it should arrive while the quota lasts.';
  return `It goes out as an active message, which QQ delivers only if this bot has active-message permission and quota; most bots no longer have it, so it may not arrive. If the user writes to the bot within ${window} minutes before the reminder time, it arrives as a reply instead.`;
}

function refusal(window: number): string {
  return `This bot has no active-message permission (reminders.activeMessages is false), so QQ would refuse it. Offer a reminder within the reply window (${window} min after the user's message), or ask the user to write to the bot shortly before the time.`;
}
