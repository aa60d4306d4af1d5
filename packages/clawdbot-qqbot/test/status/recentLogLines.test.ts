import { describe, expect, it } from 'vitest';
import { RecentLogLines } from '../../src/status/RecentLogLines.js';
import { toHostLogger } from '../../src/status/toHostLogger.js';

describe('the recent warnings and errors /bot-logs shows', () => {
  it('keeps the newest lines up to its capacity, stamped and cut to length', () => {
    const recent = new RecentLogLines(3, 40);
    for (let n = 1; n <= 5; n++) recent.add(n % 2 === 0 ? 'error' : 'warn', `line ${n}`, Date.UTC(2026, 11, 3, 8, 0, n));
    expect(recent.newest(10)).toEqual(['08:00:03 WARN line 3', '08:00:04 ERROR line 4', '08:00:05 WARN line 5']);
    expect(recent.newest(1)).toEqual(['08:00:05 WARN line 5']);
    recent.add('warn', 'x'.repeat(100), Date.UTC(2026, 11, 3, 8, 0, 6));
    expect(recent.newest(1)[0]).toHaveLength(40);
    expect(recent.newest(1)[0]?.endsWith('…')).toBe(true);
  });

  it('the account logger keeps warnings and errors, redacted, even when the host gives no log sink; not debug or info', () => {
    const recent = new RecentLogLines();
    const logger = toHostLogger(undefined, '[qqbot:default]', ['s3cr3t-value'], { lines: recent, now: () => Date.UTC(2026, 11, 3, 9, 30, 0) });
    logger.debug('debug line');
    logger.info('info line');
    logger.warn('token refused', { body: 'secret s3cr3t-value leaked' });
    logger.error('connection error');
    expect(recent.newest(10)).toEqual(['09:30:00 WARN token refused {"body":"secret [redacted] leaked"}', '09:30:00 ERROR connection error']);
  });
});
