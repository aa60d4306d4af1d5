import * as z from '../config/zod.js';
import { MAX_REMINDER_CHARS } from '../reminders/reminderJob.js';

/**
 * The arguments of `qqbot_remind`, checked again in `execute` (the host validates the generated
 * JSON Schema with TypeBox's compiler, which coerces; this is the plugin's own boundary).
 */
export const RemindToolInputSchema = z
  .object({
    action: z
      .enum(['add', 'list', 'remove'])
      .optional()
      .describe('add (default): schedule a reminder to this QQ chat. list: reminders scheduled for this chat. remove: cancel one (jobId from list).'),
    text: z
      .string()
      .trim()
      .min(1)
      .max(MAX_REMINDER_CHARS)
      .optional()
      .describe('add: what to remind the user of, in their words and language, e.g. "开会" or "drink water".'),
    delay: z.string().max(40).optional().describe('add, once: how long from now, e.g. "90s", "10m", "1h30m", "2d" (a bare number is minutes).'),
    at: z
      .string()
      .max(40)
      .optional()
      .describe('add, once: ISO 8601 date-time, e.g. "2026-12-24T09:00:00+08:00"; without an offset it is read in the time zone.'),
    every: z.string().max(40).optional().describe('add, recurring: interval, e.g. "30m", "1d", "1w".'),
    cron: z.string().max(100).optional().describe('add, recurring: cron expression, e.g. "0 8 * * *" (08:00 daily) or "0 9 * * 1-5" (09:00 on weekdays).'),
    timezone: z
      .string()
      .max(60)
      .optional()
      .describe("IANA time zone for cron and for at without an offset (default: the bot's setting, usually Asia/Shanghai)."),
    jobId: z.string().min(1).max(128).optional().describe("remove: the reminder's job id (see list)."),
  })
  .strict();

/** Parsed arguments of `qqbot_remind`. */
export type RemindToolInput = z.output<typeof RemindToolInputSchema>;

/** The JSON Schema the host shows the model and validates calls against. */
export function remindToolParameters(): Record<string, unknown> {
  const schema = z.toJSONSchema(RemindToolInputSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
