import { describe, expect, it } from 'vitest';
import { dmApprovalRouteProblem, isHostBefore2026_9 } from '../../src/approvals/approvalRouteCheck.js';

const forwarding = { approvals: { exec: { enabled: true } } };

describe('the 2026.7 direct-message approval route check', () => {
  it('reads OpenClaw versions: 2026.7.x is older than 2026.9, later lines and unknown versions are not', () => {
    expect(isHostBefore2026_9('2026.7.35')).toBe(true);
    expect(isHostBefore2026_9('2025.12.1')).toBe(true);
    expect(isHostBefore2026_9('2026.9.6')).toBe(false);
    expect(isHostBefore2026_9('2026.10.0')).toBe(false);
    expect(isHostBefore2026_9('2027.1.2')).toBe(false);
    expect(isHostBefore2026_9(undefined)).toBe(false);
    expect(isHostBefore2026_9('dev')).toBe(false);
  });

  it('warns on 2026.7.35 with forwarding on and DMs in the main session, naming the setting that fixes it', () => {
    const problem = dmApprovalRouteProblem({ cfg: forwarding, hostVersion: '2026.7.35', enabled: true });
    expect(problem).toContain('OpenClaw 2026.7.35');
    expect(problem).toContain('session.dmScope to "per-channel-peer"');
    expect(dmApprovalRouteProblem({ cfg: { ...forwarding, session: { dmScope: 'main' } }, hostVersion: '2026.7.35', enabled: true })).toBe(problem);
    expect(dmApprovalRouteProblem({ cfg: { approvals: { exec: { enabled: true, mode: 'both' } } }, hostVersion: '2026.7.35', enabled: true })).toBe(problem);
  });

  it('stays quiet when DMs have their own sessions, on 2026.9, without forwarding to sessions, or with QQ approvals off', () => {
    for (const dmScope of ['per-peer', 'per-channel-peer', 'per-account-channel-peer']) {
      expect(dmApprovalRouteProblem({ cfg: { ...forwarding, session: { dmScope } }, hostVersion: '2026.7.35', enabled: true })).toBeUndefined();
    }
    expect(dmApprovalRouteProblem({ cfg: forwarding, hostVersion: '2026.9.6', enabled: true })).toBeUndefined();
    expect(dmApprovalRouteProblem({ cfg: forwarding, hostVersion: undefined, enabled: true })).toBeUndefined();
    expect(dmApprovalRouteProblem({ cfg: {}, hostVersion: '2026.7.35', enabled: true })).toBeUndefined();
    expect(
      dmApprovalRouteProblem({ cfg: { approvals: { exec: { enabled: true, mode: 'targets' } } }, hostVersion: '2026.7.35', enabled: true }),
    ).toBeUndefined();
    expect(dmApprovalRouteProblem({ cfg: forwarding, hostVersion: '2026.7.35', enabled: false })).toBeUndefined();
  });
});
