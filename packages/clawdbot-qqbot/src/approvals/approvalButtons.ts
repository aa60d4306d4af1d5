import { messages, type KeyboardButton, type KeyboardSpec } from 'qq-sdk';
import type { ApprovalDecision, ExecApprovalPrompt } from './execApprovalPrompt.js';

const PREFIX = 'qqbot:approve:';
const CODE: Record<ApprovalDecision, string> = { 'allow-once': 'o', 'allow-always': 'a', deny: 'd' };
const LABEL: Record<ApprovalDecision, { label: string; visited: string }> = {
  'allow-once': { label: '允许一次', visited: '已允许一次' },
  'allow-always': { label: '总是允许', visited: '已总是允许' },
  deny: { label: '拒绝', visited: '已拒绝' },
};

/** A click on one of the approval buttons: which approval, which decision. */
export interface ApprovalButtonData {
  /** The host's approval id. */
  readonly approvalId: string;
  /** The decision the button stands for. */
  readonly decision: ApprovalDecision;
}

/** The callback data of a button: short, since QQ echoes it back in `resolved.button_data`. */
export function encodeButtonData(data: ApprovalButtonData): string {
  return `${PREFIX}${CODE[data.decision]}:${data.approvalId}`;
}

/** Reads a button's callback data; `undefined` for buttons that are not approval buttons. */
export function parseButtonData(raw: string | undefined): ApprovalButtonData | undefined {
  if (raw === undefined || !raw.startsWith(PREFIX)) return undefined;
  const rest = raw.slice(PREFIX.length);
  const decision = (Object.keys(CODE) as ApprovalDecision[]).find((key) => rest.startsWith(`${CODE[key]}:`));
  const approvalId = rest.slice(2);
  return decision !== undefined && approvalId.length > 0 ? { approvalId, decision } : undefined;
}

/**
 * The inline keyboard for an approval: one callback button per decision the host offers, in one
 * row. `allowed` limits who may press (QQ greys the buttons out for everyone else in a group); the
 * click is checked again when it arrives, since older clients ignore the permission.
 */
export function approvalKeyboard(prompt: ExecApprovalPrompt, allowed: readonly string[] | undefined): KeyboardSpec {
  const buttons: KeyboardButton[] = prompt.decisions.map((decision) => ({
    id: CODE[decision],
    label: LABEL[decision].label,
    visitedLabel: LABEL[decision].visited,
    style: decision === 'deny' ? 0 : 1,
    action: { type: 'callback', data: encodeButtonData({ approvalId: prompt.approvalId, decision }) },
    ...(allowed !== undefined && allowed.length > 0 ? { permission: { userIds: allowed } } : {}),
  }));
  return messages.keyboard([buttons]);
}
