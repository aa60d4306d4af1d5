import { CHANNEL_ID, DEFAULT_ACCOUNT_ID } from '../constants.js';
import type { AccountRegistry, RunningAccount } from '../gateway/AccountRegistry.js';
import { resultText, sanitize } from './boundResult.js';
import { currentChat } from './currentChat.js';
import type { HostAgentTool, HostToolContext, HostToolFactory } from './HostToolTypes.js';
import { isWriteAction, qqApiToolParameters, QQApiToolInputSchema, type QQApiToolInput, type QQApiWriteAction } from './QQApiToolInput.js';
import { QQToolError, toToolError } from './QQToolError.js';
import { DEFAULT_LIMIT, runQQApiAction } from './runQQApiAction.js';

/** The tool's name; the manifest's `contracts.tools` lists it. */
export const QQ_API_TOOL_NAME = 'qqbot_api';

/** The structured result of one `qqbot_api` call. */
export interface QQApiToolDetails {
  /** The action that ran. */
  readonly action: QQApiToolInput['action'];
  /** The account whose bot ran it. */
  readonly accountId: string;
  /** QQ's answer, without credential-like fields, lists cut to the limit. */
  readonly result: unknown;
}

/** The actions with effects an account allows (`apiTool.actions`; none by default). */
function allowedActions(running: RunningAccount): readonly QQApiWriteAction[] {
  return running.account.config.apiTool?.actions ?? [];
}

function describe(allowed: readonly QQApiWriteAction[]): string {
  const acting =
    allowed.length > 0 ? `Allowed actions in this chat: ${allowed.join(', ')}.` : 'Read-only: actions (recall, mute, pin) are not enabled for this bot.';
  return `Call the QQ Bot API as this QQ bot: who the bot is, where this conversation is, guilds, channels, members, roles, pins, QQ group info. ${acting} Only what the bot's own QQ permissions allow works; QQ's refusal is returned as the error.`;
}

/**
 * The factory OpenClaw calls per agent turn: the `qqbot_api` tool for turns of a `qqbot` account
 * that is running with `apiTool.enabled` not false, `null` for every other turn.
 */
export function createQQApiToolFactory(registry: AccountRegistry): HostToolFactory<QQApiToolDetails> {
  return (ctx: HostToolContext): HostAgentTool<QQApiToolDetails> | null => {
    if (ctx.messageChannel !== CHANNEL_ID) return null;
    const accountId = ctx.agentAccountId ?? ctx.deliveryContext?.accountId ?? DEFAULT_ACCOUNT_ID;
    const running = registry.get(accountId);
    if (running === undefined || running.bot.api === undefined || running.account.config.apiTool?.enabled === false) return null;
    return {
      name: QQ_API_TOOL_NAME,
      label: 'QQ Bot API',
      description: describe(allowedActions(running)),
      parameters: qqApiToolParameters(),
      async execute(_toolCallId, params, signal) {
        const parsed = QQApiToolInputSchema.safeParse(params);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
          throw new QQToolError(`${QQ_API_TOOL_NAME}: invalid arguments (${issues}).`);
        }
        const input = parsed.data;
        // The account may have restarted since the turn began: use the bot running now.
        const current = registry.get(accountId);
        const api = current?.bot.api;
        if (current === undefined || api === undefined) throw new QQToolError(`The QQ account "${accountId}" is not running.`);
        if (isWriteAction(input.action) && !allowedActions(current).includes(input.action)) {
          throw new QQToolError(
            `${input.action} is not enabled for this bot. The operator can allow it with channels.qqbot.apiTool.actions (e.g. ["${input.action}"]).`,
          );
        }
        let answer: unknown;
        try {
          answer = await runQQApiAction(api, input, currentChat(ctx, current), signal);
        } catch (error) {
          throw toToolError(input.action, error);
        }
        const result = sanitize(answer, input.limit ?? DEFAULT_LIMIT);
        return { content: [{ type: 'text', text: resultText(result) }], details: { action: input.action, accountId, result } };
      },
    };
  };
}
