import { describe, expect, it } from 'vitest';
import { parsePlatformJson } from '../../src/internal/parsePlatformJson.js';

describe('parsePlatformJson', () => {
  it('keeps integers beyond 2^53 exact, as decimal strings', () => {
    expect(parsePlatformJson('{"guild_id":144115218182563108,"list":[47129941624960822, -9007199254740993]}')).toEqual({
      guild_id: '144115218182563108',
      list: ['47129941624960822', '-9007199254740993'],
    });
  });

  it('leaves safe numbers, floats and digits inside strings alone', () => {
    const text = '{"a":9007199254740991,"b":1.5e300,"c":"x,12345678901234567890,y","d":"\\"12345678901234567890","t":1784599200}';
    expect(parsePlatformJson(text)).toEqual(JSON.parse(text));
  });

  it('finds an unsafe integer at the top level and deep inside arrays of objects', () => {
    expect(parsePlatformJson('144115218182563108')).toBe('144115218182563108');
    expect(parsePlatformJson('{"d":{"list":[{"x":1},{"y":[2,{"z":-144115218182563108}]}]}}')).toEqual({
      d: { list: [{ x: 1 }, { y: [2, { z: '-144115218182563108' }] }] },
    });
  });

  it('parses deeply nested text without overflowing the stack', () => {
    const depth = 100_000;
    const text = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    // A recursive walk of the parsed value would throw RangeError here; JSON.parse itself does not.
    const parsed = parsePlatformJson(text) as unknown[];
    expect(Array.isArray(parsed) && Array.isArray(parsed[0])).toBe(true);
  });

  it('throws like JSON.parse on text that is not JSON', () => {
    expect(() => parsePlatformJson('{"a":12345678901234567890')).toThrow(SyntaxError);
    expect(() => parsePlatformJson('nope')).toThrow(SyntaxError);
  });
});
