import { APPROVAL_DISABLED_ENTRY, type QQBotAccountConfig } from '../config/QQBotConfigSchema.js';

/** The host's default exec approval timeout (DEFAULT_EXEC_APPROVAL_TIMEOUT_MS in 2026.7 and 2026.9). */
export const HOST_APPROVAL_TIMEOUT_MS = 30 * 60_000;

/** An account's `execApprovals`, resolved. */
export interface ApprovalSettings {
  /** Whether approvals are shown as QQ buttons (default true). */
  readonly enabled: boolean;
  /** Openids that may press besides the requester (upper-cased, as QQ sends them). */
  readonly approvers: readonly string[];
}

/**
 * Resolves `execApprovals`: enabled unless `enabled: false`; approvers trimmed and upper-cased.
 * The senders listed in `allowFrom` may approve too, as with the official plugin; OpenClaw
 * 2026.9's config migration deletes `execApprovals` and moves its approvers there.
 */
export function approvalSettings(config: QQBotAccountConfig): ApprovalSettings {
  const section = config.execApprovals;
  const listed = (config.allowFrom ?? []).filter((entry) => entry !== APPROVAL_DISABLED_ENTRY);
  const approvers = [
    ...new Set(
      [...(section?.approvers ?? []), ...listed]
        .map((entry) =>
          entry
            .trim()
            .replace(/^qqbot:(user:|c2c:)?/i, '')
            .toUpperCase(),
        )
        .filter((entry) => entry.length > 0),
    ),
  ];
  return { enabled: section?.enabled !== false, approvers };
}
