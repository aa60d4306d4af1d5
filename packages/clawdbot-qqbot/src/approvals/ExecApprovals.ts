import { messages, type Logger, type MessageTarget, type OutgoingMessage } from 'qq-sdk';
import { type InteractionResultCode } from 'qq-sdk/rest';
import type { ButtonClick, QQBotPort } from '../bot/QQBotPort.js';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import type { HostChannelRuntime, HostConfig, HostReplyPayload } from '../host/HostTypes.js';
import { approvalKeyboard, parseButtonData, type ApprovalButtonData } from './approvalButtons.js';
import { approvalSettings, HOST_APPROVAL_TIMEOUT_MS } from './approvalSettings.js';
import { dispatchApprovalDecision } from './dispatchApprovalDecision.js';
import { readClosedApproval, readExecApproval } from './execApprovalPrompt.js';
import { PendingApprovals } from './PendingApprovals.js';

/** Acknowledgement codes of `PUT /interactions/{id}` this feature answers with. */
export const APPROVAL_ACK = { done: 0, expired: 1, duplicate: 3, notYours: 4 } as const satisfies Record<string, InteractionResultCode>;

/** What one account's {@link ExecApprovals} needs. */
export interface ExecApprovalsDeps {
  /** The host config. */
  readonly cfg: HostConfig;
  /** The account id. */
  readonly accountId: string;
  /** The account's settings (`execApprovals`). */
  readonly config: QQBotAccountConfig;
  /** The host's channel runtime (to hand decisions over). */
  readonly runtime: HostChannelRuntime;
  /** The account's bot (passive replies to clicks). */
  readonly bot: Pick<QQBotPort, 'replyToEvent' | 'send'>;
  /** Where to log. */
  readonly logger: Logger;
  /** The current time in epoch ms. */
  readonly now: () => number;
}

/**
 * Exec approvals as QQ buttons for one account: turns the host's approval prompt into a message
 * with an allow once / always / deny keyboard, and each click into the host's decision, answering
 * the click at once with the result code QQ shows (done, not yours, expired, already decided).
 */
export class ExecApprovals {
  private readonly pending: PendingApprovals;

  constructor(private readonly deps: ExecApprovalsDeps) {
    this.pending = new PendingApprovals(deps.now);
  }

  /**
   * The message to send for a reply payload that is an exec approval prompt, in C2C or a group:
   * the host's text (its `/approve` lines stay as a fallback) with the keyboard. `undefined` for
   * any other payload, in guild scenes, and when `execApprovals.enabled` is false.
   *
   * @param target - The chat the prompt goes to.
   * @param requester - The openid of the user the approval is for (the sender of the turn), if known;
   *   without one only `execApprovals.approvers` may press (in C2C the chat's user is the requester).
   */
  present(payload: HostReplyPayload, target: MessageTarget, requester: string | undefined): OutgoingMessage | undefined {
    const closed = readClosedApproval(payload);
    if (closed !== undefined) this.pending.close(closed);
    const settings = approvalSettings(this.deps.config);
    const scene = target.scene;
    if (!settings.enabled || (scene !== 'c2c' && scene !== 'group')) return undefined;
    const prompt = readExecApproval(payload);
    if (prompt === undefined) return undefined;
    const user = scene === 'c2c' ? target.openid : requester;
    const allowed = [...new Set([...(user !== undefined ? [user.toUpperCase()] : []), ...settings.approvers])];
    this.pending.add({
      approvalId: prompt.approvalId,
      target,
      allowed,
      expiresAt: this.deps.now() + (prompt.expiresInMs ?? HOST_APPROVAL_TIMEOUT_MS),
      decisions: prompt.decisions,
    });
    const text = payload.text?.trim() || `Approval required: ${prompt.approvalId}`;
    // In C2C only the requester sees the buttons; in groups QQ limits pressing to the allowed users.
    return messages.markdown(text, { keyboard: approvalKeyboard(prompt, scene === 'group' ? allowed : undefined), fallbackText: text });
  }

  /** The button-click handler: the acknowledgement code, or `undefined` for other buttons. */
  click(click: ButtonClick): InteractionResultCode | undefined {
    const data = parseButtonData(click.buttonData);
    if (data === undefined) return undefined;
    const result = this.pending.claim(data.approvalId, data.decision, click);
    switch (result.kind) {
      case 'accepted':
        void this.decide(click, data);
        return APPROVAL_ACK.done;
      case 'not-yours':
        this.deps.logger.info('approval button pressed by someone else', { approvalId: data.approvalId });
        return APPROVAL_ACK.notYours;
      case 'decided':
        return APPROVAL_ACK.duplicate;
      case 'expired':
        void this.say(click, `This approval has expired or is no longer pending (${data.approvalId}).`);
        return APPROVAL_ACK.expired;
    }
  }

  private async decide(click: ButtonClick, data: ApprovalButtonData): Promise<void> {
    try {
      await dispatchApprovalDecision(click, data, {
        cfg: this.deps.cfg,
        accountId: this.deps.accountId,
        runtime: this.deps.runtime,
        logger: this.deps.logger,
        reply: (text) => this.say(click, text),
      });
    } catch (error) {
      this.pending.release(data.approvalId);
      this.deps.logger.error('could not hand the approval decision to the host', { approvalId: data.approvalId, error: String(error) });
      await this.say(click, `Could not submit the decision (${data.decision}); try again or use /approve ${data.approvalId} ${data.decision}.`);
    }
  }

  /** A passive reply to the click (its own event_id budget), falling back to an active message. */
  private async say(click: ButtonClick, text: string): Promise<void> {
    const target: MessageTarget = click.target;
    try {
      if (this.deps.bot.replyToEvent !== undefined) await this.deps.bot.replyToEvent(target, { eventId: click.eventId, receivedAt: click.receivedAt }, text);
      else await this.deps.bot.send(target, text);
    } catch (error) {
      this.deps.logger.warn('could not answer an approval click', { error: String(error) });
    }
  }
}
