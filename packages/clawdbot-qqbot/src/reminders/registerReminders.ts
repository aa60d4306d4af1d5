import type { HostPluginApi } from '../host/HostTypes.js';
import type { AccountRegistry } from '../gateway/AccountRegistry.js';
import { createRemindToolFactory, REMIND_TOOL_NAME } from '../tools/createRemindTool.js';
import { rememberCronGetter, sharedHostCron } from './HostCron.js';
import { logReminderRun, type HostCronChangedEvent } from './logReminderRun.js';

/**
 * Wires reminders into the host: the `qqbot_remind` tool; the scheduler, captured from a gateway
 * service start (OpenClaw 2026.9) and from `gateway_start` (2026.7.35 and 2026.9), into a
 * process-wide holder the tool reads; and a `cron_changed` hook that logs each reminder run's
 * outcome, so an undelivered reminder is a warning with QQ's code and reason.
 * @internal
 */
export function registerReminders(api: HostPluginApi, registry: AccountRegistry): void {
  const cron = sharedHostCron();
  api.registerTool?.(createRemindToolFactory({ registry, cron }), { name: REMIND_TOOL_NAME });
  api.registerService?.({
    id: 'qqbot-reminders',
    start(ctx) {
      if (ctx.getCron !== undefined) rememberCronGetter(cron, ctx.getCron);
    },
  });
  api.on?.('gateway_start', (_event, ctx) => {
    if (ctx.getCron !== undefined) rememberCronGetter(cron, ctx.getCron);
  });
  api.on?.('cron_changed', (event: HostCronChangedEvent) => logReminderRun(event, api.logger));
}
