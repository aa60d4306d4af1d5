import * as z from './zod.js';

/** Access-list literal the host accepts in `allowFrom` meaning "no static entries". */
export const APPROVAL_DISABLED_ENTRY = 'openclaw:approval-disabled';

// QQ ids are uppercase hex openids (C2C, group) or digits (guild): the host rejects entries with
// lowercase letters and "*" for channel `qqbot`, so the schema does too.
const accessEntry = z
  .string()
  .min(1)
  .regex(/^[^a-z*]*$/, 'use the uppercase openid as QQ sends it; "*" is not allowed');

/** The per-account settings, used both at the top of `channels.qqbot` and under `accounts.<id>`. */
const accountShape = {
  enabled: z.boolean().optional().describe('Run this account (default true).'),
  name: z.string().optional().describe('Display name of the account.'),
  appId: z.string().regex(/^\d+$/, 'the AppID is digits').optional().describe('QQ bot AppID.'),
  clientSecret: z.string().min(1).optional().describe('QQ bot AppSecret. Prefer tokenFile or env.'),
  token: z.string().min(3).optional().describe('"AppID:AppSecret", as written by `channels add --token`.'),
  tokenFile: z.string().min(1).optional().describe('File holding "AppID:AppSecret".'),
  useEnv: z.boolean().optional().describe('Read QQBOT_APP_ID / QQBOT_CLIENT_SECRET from the gateway environment.'),
  sandbox: z.boolean().optional().describe("Use QQ's sandbox API (sandbox.api.bot.qq.com, falling back to sandbox.api.sgroup.qq.com)."),
  apiBaseUrl: z.url().optional().describe('OpenAPI base URL: an egress proxy or a local simulator.'),
  tokenUrl: z.url().optional().describe('App access token URL.'),
  transport: z.enum(['websocket', 'webhook']).optional().describe('How events arrive (default websocket).'),
  intents: z
    .array(z.string().min(1))
    .optional()
    .describe('Intent names (default GROUP_AND_C2C_EVENT, PUBLIC_GUILD_MESSAGES, DIRECT_MESSAGE).'),
  webhook: z
    .object({
      host: z.string().optional(),
      port: z.number().int().min(0).max(65535).optional(),
      path: z.string().optional(),
    })
    .optional()
    .describe('Where the webhook transport listens.'),
  dmPolicy: z
    .enum(['pairing', 'allowlist', 'open', 'disabled'])
    .optional()
    .describe('Who may talk to the bot in C2C and guild DMs (default pairing).'),
  allowFrom: z.array(accessEntry.or(z.literal(APPROVAL_DISABLED_ENTRY))).optional().describe('Allowed DM senders.'),
  groupPolicy: z.enum(['open', 'allowlist', 'disabled']).optional().describe('Which groups/channels are served (default open).'),
  groupAllowFrom: z.array(accessEntry).optional().describe('Allowed group openids / guild channel ids.'),
  requireMention: z.boolean().optional().describe('In groups and guild channels, answer only @-messages (default true).'),
  markdown: z.boolean().optional().describe('Send markdown in C2C and groups (default true; guild channels never).'),
  streaming: z
    .boolean()
    .optional()
    .describe("Stream C2C answers into one QQ bubble while the model writes (QQ's C2C stream API; default true)."),
  registeredDomains: z
    .array(z.string().min(1))
    .optional()
    .describe('Domains registered in the QQ console; links to other domains are refused by QQ.'),
  mediaMaxMb: z
    .number()
    .positive()
    .max(200)
    .optional()
    .describe('Largest image, file, video or voice note a user sends that is downloaded for the agent, in MB (default 20).'),
  mediaHosts: z
    .array(z.string().min(1))
    .optional()
    .describe("Hosts received media may be downloaded from (default QQ's media hosts; add a test server's host only for tests)."),
  onReplyUnavailable: z
    .enum(['report', 'active'])
    .optional()
    .describe('When the reply window or budget is gone: report the failure to the host, or try an active message.'),
};

/** One account's settings under `channels.qqbot.accounts.<id>`. */
export const QQBotAccountConfigSchema = z.object(accountShape).strict();

/**
 * The whole `channels.qqbot` section: the default account's settings at the top level, more
 * accounts under `accounts`. The manifest's JSON Schema is generated from this.
 */
export const QQBotChannelConfigSchema = z
  .object({
    ...accountShape,
    accounts: z.record(z.string().regex(/^[A-Za-z0-9_-]+$/), QQBotAccountConfigSchema).optional(),
  })
  .strict();

/** One account's settings, as parsed. */
export type QQBotAccountConfig = z.output<typeof QQBotAccountConfigSchema>;
/** The `channels.qqbot` section, as parsed. */
export type QQBotChannelConfig = z.output<typeof QQBotChannelConfigSchema>;
