import * as z from './zod.js';

/** Access-list literal the host accepts in `allowFrom` meaning "no static entries". */
export const APPROVAL_DISABLED_ENTRY = 'openclaw:approval-disabled';

// QQ ids are uppercase hex openids (C2C, group) or digits (guild): the host rejects entries with
// lowercase letters and "*" for channel `qqbot`, so the schema does too.
const accessEntry = z
  .string()
  .min(1)
  .regex(/^[^a-z*]*$/, 'use the uppercase openid as QQ sends it; "*" is not allowed');

/**
 * A secret held in OpenClaw's secret store instead of the config file (`SecretRef`): `env` reads
 * the variable named `id` from the gateway environment; other sources are refused with a message.
 */
const secretRef = z
  .object({
    source: z.string().min(1),
    provider: z.string().optional(),
    id: z.string().min(1),
  })
  .strict();

/** OpenClaw's tool policy for a scope (`tools` in a group): exact tool names or `group:*` sets; deny wins. */
const toolPolicy = z
  .object({
    allow: z.array(z.string()).optional(),
    alsoAllow: z.array(z.string()).optional(),
    deny: z.array(z.string()).optional(),
  })
  .strict();

/** Settings of one group (`groups.<group_openid>`), or of every group (`groups."*"`). */
const groupShape = z
  .object({
    name: z.string().optional().describe('Name shown to the agent for this group.'),
    requireMention: z.boolean().optional().describe('Answer only @-messages in this group.'),
    ignoreOtherMentions: z.boolean().optional().describe('Drop messages that @-mention someone else but not the bot.'),
    prompt: z.string().optional().describe('Extra instructions for the agent in this group.'),
    historyLimit: z.number().int().min(0).optional().describe('Non-@ messages kept as context for the next @ (0 turns it off).'),
    tools: toolPolicy.optional().describe("Tools the agent may use in this group ({ allow, alsoAllow, deny }, as in OpenClaw's tool policy)."),
    toolsBySender: z.record(z.string(), toolPolicy).optional().describe('Tool policy per sender in this group: keys "id:<openid>", "<openid>" or "*".'),
    toolPolicy: z
      .enum(['full', 'restricted', 'none'])
      .optional()
      .describe('Older official-plugin setting, read as tools: "none" denies every tool, "restricted" denies group:runtime and group:fs.'),
    commandLevel: z
      .enum(['all', 'safety', 'strict'])
      .optional()
      .describe("Official plugin key, accepted; which slash commands run in the group is decided by the host's command authorization."),
    disabled: z.boolean().optional().describe("Do not answer in this group (also set from the QQ client's group settings)."),
    mentionPatterns: z
      .array(z.string())
      .optional()
      .describe("Words that count as addressing the bot, like an @ (case-insensitive; also set from the QQ client's group settings)."),
  })
  .strict();

/** Keys of the official plugin's schema this plugin accepts and does not act on (see officialCompat.ts). */
const acceptedOfficialKeys = {
  stt: z
    .object({ enabled: z.boolean().optional() })
    .loose()
    .optional()
    .describe(
      "Voice notes without QQ's speech recognition: enabled false keeps them as SILK; otherwise they are decoded to WAV for the host's transcription (tools.media.audio). Provider keys are accepted, not used.",
    ),
  tts: z.record(z.string(), z.unknown()).optional().describe("Official plugin key, accepted; not used (the host's TTS applies)."),
  audioFormatPolicy: z
    .object({
      sttDirectFormats: z.array(z.string()).optional(),
      uploadDirectFormats: z.array(z.string()).optional(),
      transcodeEnabled: z.boolean().optional(),
    })
    .loose()
    .optional()
    .describe(
      'Audio conversion: transcodeEnabled false sends non-SILK audio as files; uploadDirectFormats (e.g. [".mp3"]) go to QQ as voice unconverted; sttDirectFormats with ".silk" skips decoding voice notes.',
    ),
  voiceDirectUploadFormats: z.array(z.string()).optional().describe("The official plugin's older name for audioFormatPolicy.uploadDirectFormats."),
  urlDirectUpload: z.boolean().optional().describe('Official plugin key, accepted; media URLs are always handed to QQ.'),
  upgradeUrl: z.string().optional().describe('Official plugin key, accepted; not used.'),
  upgradeMode: z.enum(['doc', 'hot-reload']).optional().describe('Official plugin key, accepted; this plugin never upgrades itself.'),
  upgradePkg: z.string().optional().describe('Official plugin key, accepted; not used.'),
  deliverDebounce: z.record(z.string(), z.unknown()).optional().describe('Official plugin key, accepted; blocks are merged within the reply budget anyway.'),
  processingTimeoutMs: z.number().int().min(0).optional().describe('Official plugin key, accepted; not used.'),
  userAgentSuffix: z.string().optional().describe('Official plugin key, accepted; not used.'),
  execApprovals: z
    .object({
      enabled: z
        .union([z.boolean(), z.literal('auto')])
        .optional()
        .describe(
          'Exec approvals as QQ buttons (allow once / always / deny) in C2C and groups; default true ("auto" counts as true). false: the host says approvals are off on QQ.',
        ),
      approvers: z
        .array(z.string())
        .optional()
        .describe('QQ openids that may press the approval buttons besides the user the approval is for (the requester).'),
    })
    .loose()
    .optional()
    .describe('Exec approvals on QQ. Other keys of the official plugin (target, agentFilter, sessionFilter) are accepted, not used.'),
};

