import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/index.js';
import { DEFAULT_USER_AGENT } from '../src/entries/rest.js';

describe('version', () => {
  it('exposes the injected package version', () => {
    expect(VERSION).toBe('0.0.0-test');
  });

  it('names the SDK version and the Node.js version in the user agent', () => {
    expect(DEFAULT_USER_AGENT).toContain(`qq-sdk/${VERSION}`);
    expect(DEFAULT_USER_AGENT).toContain(`Node.js/${process.versions.node}`);
  });
});
