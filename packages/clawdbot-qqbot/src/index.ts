/**
 * clawdbot-qqbot: the QQ Bot (Official API) channel plugin for OpenClaw, built on qq-sdk. The
 * default export is the plugin entry OpenClaw loads; the named exports are for tests and tools.
 *
 * @packageDocumentation
 */
import { createPluginEntry } from './entry.js';

export { CHANNEL_ID, CHANNEL_LABEL, PLUGIN_ID, DEFAULT_ACCOUNT_ID, MAX_REPLIES_PER_MESSAGE } from './constants.js';
export { parseAppCredentials, type AppCredentials } from './credentials.js';
export {
  APPROVAL_DISABLED_ENTRY,
  QQBotAccountConfigSchema,
  QQBotChannelConfigSchema,
  type QQBotAccountConfig,
  type QQBotChannelConfig,
} from './config/QQBotConfigSchema.js';
export { channelConfigJsonSchema } from './config/channelConfigJsonSchema.js';
export { pluginManifest } from './config/pluginManifest.js';
export type { AccountSources, ResolvedQQBotAccount } from './config/resolveAccount.js';
export type { BotFactory, BotFactoryOptions, BotLifecycleEvent, ButtonClick, QQBotPort, QQBotToolApi } from './bot/QQBotPort.js';
export type { ApprovalAvailability, QQBotApprovalCapability } from './approvals/approvalCapability.js';
export type { HostOutboundPayloadContext } from './approvals/sendOutboundPayload.js';
export type * from './tools/HostToolTypes.js';
export type { HostCronAgentTurn, HostCronDelivery, HostCronGetter, HostCronJob, HostCronJobCreate, HostCronService } from './reminders/HostCron.js';
export type { ReminderSchedule } from './reminders/reminderTime.js';
export type { ToolPolicy } from './config/groupToolPolicy.js';
export { createQQBot } from './bot/createQQBot.js';
export { createQQBotChannelPlugin, type QQBotChannelPlugin, type QQBotChannelPluginOptions } from './plugin.js';
export { createPluginEntry, type QQBotPluginEntry } from './entry.js';
export {
  createQQBotSetupWizard,
  APP_ID_ENV_VAR,
  QQ_OPEN_PLATFORM_URL,
  QQ_OPENCLAW_BOT_URL,
  SECRET_ENV_VAR,
  type QQBotSetupWizardOptions,
} from './setup/setupWizard.js';
export { verifyAppCredentials, type CredentialCheck, type CredentialCheckResult, type CredentialVerifier } from './setup/verifyCredentials.js';
export type * from './setup/WizardTypes.js';
export { formatTarget, parseTarget } from './outbound/targets.js';
export { ReplyUndeliverableError } from './outbound/ReplyUndeliverableError.js';
export { QQ_HINT_MARKER, qqPromptRules } from './prompt/qqPromptHints.js';
export type * from './host/HostTypes.js';

/** The plugin entry OpenClaw loads (`openclaw.extensions` points at this module). */
const entry = createPluginEntry();
export default entry;