/** The per-account settings, used both at the top of `channels.qqbot` and under `accounts.<id>`. */
const accountShape = {
  enabled: z.boolean().optional().describe('Run this account (default true).'),
  name: z.string().optional().describe('Display name of the account.'),
  appId: z.string().regex(/^\d+$/, 'the AppID is digits').optional().describe('QQ bot AppID.'),
  clientSecret: z.string().min(1).or(secretRef).optional().describe('QQ bot AppSecret, or a SecretRef ({ source: "env", id }). Prefer tokenFile or env.'),
  clientSecretFile: z.string().min(1).optional().describe('File holding the AppSecret (with appId), as the official plugin takes it.'),
  token: z.string().min(3).optional().describe('"AppID:AppSecret", as written by `channels add --token`.'),
  tokenFile: z.string().min(1).optional().describe('File holding "AppID:AppSecret".'),
  useEnv: z.boolean().optional().describe('Read QQBOT_APP_ID / QQBOT_CLIENT_SECRET from the gateway environment.'),
  sandbox: z.boolean().optional().describe("Use QQ's sandbox API (sandbox.api.bot.qq.com, falling back to sandbox.api.sgroup.qq.com)."),
  apiBaseUrl: z.url().optional().describe('OpenAPI base URL: an egress proxy or a local simulator.'),
  tokenUrl: z.url().optional().describe('App access token URL.'),
  proxy: z
    .url()
    .optional()
    .describe('HTTP(S) proxy for token, REST, gateway and media traffic, e.g. http://user:pass@10.0.0.1:3128 (for the IP allow-list, error 11298).'),
  transport: z
    .enum(['websocket', 'webhook'])
    .optional()
    .describe("How events arrive: the WebSocket gateway (default) or QQ's HTTP callbacks (webhook, set up in the QQ console)."),
  intents: z.array(z.string().min(1)).optional().describe('Intent names (default GROUP_AND_C2C_EVENT, PUBLIC_GUILD_MESSAGES, DIRECT_MESSAGE).'),
  webhook: z
    .object({
      path: z
        .string()
        .regex(/^\/[^\s?#]*$/, 'a URL path such as "/qqbot/webhook"')
        .optional()
        .describe(
          'Callback URL path (default "/qqbot/webhook", as the official plugin; accounts sharing a path are told apart by the X-Bot-Appid header QQ sends).',
        ),
      server: z
        .enum(['gateway', 'own'])
        .optional()
        .describe(
          '"gateway": callbacks arrive on the OpenClaw gateway\'s HTTP server (default); "own": on a server of the account\'s own (webhook.host, webhook.port; the default when either is set).',
        ),
      host: z.string().optional().describe('Interface the own server binds (webhook.server "own"; default 127.0.0.1).'),
      port: z.number().int().min(0).max(65535).optional().describe('Port of the own server (webhook.server "own"; 0 picks a free one).'),
    })
    .strict()
    .optional()
    .describe('Where QQ\'s HTTP callbacks arrive (transport "webhook").'),
  dmPolicy: z.enum(['pairing', 'allowlist', 'open', 'disabled']).optional().describe('Who may talk to the bot in C2C and guild DMs (default pairing).'),
  allowFrom: z
    .array(accessEntry.or(z.literal(APPROVAL_DISABLED_ENTRY)))
    .optional()
    .describe('Allowed DM senders.'),
  groupPolicy: z.enum(['open', 'allowlist', 'disabled']).optional().describe('Which groups/channels are served (default open).'),
  groupAllowFrom: z.array(accessEntry).optional().describe('Allowed group openids / guild channel ids.'),
  requireMention: z.boolean().optional().describe('In groups and guild channels, answer only @-messages (default true).'),
  defaultRequireMention: z.boolean().optional().describe("The official plugin's name for requireMention."),
  groups: z.record(z.string().min(1), groupShape).optional().describe('Per-group settings by group openid or guild channel id; "*" for every group.'),
  systemPrompt: z.string().optional().describe('Instructions put before every message the agent reads.'),
  contextVisibility: z
    .enum(['all', 'allowlist', 'allowlist_quote'])
    .optional()
    .describe(
      'Quoted text given to the agent: "all" (default), "allowlist" (only quotes of the bot or of allowed senders), "allowlist_quote" (explicit quotes kept).',
    ),
  markdown: z.boolean().optional().describe('Send markdown in C2C and groups (default true; guild channels never).'),
  markdownSupport: z.boolean().optional().describe("The official plugin's name for markdown."),
  streaming: z
    .boolean()
    .or(z.object({ mode: z.string().min(1).optional(), nativeTransport: z.boolean().optional() }).loose())
    .optional()
    .describe("Stream C2C answers into one QQ bubble while the model writes (QQ's C2C stream API; default true)."),
  registeredDomains: z.array(z.string().min(1)).optional().describe('Domains registered in the QQ console; links to other domains are refused by QQ.'),
  typing: z
    .boolean()
    .optional()
    .describe('Show "typing…" in C2C while the agent works, until its first reply (default true; each notice costs one of the 4 passive replies).'),
  typingNotices: z
    .number()
    .int()
    .min(1)
    .max(3)
    .optional()
    .describe('Typing notices per turn, each shown for 60 s (default 1; the answer always keeps a reply).'),
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
  commandPanel: z
    .boolean()
    .optional()
    .describe('Publish the command panel QQ shows after "/" in C2C and groups (true), withdraw it (false), or leave it alone (unset, default).'),
  apiTool: z
    .object({
      enabled: z
        .boolean()
        .optional()
        .describe('Offer the qqbot_api tool to the agent in QQ conversations (default true; read-only unless actions are listed).'),
      actions: z
        .array(z.enum(['recall', 'mute', 'pin']))
        .optional()
        .describe(
          'Actions the agent may take in the current chat through qqbot_api: "recall" (a message the bot sent), "mute" (a member), "pin" (a guild message). Default none.',
        ),
    })
    .strict()
    .optional()
    .describe('The agent tool qqbot_api: QQ API look-ups (the bot, guilds, channels, members, roles) and opt-in actions.'),
  reminders: z
    .object({
      enabled: z.boolean().optional().describe('Offer the qqbot_remind tool to the agent in QQ conversations (default true).'),
      activeMessages: z
        .boolean()
        .optional()
        .describe(
          'Whether this bot may send QQ active messages (permission and quota). true: reminders beyond the reply window are scheduled as active messages; false: they are refused with an explanation; unset (default): they are scheduled with a warning that they arrive only with that permission.',
        ),
      timezone: z
        .string()
        .min(1)
        .optional()
        .describe('IANA time zone for recurring reminders given as cron expressions and for times without an offset (default Asia/Shanghai).'),
    })
    .strict()
    .optional()
    .describe("The agent tool qqbot_remind: reminders to the current QQ chat through OpenClaw's scheduler."),
  locale: z.enum(['zh-CN', 'en']).optional().describe("Language of the plugin's own replies (/bot-* commands); default zh-CN."),
  onReplyUnavailable: z
    .enum(['report', 'active'])
    .optional()
    .describe('When the reply window or budget is gone: report the failure to the host, or try an active message.'),
  ...acceptedOfficialKeys,
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
