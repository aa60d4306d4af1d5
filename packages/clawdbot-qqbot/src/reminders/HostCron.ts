/**
 * The slice of OpenClaw's scheduler this plugin uses, declared structurally. A plugin reaches it
 * as `ctx.getCron()` in the `gateway_start` hook (openclaw 2026.7.35 and 2026.9.6; the raw
 * `CronService`) and in a gateway service's start context (2026.9.6; a lease-bound handle). Job
 * fields follow `CronJobSchema` in the host's `packages/gateway-protocol/src/schema/cron.ts`.
 */
import type { ReminderSchedule } from './reminderTime.js';

/** Where the host delivers a job's final text (`delivery`, mode `announce`). */
export interface HostCronDelivery {
  /** `announce`: the run's final text goes to the channel target. */
  readonly mode: 'announce';
  /** The channel plugin (`qqbot`). */
  readonly channel: string;
  /** The channel target, e.g. `qqbot:c2c:<openid>`. */
  readonly to: string;
  /** The channel account that sends it. */
  readonly accountId: string;
}

/** A model turn in a fresh session at fire time (`payload`, kind `agentTurn`). */
export interface HostCronAgentTurn {
  /** Always `agentTurn`. */
  readonly kind: 'agentTurn';
  /** The prompt of the run. */
  readonly message: string;
  /** Skip workspace bootstrap files (a short, cheap run). */
  readonly lightContext?: boolean;
  /** Tools the run may use; empty for none. */
  readonly toolsAllow?: readonly string[];
  /** Run time limit in seconds. */
  readonly timeoutSeconds?: number;
}

/** A job as this plugin creates it (already in the host's normalized form). */
export interface HostCronJobCreate {
  /** Display name. */
  readonly name: string;
  /** Description; carries this plugin's marker (see `reminderJob.ts`). */
  readonly description: string;
  /** Enabled at once. */
  readonly enabled: boolean;
  /** The agent that runs it, when not the default one. */
  readonly agentId?: string;
  /** When it fires. */
  readonly schedule: ReminderSchedule;
  /** `isolated`: a fresh session per run. */
  readonly sessionTarget: 'isolated';
  /** `now`: run as soon as due. */
  readonly wakeMode: 'now';
  /** Remove a one-shot job after its run. */
  readonly deleteAfterRun?: boolean;
  /** What runs. */
  readonly payload: HostCronAgentTurn;
  /** Where the result goes. */
  readonly delivery: HostCronDelivery;
}

/** A stored job as `list` returns it (fields this plugin reads). */
export interface HostCronJob {
  /** The job id. */
  readonly id: string;
  /** Display name. */
  readonly name?: string;
  /** Description. */
  readonly description?: string;
  /** Whether it is enabled. */
  readonly enabled?: boolean;
  /** When it fires. */
  readonly schedule?: Readonly<Record<string, unknown>>;
  /** Scheduler state. */
  readonly state?: {
    readonly nextRunAtMs?: number;
    readonly lastRunStatus?: string;
    readonly lastDeliveryStatus?: string;
    readonly lastDeliveryError?: string;
  };
}

/** The scheduler operations this plugin calls. */
export interface HostCronService {
  /** Lists jobs. */
  list(options?: { includeDisabled?: boolean }): Promise<readonly HostCronJob[]>;
  /** Adds a job; resolves with the stored job (or `{ job }` on some hosts). */
  add(job: HostCronJobCreate): Promise<unknown>;
  /** Removes a job. */
  remove(id: string): Promise<{ readonly removed?: boolean } | unknown>;
}

/** Returns the scheduler, or `undefined` while none is running. */
export type HostCronGetter = () => HostCronService | undefined;

const KEY = Symbol.for('clawdbot-qqbot.hostCron');

/**
 * The scheduler getters captured in this process, newest first. Shared by every loaded copy of
 * the plugin (OpenClaw 2026.9 loads it once per registration mode), like the account registry.
 * @internal
 */
export interface HostCronHolder {
  /** Getters from service starts and `gateway_start`, newest first. */
  getters: HostCronGetter[];
}

/** The process-wide holder. @internal */
export function sharedHostCron(): HostCronHolder {
  const holder = globalThis as { [KEY]?: HostCronHolder };
  holder[KEY] ??= { getters: [] };
  return holder[KEY];
}

/** Remembers a getter (newest first, each once). @internal */
export function rememberCronGetter(holder: HostCronHolder, getter: HostCronGetter): void {
  holder.getters = [getter, ...holder.getters.filter((known) => known !== getter)].slice(0, 8);
}

/** The first scheduler a remembered getter yields now; getters that throw (revoked leases) are skipped. */
export function currentCron(holder: HostCronHolder): HostCronService | undefined {
  for (const getter of holder.getters) {
    try {
      const cron = getter();
      if (cron !== undefined && typeof cron.add === 'function') return cron;
    } catch {
      // A stopped service's lease: try the next one.
    }
  }
  return undefined;
}
