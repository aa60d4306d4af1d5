import type { Logger } from 'qq-sdk';
import { CHANNEL_ID } from '../constants.js';
import type { HostChannelRuntime, HostConfig } from '../host/HostTypes.js';
import { formatTarget } from '../outbound/targets.js';
import type { ButtonClick } from '../bot/QQBotPort.js';
import type { ApprovalButtonData } from './approvalButtons.js';

/** The host's chat command for a decision; both 2026.7 and 2026.9 parse it (commands-approve). */
export function approveCommandText(data: ApprovalButtonData): string {
  return `/approve ${data.approvalId} ${data.decision}`;
}

/** What {@link dispatchApprovalDecision} needs. */
export interface DecisionDeps {
  /** The host config. */
  readonly cfg: HostConfig;
  /** The account id. */
  readonly accountId: string;
  /** The host's channel runtime. */
  readonly runtime: HostChannelRuntime;
  /** Sends the host's answer (e.g. "✅ Approval allow-once submitted") back to the chat. */
  readonly reply: (text: string) => Promise<void>;
  /** Where to log. */
  readonly logger: Logger;
}

/**
 * The session a click's `/approve` runs in: the clicker's own command session, as the host names
 * those of native commands (`agent:<agent>:<channel>:slash:<user>`, resolveNativeCommandSessionTargets).
 */
function commandSessionKey(agentId: string, userOpenid: string): string {
  return `agent:${agentId}:${CHANNEL_ID}:slash:${userOpenid}`.toLowerCase();
}

/**
 * Hands a decision to the host as the clicker's `/approve <id> <decision>`, a native command (a
 * button press, like the slash commands of other channels): the host resolves it by id through its
 * own approval service (the one its text prompt points at), so the same path works on every host
 * version. It runs in the clicker's command session and names no target session: OpenClaw 2026.7
 * keeps the chat's turn open while the exec tool waits for the decision, and any turn for that
 * session (including a native command aimed at it) waits for the open one first (admitReplyTurn in
 * dispatchReplyFromConfig), so the decision would never arrive. The clicker was checked against
 * the requester and `execApprovals.approvers` before, hence `CommandAuthorized`.
 */
export async function dispatchApprovalDecision(click: ButtonClick, data: ApprovalButtonData, deps: DecisionDeps): Promise<void> {
  const { runtime, cfg } = deps;
  const group = click.target.scene === 'group';
  const peer = group ? { kind: 'group' as const, id: click.target.groupOpenid } : { kind: 'direct' as const, id: click.userOpenid };
  const route = runtime.routing.resolveAgentRoute({ cfg, channel: CHANNEL_ID, accountId: deps.accountId, peer });
  const conversation = formatTarget(click.target);
  const body = approveCommandText(data);
  const ctx = runtime.reply.finalizeInboundContext({
    Body: body,
    BodyForAgent: body,
    RawBody: body,
    CommandBody: body,
    From: group ? `${CHANNEL_ID}:user:${click.userOpenid}` : conversation,
    To: conversation,
    SessionKey: commandSessionKey(route.agentId, click.userOpenid),
    AccountId: route.accountId,
    ChatType: group ? 'group' : 'direct',
    SenderId: click.userOpenid,
    SenderName: click.userOpenid,
    ...(group ? { GroupSubject: conversation, WasMentioned: true } : {}),
    Provider: CHANNEL_ID,
    Surface: CHANNEL_ID,
    MessageSid: click.interactionId,
    Timestamp: click.receivedAt.getTime(),
    OriginatingChannel: CHANNEL_ID,
    OriginatingTo: conversation,
    CommandAuthorized: true,
    CommandSource: 'native',
    CommandTurn: { kind: 'native', source: 'native', authorized: true, body },
  });
  await runtime.reply.dispatchReplyWithBufferedBlockDispatcher({
    ctx,
    cfg,
    dispatcherOptions: {
      deliver: async (payload) => {
        const text = payload.text?.trim();
        if (text) await deps.reply(text);
      },
      onError: (error) => deps.logger.warn('approval answer not delivered', { approvalId: data.approvalId, error: String(error) }),
    },
  });
}
