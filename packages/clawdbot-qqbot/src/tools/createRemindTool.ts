import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';
import type { AccountRegistry, RunningAccount } from '../gateway/AccountRegistry.js';
import { currentCron, type HostCronHolder, type HostCronJob, type HostCronJobCreate } from '../reminders/HostCron.js';
import { planReminderDelivery, windowMinutes, type ActiveMessagePermission, type ReminderDeliveryPlan } from '../reminders/planReminderDelivery.js';
import { reminderJob, reminderOwner, type ReminderOwner } from '../reminders/reminderJob.js';
import { parseReminderTime, ReminderTimeError } from '../reminders/reminderTime.js';
import { currentChat, type CurrentChat } from './currentChat.js';
import type { HostAgentTool, HostToolContext, HostToolFactory } from './HostToolTypes.js';
import { QQToolError } from './QQToolError.js';
import { remindToolParameters, RemindToolInputSchema, type RemindToolInput } from './RemindToolInput.js';

/** The tool's name (the official plugin's name); the manifest's `contracts.tools` lists it. */
export const REMIND_TOOL_NAME = 'qqbot_remind';

/** Time zone of cron expressions and of times without an offset, unless the account sets one. */
export const DEFAULT_REMINDER_TIME_ZONE = 'Asia/Shanghai';

/** A reminder as `list` shows it. */
export interface ReminderSummary {
  /** The host's job id. */
  readonly jobId: string;
  /** The job name (`QQ reminder: …`). */
  readonly name: string;
  /** The schedule as the host stores it. */
  readonly schedule?: Readonly<Record<string, unknown>>;
  /** When it fires next (ISO time). */
  readonly nextRunAt?: string;
}

/** The structured result of one `qqbot_remind` call. */
export type RemindToolDetails =
  | {
      /** A reminder was scheduled in the host's scheduler. */
      readonly action: 'add';
      /** The host's job id. */
      readonly jobId: string | undefined;
      /** When it first fires (ISO time; absent for cron expressions). */
      readonly firstAt: string | undefined;
      /** How it will be delivered. */
      readonly delivery: ReminderDeliveryPlan;
    }
  | {
      /** The scheduler was not reachable from the plugin: the agent creates the job with the host's cron tool. */
      readonly action: 'add-via-cron-tool';
      /** Arguments for the host's `cron` tool (`automations` on OpenClaw 2026.9), to pass unchanged. */
      readonly cronToolArguments: { readonly action: 'add'; readonly job: HostCronJobCreate };
      /** When it first fires (ISO time). */
      readonly firstAt: string | undefined;
      /** How it will be delivered. */
      readonly delivery: ReminderDeliveryPlan;
    }
  | {
      /** Reminders of this chat. */
      readonly action: 'list';
      /** The reminders. */
      readonly reminders: readonly ReminderSummary[];
    }
  | {
      /** A reminder was cancelled. */
      readonly action: 'remove';
      /** Its job id. */
      readonly jobId: string;
    };

/** What the tool needs besides the turn: the running accounts, the scheduler and a clock. */
export interface RemindToolDeps {
  /** The running accounts (shared with the channel). */
  readonly registry: AccountRegistry;
  /** The host scheduler getters this process captured. */
  readonly cron: HostCronHolder;
  /** The clock (tests). */
  readonly now?: () => number;
}

/** What the account says about active messages. */
export function activePermission(running: RunningAccount): ActiveMessagePermission {
  const setting = running.account.config.reminders?.activeMessages;
  return setting === true ? 'granted' : setting === false ? 'denied' : 'unknown';
}

