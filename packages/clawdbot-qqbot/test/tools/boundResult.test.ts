import { describe, expect, it } from 'vitest';
import { MAX_RESULT_CHARS, resultText, sanitize } from '../../src/tools/boundResult.js';

describe('qqbot_api result bounds', () => {
  it('drops credential-like keys at any depth and cuts lists to the limit', () => {
    const value = { id: '1', access_token: 'x', nested: [{ clientSecret: 'y', name: 'a' }, { name: 'b' }, { name: 'c' }] };
    expect(sanitize(value, 2)).toEqual({ id: '1', nested: [{ name: 'a' }, { name: 'b' }] });
  });

  it('cuts the text the model reads and says so', () => {
    const text = resultText({ big: 'x'.repeat(MAX_RESULT_CHARS * 2) });
    expect(text.length).toBeLessThan(MAX_RESULT_CHARS + 200);
    expect(text).toMatch(/cut at 8000 characters/);
  });
});
