import { describe, expect, it } from 'vitest';
import { GATEWAY_CLOSE_CODES, resolveCloseCode } from '../../src/gateway/index.js';

describe('close-code policy', () => {
  it.each([4004, 4005, 4008, 4009, 1000, 1001, 1006, 1011])('resumes after %i', (code) => {
    expect(resolveCloseCode(code).action).toBe('resume');
  });

  it.each([4006, 4007, 4900, 4905, 4913, 4999])('identifies again after %i', (code) => {
    expect(resolveCloseCode(code).action).toBe('identify');
  });

  it.each([4001, 4002, 4010, 4011, 4012, 4013, 4014, 4914, 4915])('never retries %i', (code) => {
    const rule = resolveCloseCode(code);
    expect(rule.action).toBe('fatal');
    expect(rule.reason).toBeTypeOf('string');
    expect(rule.remedy).toBeTypeOf('string');
  });

  it('asks to slow down after 4008', () => {
    expect(resolveCloseCode(4008).minDelayMs).toBeGreaterThan(0);
  });

  it('names each fatal cause distinctly', () => {
    const reasons = Object.values(GATEWAY_CLOSE_CODES)
      .filter((rule) => rule.action === 'fatal')
      .map((rule) => rule.reason);
    expect(new Set(reasons).size).toBe(reasons.length);
  });
});
