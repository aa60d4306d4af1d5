import * as z from './zod.js';
import { QQBotChannelConfigSchema } from './QQBotConfigSchema.js';

/**
 * The JSON Schema of `channels.qqbot`, generated from {@link QQBotChannelConfigSchema}; the
 * committed `openclaw.plugin.json` must carry exactly this (a test fails when it drifts, and
 * `pnpm --filter clawdbot-qqbot manifest` rewrites it).
 */
export function channelConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(QQBotChannelConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
