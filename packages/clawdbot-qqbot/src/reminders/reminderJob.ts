import { CHANNEL_ID } from '../constants.js';
import type { HostCronJob, HostCronJobCreate } from './HostCron.js';
import type { ReminderTime } from './reminderTime.js';

/** Starts the description of every job this plugin creates; list, remove and logging look for it. */
export const REMINDER_MARKER = 'qqbot_remind';

/** Longest reminder text. */
export const MAX_REMINDER_CHARS = 500;

/** Whose reminder a job is: the account and chat it was created for. */
export interface ReminderOwner {
  /** The channel account. */
  readonly accountId: string;
  /** The chat, e.g. `qqbot:c2c:<openid>`. */
  readonly conversation: string;
}

/** The description of a reminder job: the marker, then the account and chat. */
export function reminderDescription(owner: ReminderOwner): string {
  return `${REMINDER_MARKER} account=${owner.accountId} to=${owner.conversation}`;
}

/** The account and chat of a job this plugin created, or `undefined` for any other job. */
export function reminderOwner(job: Pick<HostCronJob, 'description'>): ReminderOwner | undefined {
  const match = /^qqbot_remind account=(\S+) to=(\S+)/.exec(job.description ?? '');
  return match ? { accountId: match[1]!, conversation: match[2]! } : undefined;
}

/**
 * The prompt of the run at fire time: the model writes the reminder out (in the user's language)
 * with no tools; its final text is what the host delivers to the chat.
 */
export function firePrompt(text: string): string {
  return [
    'A reminder the user scheduled in this QQ chat is due now. Write the reminder message itself, addressed to the user, in the language of the reminder text, in one or two short sentences, starting with ⏰.',
    'Keep the content of the reminder exactly; do not explain that you are a reminder, ask questions or call tools. No links.',
    `Reminder text: ${text}`,
  ].join('\n');
}

/** The job for a reminder, in the host scheduler's normalized form. */
export function reminderJob(params: {
  readonly text: string;
  readonly time: ReminderTime;
  readonly owner: ReminderOwner;
  readonly agentId?: string | undefined;
}): HostCronJobCreate {
  const { text, time, owner } = params;
  const short = text.length > 30 ? `${text.slice(0, 30)}…` : text;
  return {
    name: `QQ reminder: ${short}`,
    description: reminderDescription(owner),
    enabled: true,
    ...(params.agentId !== undefined ? { agentId: params.agentId } : {}),
    schedule: time.schedule,
    sessionTarget: 'isolated',
    wakeMode: 'now',
    ...(time.recurring ? {} : { deleteAfterRun: true }),
    payload: { kind: 'agentTurn', message: firePrompt(text), lightContext: true, toolsAllow: [], timeoutSeconds: 120 },
    delivery: { mode: 'announce', channel: CHANNEL_ID, to: owner.conversation, accountId: owner.accountId },
  };
}
