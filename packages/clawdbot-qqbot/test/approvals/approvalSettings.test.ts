import { describe, expect, it } from 'vitest';
import { approvalSettings } from '../../src/approvals/approvalSettings.js';
import { QQBotChannelConfigSchema } from '../../src/index.js';

describe('who may approve', () => {
  it('execApprovals.approvers and the senders listed in allowFrom (where OpenClaw 2026.9 moves the approvers when it deletes execApprovals)', () => {
    const before = QQBotChannelConfigSchema.parse({ allowFrom: ['openclaw:approval-disabled'], execApprovals: { approvers: ['qqbot:c2c:abc123'] } });
    expect(approvalSettings(before)).toEqual({ enabled: true, approvers: ['ABC123'] });
    const migrated = QQBotChannelConfigSchema.parse({ allowFrom: ['ABC123', 'DEF456'] });
    expect(approvalSettings(migrated)).toEqual({ enabled: true, approvers: ['ABC123', 'DEF456'] });
    expect(approvalSettings(QQBotChannelConfigSchema.parse({ execApprovals: { enabled: false } })).enabled).toBe(false);
  });
});
