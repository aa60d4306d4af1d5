import { QQValidationError, type ValidationIssue } from '../errors/QQValidationError.js';
import type { InteractionEvent } from '../events/types.js';
import type { RequestOptions } from '../rest/RequestOptions.js';
import type { ClawConfig, InteractionsAPI } from '../rest/resources/InteractionsAPI.js';

/**
 * `data.type` of the claw-settings interactions: the QQ client's group settings page asks for a
 * "claw" bot's settings (2001) and changes them (2002). UNCONFIRMED: not in the official docs;
 * from tencent-connect/openclaw-qqbot and the bundled @openclaw/qqbot (docs/platform-reference.md#late-2026).
 */
export const ClawInteractionType = {
  /** The client asks for the bot's settings; answer with {@link answerClawConfigQuery}. */
  Query: 2001,
  /** The client changed settings; apply {@link parseClawConfigUpdate}, then answer with the new ones. */
  Update: 2002,
} as const;

/** The bot's settings in one group, as a claw-settings answer reports them. */
export interface ClawSettings {
  /** Answer only when @-mentioned (`require_mention: 'mention'`), or every message (`'always'`). */
  readonly requireMention: boolean;
  /** The group policy (OpenClaw: `'open'`, `'allowlist'`, `'disabled'`). @defaultValue 'open' */
  readonly groupPolicy?: string;
  /** Extra patterns that count as a mention (sent comma-separated). @defaultValue [] */
  readonly mentionPatterns?: readonly string[];
  /** The online state shown. @defaultValue 'online' */
  readonly onlineState?: string;
  /** The channel plugin's name (`channel_type`, OpenClaw sends `'qqbot'`). */
  readonly channelType?: string;
  /** The channel plugin's version (`channel_ver`). */
  readonly channelVersion?: string;
  /** The agent framework (`claw_type`, e.g. `'openclaw'`). */
  readonly clawType?: string;
  /** The agent framework's version (`claw_ver`). */
  readonly clawVersion?: string;
}

