import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import type { HostConfig } from '../host/HostTypes.js';
import { approvalSettings } from './approvalSettings.js';

/** `{ kind }` as the host's `ChannelActionAvailabilityState`. */
export type ApprovalAvailability = { readonly kind: 'enabled' } | { readonly kind: 'disabled' };

/** The host's `approvalCapability` facts this plugin supplies (OpenClaw 2026.7.35 and 2026.9.6). */
export interface QQBotApprovalCapability {
  /**
   * Whether exec approvals can be answered in a QQ chat: the host asks before it sends its prompt,
   * and with `disabled` sends "native chat exec approvals are not configured" instead.
   */
  getExecInitiatingSurfaceState(params: { cfg: HostConfig; accountId?: string | null }): ApprovalAvailability;
}

/**
 * The plugin's `approvalCapability`. No `native` runtime: the host's own prompt (with
 * `channelData.execApproval`) reaches the chat through the reply path or, forwarded by
 * `approvals.exec`, through `outbound.sendPayload` on both host versions; the plugin adds the
 * buttons there, and clicks come back as `/approve` (see ExecApprovals).
 */
export function approvalCapability(accountConfig: (cfg: HostConfig, accountId?: string | null) => QQBotAccountConfig): QQBotApprovalCapability {
  return {
    getExecInitiatingSurfaceState: ({ cfg, accountId }) => ({ kind: approvalSettings(accountConfig(cfg, accountId)).enabled ? 'enabled' : 'disabled' }),
  };
}
