import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, parseAppCredentials } from '../../src/index.js';

describe('parseAppCredentials', () => {
  it('splits AppID and AppSecret at the first colon', () => {
    expect(parseAppCredentials('102000000:abc:def')).toEqual({ appId: '102000000', clientSecret: 'abc:def' });
  });

  it.each([
    ['102000000', /no ":" found/],
    ['abc:secret', /AppID part/],
    ['102000000:', /AppSecret part is empty/],
  ])('rejects %s with a message naming the bad part', (token, message) => {
    expect(() => parseAppCredentials(token)).toThrow(message);
  });

  it('never echoes the secret in its errors', () => {
    const secret = 'SuperSecretValue123';
    let caught: unknown;
    try {
      parseAppCredentials(`app:${secret}`);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TypeError);
    expect(String(caught)).not.toContain(secret);
  });

  it('registers the qqbot channel id', () => {
    expect(CHANNEL_ID).toBe('qqbot');
  });
});
