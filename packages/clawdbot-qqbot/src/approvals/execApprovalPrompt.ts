import * as z from '../config/zod.js';
import type { HostReplyPayload } from '../host/HostTypes.js';

/** A decision the host accepts for an exec approval (`/approve <id> <decision>`). */
export type ApprovalDecision = 'allow-once' | 'allow-always' | 'deny';

/** Every decision, in the order the buttons show them. */
export const APPROVAL_DECISIONS: readonly ApprovalDecision[] = ['allow-once', 'allow-always', 'deny'];

/** An exec approval the host asked the chat to present. */
export interface ExecApprovalPrompt {
  /** The host's approval id (what `/approve` takes). */
  readonly approvalId: string;
  /** The decisions the host offers (the policy may rule out `allow-always`). */
  readonly decisions: readonly ApprovalDecision[];
  /** How long the host waits for a decision, in ms, when its text says so. */
  readonly expiresInMs?: number;
}

// OpenClaw 2026.7.35 and 2026.9.6 both mark the pending prompt with `channelData.execApproval`
// (buildExecApprovalPendingReplyPayload); plugin approvals carry approvalKind "plugin" and are left
// to the host's text.
const ExecApprovalDataSchema = z
  .object({
    approvalId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/),
    approvalKind: z.string().optional(),
    allowedDecisions: z.array(z.string()).optional(),
    // 2026.9 marks the follow-up of a forwarded prompt with state "resolved" (no controls).
    state: z.string().optional(),
  })
  .loose();

/** `Expires in: 29m 59s` / `1h 5m` / `45s`, as the host formats it (formatExecApprovalExpiresIn). */
const EXPIRES_LINE = /^Expires in:\s*((?:\d+[hms]\s*)+)$/mu;

/** Reads the host's "Expires in" line, in ms. */
export function expiresInMs(text: string | undefined): number | undefined {
  const match = text?.match(EXPIRES_LINE);
  if (!match?.[1]) return undefined;
  const unit = { h: 3_600_000, m: 60_000, s: 1_000 } as const;
  let total = 0;
  for (const part of match[1].matchAll(/(\d+)([hms])/gu)) total += Number(part[1]) * unit[part[2] as keyof typeof unit];
  return total > 0 ? total : undefined;
}

/** The id of an approval a payload reports as no longer pending (`state` other than "pending"). */
export function readClosedApproval(payload: HostReplyPayload): string | undefined {
  const parsed = ExecApprovalDataSchema.safeParse(payload.channelData?.['execApproval']);
  return parsed.success && parsed.data.state !== undefined && parsed.data.state !== 'pending' ? parsed.data.approvalId : undefined;
}

/** The exec approval a reply payload asks for, if it is one (zod-checked: it comes from the host). */
export function readExecApproval(payload: HostReplyPayload): ExecApprovalPrompt | undefined {
  const data = payload.channelData?.['execApproval'];
  const parsed = ExecApprovalDataSchema.safeParse(data);
  if (!parsed.success || (parsed.data.approvalKind !== undefined && parsed.data.approvalKind !== 'exec')) return undefined;
  if (parsed.data.state !== undefined && parsed.data.state !== 'pending') return undefined;
  const offered = parsed.data.allowedDecisions;
  const decisions = offered === undefined ? APPROVAL_DECISIONS : APPROVAL_DECISIONS.filter((decision) => offered.includes(decision));
  if (decisions.length === 0) return undefined;
  const expires = expiresInMs(payload.text);
  return { approvalId: parsed.data.approvalId, decisions, ...(expires !== undefined ? { expiresInMs: expires } : {}) };
}
