import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT, VERSION } from '../src/index.js';

describe('version', () => {
  it('exposes the injected package version', () => {
    expect(VERSION).toBe('0.0.0-test');
  });

  it('names the SDK version and the Node.js version in the user agent', () => {
    expect(DEFAULT_USER_AGENT).toContain(`qq-sdk/${VERSION}`);
    expect(DEFAULT_USER_AGENT).toContain(`Node.js/${process.versions.node}`);
  });
});
