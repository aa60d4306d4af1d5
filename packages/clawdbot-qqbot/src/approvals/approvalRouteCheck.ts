import type { HostConfig } from '../host/HostTypes.js';

/** The first OpenClaw line that finds the session of a direct-message approval with `session.dmScope` "main". */
const FIRST_FIXED_HOST = [2026, 9] as const;

/** Whether `version` (`2026.7.35`) is an OpenClaw release before 2026.9; `false` when unknown. */
export function isHostBefore2026_9(version: string | undefined): boolean {
  const match = /^(\d+)\.(\d+)\./.exec(version?.trim() ?? '');
  if (!match) return false;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return year < FIRST_FIXED_HOST[0] || (year === FIRST_FIXED_HOST[0] && month < FIRST_FIXED_HOST[1]);
}

/** The part of the host config this check reads (`session.dmScope`, `approvals.exec`). */
interface RouteConfig {
  readonly session?: { readonly dmScope?: unknown };
  readonly approvals?: { readonly exec?: { readonly enabled?: unknown; readonly mode?: unknown } };
}

/**
 * Why exec approval prompts asked in QQ direct messages cannot reach the chat on this host, or
 * `undefined` when nothing stands in the way.
 *
 * OpenClaw 2026.7 forwards a prompt (`approvals.exec`, mode "session" or "both") only to the chat of
 * the session stored under the approval's session key (resolveExecApprovalSessionTarget). The exec
 * tool files the approval under its runtime-policy key (resolveRuntimePolicySessionKey), which
 * for a direct message in a shared main session (`session.dmScope` "main", the default) is a
 * per-sender key no session is stored under: the prompt goes nowhere and the tool waits until
 * it times out. With a per-sender `dmScope` both keys are the session's own. Group chats are not
 * affected (their session key is already per group); OpenClaw 2026.9.6 delivers DM prompts with
 * the default scope (e2e).
 *
 * @param hostVersion - `api.runtime.version`.
 * @param enabled - Whether this account shows approvals as buttons (`execApprovals.enabled`).
 */
export function dmApprovalRouteProblem(params: {
  readonly cfg: HostConfig;
  readonly hostVersion: string | undefined;
  readonly enabled: boolean;
}): string | undefined {
  if (!params.enabled || !isHostBefore2026_9(params.hostVersion)) return undefined;
  const cfg = params.cfg as RouteConfig;
  const forwarding = cfg.approvals?.exec;
  const mode = forwarding?.mode ?? 'session';
  if (forwarding?.enabled !== true || (mode !== 'session' && mode !== 'both')) return undefined;
  const dmScope = cfg.session?.dmScope ?? 'main';
  if (dmScope !== 'main') return undefined;
  return (
    `OpenClaw ${params.hostVersion} does not deliver exec approval prompts to QQ direct messages while session.dmScope is "main" ` +
    '(the approval is filed under a per-sender key no session is stored under); set session.dmScope to "per-channel-peer" ' +
    'to get the approval buttons in direct messages (group chats get them either way), or approve from the Web UI or the terminal UI'
  );
}
