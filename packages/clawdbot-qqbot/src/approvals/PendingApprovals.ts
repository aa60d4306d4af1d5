import type { MessageTarget } from 'qq-sdk';
import { targetKey } from 'qq-sdk/messaging';
import type { ApprovalDecision } from './execApprovalPrompt.js';

/** One approval shown in a chat, waiting for a click. */
export interface PendingApproval {
  /** The host's approval id. */
  readonly approvalId: string;
  /** The chat the buttons are in. */
  readonly target: MessageTarget;
  /** Who may press: the requester and the configured approvers (openids, upper case). */
  readonly allowed: readonly string[];
  /** When the host stops waiting (epoch ms). */
  readonly expiresAt: number;
  /** The decisions offered. */
  readonly decisions: readonly ApprovalDecision[];
}

/** What a click on an approval button amounts to. */
export type ClaimResult =
  | { readonly kind: 'accepted'; readonly approval: PendingApproval }
  | { readonly kind: 'not-yours' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'decided'; readonly decision: ApprovalDecision };

/** How many approvals are remembered at most (oldest dropped first). */
const MAX_PENDING = 500;

/**
 * The approvals an account has shown, by id: who may decide each, until when, and whether it was
 * decided. Expiry is checked on each click, so there are no timers to clean up. Kept in memory: after
 * a restart a click on an older prompt counts as expired (the host's own text command still works).
 */
export class PendingApprovals {
  private readonly pending = new Map<string, PendingApproval & { decided?: ApprovalDecision }>();

  /** @param now - The current time in epoch ms. */
  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers a shown approval; a repeat of the same id (shown again) keeps a decision already taken. */
  add(approval: PendingApproval): void {
    const decided = this.pending.get(approval.approvalId)?.decided;
    this.pending.delete(approval.approvalId);
    this.pending.set(approval.approvalId, decided !== undefined ? { ...approval, decided } : approval);
    const at = this.now();
    for (const [id, entry] of this.pending) {
      if (this.pending.size <= MAX_PENDING && entry.expiresAt > at) break;
      this.pending.delete(id);
    }
  }

  /**
   * Decides a click: accepted (and marked decided) for an allowed user in the approval's chat before
   * it expires; otherwise why not. A second click after a decision is `decided`.
   */
  claim(approvalId: string, decision: ApprovalDecision, clicker: { target: MessageTarget; userOpenid: string }): ClaimResult {
    const entry = this.pending.get(approvalId);
    if (entry === undefined || targetKey(entry.target) !== targetKey(clicker.target)) return { kind: 'expired' };
    if (!entry.allowed.includes(clicker.userOpenid.toUpperCase())) return { kind: 'not-yours' };
    if (entry.decided !== undefined) return { kind: 'decided', decision: entry.decided };
    if (this.now() >= entry.expiresAt) return { kind: 'expired' };
    if (!entry.decisions.includes(decision)) return { kind: 'expired' };
    entry.decided = decision;
    return { kind: 'accepted', approval: entry };
  }

  /** Ends an approval the host reports resolved or expired elsewhere: later clicks count as expired. */
  close(approvalId: string): void {
    const entry = this.pending.get(approvalId);
    if (entry !== undefined && entry.decided === undefined) this.pending.set(approvalId, { ...entry, expiresAt: 0 });
  }

  /** Forgets the decision (the host could not take it), so the buttons can be pressed again. */
  release(approvalId: string): void {
    const entry = this.pending.get(approvalId);
    if (entry !== undefined) delete entry.decided;
  }
}
