import type { QQBotAccountConfig } from './QQBotConfigSchema.js';

/** The settings in force for one group or guild channel. */
export type GroupSettings = NonNullable<QQBotAccountConfig['groups']>[string];

/**
 * The settings of one group: `groups."*"` overlaid with `groups.<id>` (ids compared without case,
 * as QQ's openids are uppercase but users paste them either way).
 */
export function groupSettings(config: QQBotAccountConfig, conversationId: string): GroupSettings {
  const groups = config.groups ?? {};
  const wanted = conversationId.toUpperCase();
  const own = Object.entries(groups).find(([id]) => id !== '*' && id.toUpperCase() === wanted)?.[1];
  return { ...groups['*'], ...own };
}
