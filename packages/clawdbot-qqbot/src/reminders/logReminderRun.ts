import type { HostLog } from '../host/HostTypes.js';
import type { HostCronJob } from './HostCron.js';
import { reminderOwner } from './reminderJob.js';

/** The `cron_changed` hook event (OpenClaw 2026.7.35 and 2026.9.6), fields this plugin reads. */
export interface HostCronChangedEvent {
  /** What happened to the job. */
  readonly action: string;
  /** The job id. */
  readonly jobId: string;
  /** The job, when the host includes it. */
  readonly job?: HostCronJob;
  /** Run status of a finished run. */
  readonly status?: string;
  /** Run error of a failed run. */
  readonly error?: string;
  /** Whether the result was delivered. */
  readonly deliveryStatus?: string;
  /** Why the delivery failed. */
  readonly deliveryError?: string;
}

/** The QQ platform code in an error text (qq-sdk's `QQApiError` message says `code <n>`). */
export function platformCode(text: string): string | undefined {
  return /\bcode (\d{3,})\b/.exec(text)?.[1];
}

/**
 * Logs the outcome of a reminder run, so a reminder that did not reach QQ is never silent: the
 * failure is a warning with the chat, the QQ platform code and QQ's reason (the host keeps the same
 * error in the job's run history). Other jobs are ignored.
 */
export function logReminderRun(event: HostCronChangedEvent, log: HostLog | undefined): void {
  if (event.action !== 'finished' || event.job === undefined) return;
  const owner = reminderOwner(event.job);
  if (owner === undefined) return;
  const name = event.job.name ?? event.jobId;
  const where = `${owner.conversation} (account ${owner.accountId})`;
  const failure = event.deliveryStatus === 'not-delivered' ? event.deliveryError : event.status === 'error' ? event.error : undefined;
  if (event.deliveryStatus !== 'not-delivered' && event.status !== 'error') {
    const outcome = event.deliveryStatus === 'delivered' ? 'delivered to' : `finished (delivery ${event.deliveryStatus ?? 'unknown'}) for`;
    log?.info?.(`qqbot: reminder "${name}" (job ${event.jobId}) ${outcome} ${where}`);
    return;
  }
  const reason = (failure ?? 'no reason given by the host').replace(/\s+/g, ' ').trim();
  const code = platformCode(reason);
  log?.warn?.(
    `qqbot: reminder "${name}" (job ${event.jobId}) was NOT delivered to ${where}: ${code !== undefined ? `QQ code ${code}: ` : ''}${reason}` +
      (code === '40034102' || code === '40034105' || code === '22009' || code === '40034100'
        ? ' (QQ refused an active message: this bot lacks active-message permission or quota; see reminders.activeMessages)'
        : ''),
  );
}