/** A claw-settings update (`data.type` 2002), typed. Fields the client did not send are absent. */
export interface ClawConfigUpdate {
  /** The interaction id, to acknowledge. */
  readonly interactionId: string;
  /** The group whose settings changed. */
  readonly groupOpenid?: string;
  /** Who changed them (the member's openid in the group). */
  readonly operatorOpenid?: string;
  /** `true` for `'mention'`, `false` for `'always'`; absent when not sent or another value (see `raw`). */
  readonly requireMention?: boolean;
  /** The new group policy. */
  readonly groupPolicy?: string;
  /** The new mention patterns (split at commas, trimmed, empty ones dropped). */
  readonly mentionPatterns?: readonly string[];
  /** The new online state. */
  readonly onlineState?: string;
  /** `data.resolved.claw_cfg` exactly as received (unknown fields included). */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Whether an `INTERACTION_CREATE` payload asks for the bot's claw settings (`data.type` 2001). */
export function isClawConfigQuery(event: InteractionEvent): boolean {
  return event.data?.type === ClawInteractionType.Query;
}

/** Whether an `INTERACTION_CREATE` payload changes the bot's claw settings (`data.type` 2002). */
export function isClawConfigUpdate(event: InteractionEvent): boolean {
  return event.data?.type === ClawInteractionType.Update;
}

/**
 * Builds the wire `claw_cfg` from the bot's settings (`require_mention` `'mention'`/`'always'`,
 * mention patterns comma-joined, `online_state` `'online'` unless given).
 *
 * @throws A {@link QQValidationError} naming the field when `settings` is not what its type says.
 */
export function toClawConfig(settings: ClawSettings): ClawConfig {
  checkSettings(settings);
  const optional = (key: keyof ClawConfig, value: string | undefined): Partial<ClawConfig> => (value !== undefined ? { [key]: value } : {});
  return {
    ...optional('channel_type', settings.channelType),
    ...optional('channel_ver', settings.channelVersion),
    ...optional('claw_type', settings.clawType),
    ...optional('claw_ver', settings.clawVersion),
    require_mention: settings.requireMention ? 'mention' : 'always',
    group_policy: settings.groupPolicy ?? 'open',
    mention_patterns: (settings.mentionPatterns ?? []).join(','),
    online_state: settings.onlineState ?? 'online',
  };
}

/**
 * Parses a claw-settings update (`data.type` 2002) into a typed object; `undefined` for any other
 * interaction. Loose: unknown fields stay in `raw`, and a field of an unexpected type is left out.
 *
 * @example
 * ```ts
 * const update = parseClawConfigUpdate(event);
 * if (update?.requireMention !== undefined) settings.requireMention = update.requireMention;
 * ```
 */
export function parseClawConfigUpdate(event: InteractionEvent): ClawConfigUpdate | undefined {
  if (!isClawConfigUpdate(event)) return undefined;
  const raw: Readonly<Record<string, unknown>> = event.data?.resolved?.claw_cfg ?? {};
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const mention = text(raw['require_mention']);
  const patterns = text(raw['mention_patterns']);
  const policy = text(raw['group_policy']);
  const online = text(raw['online_state']);
  return {
    interactionId: event.id,
    raw,
    ...(event.group_openid !== undefined ? { groupOpenid: event.group_openid } : {}),
    ...(event.group_member_openid !== undefined ? { operatorOpenid: event.group_member_openid } : {}),
    ...(mention === 'mention' ? { requireMention: true } : mention === 'always' ? { requireMention: false } : {}),
    ...(policy !== undefined ? { groupPolicy: policy } : {}),
    ...(patterns !== undefined
      ? {
          mentionPatterns: patterns
            .split(',')
            .map((p) => p.trim())
            .filter((p) => p !== ''),
        }
      : {}),
    ...(online !== undefined ? { onlineState: online } : {}),
  };
}

/**
 * Answers a claw-settings interaction with the bot's settings: `PUT /interactions/{id}` with
 * `{ code: 0, data: { claw_cfg } }`. Use it for queries (2001), and for updates (2002) once the
 * change is applied, with the settings now in force (OpenClaw answers both this way). `settings`
 * may be a function of the event (e.g. to look the group up). When it throws, the interaction is
 * still acknowledged, without data, so the client's spinner stops; then the error is rethrown.
 *
 * @param api - Anything with `interactions.acknowledge` (e.g. `bot.api`).
 * @param event - The `INTERACTION_CREATE` payload.
 * @param settings - The settings, or a function returning them.
 * @param options - Signal, timeout, retries of the acknowledgement.
 * @example
 * ```ts
 * bot.on('INTERACTION_CREATE', async (event) => {
 *   const update = parseClawConfigUpdate(event);
 *   if (update?.requireMention !== undefined) groups.set(update.groupOpenid, update.requireMention);
 *   if (isClawConfigQuery(event) || update) {
 *     await answerClawConfigQuery(bot.api, event, { requireMention: groups.get(event.group_openid) ?? true });
 *   }
 * });
 * ```
 */
export async function answerClawConfigQuery(
  api: { readonly interactions: Pick<InteractionsAPI, 'acknowledge'> },
  event: InteractionEvent,
  settings: ClawSettings | ((event: InteractionEvent) => ClawSettings | Promise<ClawSettings>),
  options: RequestOptions = {},
): Promise<void> {
  let clawCfg: ClawConfig;
  try {
    clawCfg = toClawConfig(typeof settings === 'function' ? await settings(event) : settings);
  } catch (error) {
    await api.interactions.acknowledge(event.id, 0, options);
    throw error;
  }
  await api.interactions.acknowledge(event.id, { code: 0, data: { claw_cfg: clawCfg } }, options);
}

function checkSettings(settings: ClawSettings): void {
  const issues: ValidationIssue[] = [];
  if (typeof settings !== 'object' || settings === null) {
    throw new QQValidationError('claw settings', [{ path: '', message: 'must be an object' }]);
  }
  if (typeof settings.requireMention !== 'boolean') issues.push({ path: 'requireMention', message: 'must be a boolean' });
  for (const key of ['groupPolicy', 'onlineState', 'channelType', 'channelVersion', 'clawType', 'clawVersion'] as const) {
    const value: unknown = settings[key];
    if (value !== undefined && typeof value !== 'string') issues.push({ path: key, message: 'must be a string' });
  }
  const patterns: unknown = settings.mentionPatterns;
  if (patterns !== undefined && (!Array.isArray(patterns) || patterns.some((p) => typeof p !== 'string' || p.includes(',')))) {
    issues.push({ path: 'mentionPatterns', message: 'must be an array of strings without commas (they are sent comma-separated)' });
  }
  if (issues.length > 0) throw new QQValidationError('claw settings', issues);
}