function describe(scene: CurrentChat['target']['scene'], permission: ActiveMessagePermission): string {
  const window = windowMinutes(scene);
  const active =
    permission === 'granted'
      ? 'later ones go out as active messages (this bot has active-message permission).'
      : permission === 'denied'
        ? 'later ones are refused, as this bot has no active-message permission.'
        : 'later ones go out as active messages, which arrive only if this bot has active-message permission and quota (most bots do not): the result says so, and you must tell the user plainly.';
  return (
    `Schedule a reminder to this QQ chat through OpenClaw's scheduler (use this, not a promise to remember: nothing else reminds the user on QQ). ` +
    `action add with text and exactly one of delay ("10m"), at (ISO time), every ("1d") or cron ("0 8 * * *"); list; remove with jobId. ` +
    `Reminders due within QQ's reply window (${window} min after the user's message here) arrive as a reply; ${active} Tell the user what the result says about delivery.`
  );
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

function jobIdOf(added: unknown): string | undefined {
  if (added === null || typeof added !== 'object') return undefined;
  const record = added as { id?: unknown; job?: { id?: unknown } };
  if (typeof record.id === 'string') return record.id;
  return typeof record.job?.id === 'string' ? record.job.id : undefined;
}

function addedText(
  text: string,
  firstAt: number | undefined,
  now: number,
  plan: ReminderDeliveryPlan,
  jobId: string | undefined,
  cronLabel: string | undefined,
): string {
  const when = firstAt !== undefined ? `${iso(firstAt)} (in ${Math.max(1, Math.round((firstAt - now) / 1000))} s)` : `on the schedule ${cronLabel ?? ''}`;
  const how =
    plan.kind === 'passive'
      ? `Delivery: as a QQ reply to the user's message (QQ accepts it until ${plan.windowEndsAt}).`
      : plan.arrives === 'yes'
        ? 'Delivery: as a QQ active message.'
        : 'Delivery: as a QQ active message — WARNING: it arrives only if this bot has active-message permission and quota, which most QQ bots no longer have.';
  return [
    `Reminder scheduled${jobId !== undefined ? ` (job ${jobId})` : ''}: "${text}", first ${when}.`,
    how,
    ...plan.notes,
    'Tell the user when it fires and, plainly, how it will be delivered.',
  ].join('\n');
}

/**
 * The factory OpenClaw calls per agent turn: `qqbot_remind` for QQ turns of a running account
 * with `reminders.enabled` not false and a QQ chat to deliver to; `null` for every other turn (a
 * cron run, another channel).
 */
export function createRemindToolFactory(deps: RemindToolDeps): HostToolFactory<RemindToolDetails> {
  const now = deps.now ?? Date.now;
  return (ctx: HostToolContext): HostAgentTool<RemindToolDetails> | null => {
    if (ctx.messageChannel !== CHANNEL_ID) return null;
    const accountId = ctx.agentAccountId ?? ctx.deliveryContext?.accountId ?? DEFAULT_ACCOUNT_ID;
    const running = deps.registry.get(accountId);
    if (running === undefined || running.account.config.reminders?.enabled === false) return null;
    const chat = currentChat(ctx, running);
    if (chat === undefined) return null;
    const owner: ReminderOwner = { accountId, conversation: chat.conversation };
    const mine = (job: HostCronJob): boolean => {
      const of = reminderOwner(job);
      return of?.accountId === owner.accountId && of.conversation === owner.conversation;
    };
    return {
      name: REMIND_TOOL_NAME,
      label: 'QQ reminder',
      description: describe(chat.target.scene, activePermission(running)),
      parameters: remindToolParameters(),
      async execute(_toolCallId, params) {
        const parsed = RemindToolInputSchema.safeParse(params);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
          throw new QQToolError(`${REMIND_TOOL_NAME}: invalid arguments (${issues}).`);
        }
        const input: RemindToolInput = parsed.data;
        const action = input.action ?? 'add';
        const current = deps.registry.get(accountId);
        if (current === undefined) throw new QQToolError(`The QQ account "${accountId}" is not running.`);
        const cron = currentCron(deps.cron);
        if (action === 'list' || action === 'remove') {
          if (cron === undefined)
            throw new QQToolError(`${action}: OpenClaw's scheduler is not reachable from the QQ plugin; use the host's cron tool (automations) instead.`);
          const jobs = (await cron.list({ includeDisabled: true })).filter(mine);
          if (action === 'list') {
            const reminders = jobs.map((job) => ({
              jobId: job.id,
              name: job.name ?? job.id,
              ...(job.schedule !== undefined ? { schedule: job.schedule } : {}),
              ...(job.state?.nextRunAtMs !== undefined ? { nextRunAt: new Date(job.state.nextRunAtMs).toISOString() } : {}),
            }));
            const text =
              reminders.length === 0
                ? 'No reminders are scheduled for this chat.'
                : reminders.map((r) => `${r.jobId}: ${r.name}${r.nextRunAt ? `, next ${r.nextRunAt}` : ''}`).join('\n');
            return { content: [{ type: 'text', text }], details: { action: 'list', reminders } };
          }
          if (input.jobId === undefined) throw new QQToolError('remove needs jobId (see action list).');
          if (!jobs.some((job) => job.id === input.jobId)) throw new QQToolError(`No reminder ${input.jobId} belongs to this chat (see action list).`);
          await cron.remove(input.jobId);
          return { content: [{ type: 'text', text: `Reminder ${input.jobId} cancelled.` }], details: { action: 'remove', jobId: input.jobId } };
        }
        if (input.text === undefined) throw new QQToolError('add needs text: what to remind the user of.');
        const at = now();
        let time;
        try {
          time = parseReminderTime(input, current.account.config.reminders?.timezone ?? DEFAULT_REMINDER_TIME_ZONE, at);
        } catch (error) {
          if (error instanceof ReminderTimeError) throw new QQToolError(`${REMIND_TOOL_NAME}: ${error.message}`);
          throw error;
        }
        const plan = planReminderDelivery({
          scene: chat.target.scene,
          latest: current.latest(chat.target),
          time,
          permission: activePermission(current),
          now: at,
        });
        if (plan.refusal !== undefined) throw new QQToolError(`Reminder not scheduled: ${plan.refusal}`);
        const job = reminderJob({ text: input.text, time, owner, agentId: ctx.agentId });
        const cronLabel = time.schedule.kind === 'cron' ? `"${time.schedule.expr}" (${time.schedule.tz})` : undefined;
        if (cron === undefined) {
          const cronToolArguments = { action: 'add' as const, job };
          const text =
            `${addedText(input.text, time.firstAt, at, plan, undefined, cronLabel).replace('Reminder scheduled', 'Reminder prepared, NOT yet scheduled')}\n` +
            `OpenClaw's scheduler is not reachable from the QQ plugin here: call the host's cron tool (named automations on newer OpenClaw) now with exactly these arguments, unchanged (keep delivery.channel, delivery.to and delivery.accountId):\n${JSON.stringify(cronToolArguments)}`;
          return { content: [{ type: 'text', text }], details: { action: 'add-via-cron-tool', cronToolArguments, firstAt: iso(time.firstAt), delivery: plan } };
        }
        let added: unknown;
        try {
          added = await cron.add(job);
        } catch (error) {
          throw new QQToolError(`OpenClaw's scheduler refused the reminder: ${error instanceof Error ? error.message : String(error)}`);
        }
        const jobId = jobIdOf(added);
        return {
          content: [{ type: 'text', text: addedText(input.text, time.firstAt, at, plan, jobId, cronLabel) }],
          details: { action: 'add', jobId, firstAt: iso(time.firstAt), delivery: plan },
        };
      },
    };
  };
}
