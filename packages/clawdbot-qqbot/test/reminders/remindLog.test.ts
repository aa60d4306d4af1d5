import { describe, expect, it } from 'vitest';
import { logReminderRun, platformCode } from '../../src/reminders/logReminderRun.js';
import { reminderDescription } from '../../src/reminders/reminderJob.js';

function recorder() {
  const lines: Array<[string, string]> = [];
  return { lines, log: { info: (m: string) => void lines.push(['info', m]), warn: (m: string) => void lines.push(['warn', m]) } };
}

const job = { id: 'job-7', name: 'QQ reminder: 开会', description: reminderDescription({ accountId: 'default', conversation: 'qqbot:group:C9F1AB22' }) };

describe('reminder runs are logged (cron_changed)', () => {
  it('a delivery QQ refused is a warning naming the chat, the platform code and the reason', () => {
    const { lines, log } = recorder();
    logReminderRun(
      {
        action: 'finished',
        jobId: 'job-7',
        job,
        status: 'ok',
        deliveryStatus: 'not-delivered',
        deliveryError:
          'POST /v2/groups/{group_openid}/messages failed with HTTP 200 code 40034102 "主动消息失败, 无权限": the group or user turned off active messages',
      },
      log,
    );
    expect(lines).toHaveLength(1);
    const [level, line] = lines[0]!;
    expect(level).toBe('warn');
    expect(line).toContain('reminder "QQ reminder: 开会" (job job-7) was NOT delivered to qqbot:group:C9F1AB22 (account default)');
    expect(line).toContain('QQ code 40034102');
    expect(line).toContain('主动消息失败, 无权限');
    expect(line).toContain('lacks active-message permission');
  });

  it('a failed run (no delivery attempted) is a warning too; a delivered one is an info line', () => {
    const { lines, log } = recorder();
    logReminderRun({ action: 'finished', jobId: 'job-7', job, status: 'error', error: 'model timed out' }, log);
    logReminderRun({ action: 'finished', jobId: 'job-7', job, status: 'ok', deliveryStatus: 'delivered' }, log);
    expect(lines[0]).toEqual(['warn', expect.stringContaining('was NOT delivered') as unknown as string]);
    expect(lines[0]![1]).toContain('model timed out');
    expect(lines[1]).toEqual(['info', 'qqbot: reminder "QQ reminder: 开会" (job job-7) delivered to qqbot:group:C9F1AB22 (account default)']);
  });

  it('other jobs and other lifecycle events are ignored', () => {
    const { lines, log } = recorder();
    logReminderRun(
      {
        action: 'finished',
        jobId: 'x',
        job: { id: 'x', name: 'Morning brief', description: 'summaries' },
        deliveryStatus: 'not-delivered',
        deliveryError: 'code 40034102',
      },
      log,
    );
    logReminderRun({ action: 'added', jobId: 'job-7', job }, log);
    logReminderRun({ action: 'finished', jobId: 'job-7' }, log);
    expect(lines).toEqual([]);
  });

  it('finds the QQ platform code in an error text', () => {
    expect(platformCode('failed with HTTP 400 code 22009 "reply msg exceed limit"')).toBe('22009');
    expect(platformCode('timed out')).toBeUndefined();
  });
});
