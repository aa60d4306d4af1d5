import { describe, expect, it } from 'vitest';
import { EventTimestamp } from '../../src/entries/events.js';
import { findLoss, NumberLiteral, parseLossless } from './lossless.js';

// The corpus test is only as strict as this comparison: it must notice every kind of loss.
describe('conformance helpers: lossless comparison', () => {
  it('keeps number literals exactly, and reads strings as JSON.parse does', () => {
    const value = parseLossless('{ "id": 47129941624960822, "n": -1.5e3, "s": "a\\u0026b\\n", "l": [true, null] }');
    expect(value).toEqual({
      id: new NumberLiteral('47129941624960822'),
      n: new NumberLiteral('-1.5e3'),
      s: 'a&b\n',
      l: [true, null],
    });
    expect(() => parseLossless('{"a": 1,}')).toThrow(SyntaxError);
    expect(() => parseLossless('{"a": 1} x')).toThrow(SyntaxError);
  });

  it('accepts an identical payload, added keys, and timestamps that became EventTimestamps with the original raw', () => {
    const published = parseLossless('{"id":"m1","timestamp":"2023-11-06T13:37:18+08:00","at":1699240248,"tags":["x"]}');
    const received = {
      id: 'm1',
      timestamp: new EventTimestamp('2023-11-06T13:37:18+08:00'),
      at: new EventTimestamp(1699240248),
      tags: ['x'],
      added: 'by the SDK',
    };
    expect(findLoss(published, received)).toEqual([]);
  });

  it('reports missing keys, changed values, changed types and lost digits', () => {
    const published = parseLossless('{"a":"1","b":{"c":true},"d":[1,2],"e":47129941624960822,"f":"2023-11-06T13:37:18+08:00","g":null,"h":7}');
    const received = {
      a: 1,
      b: {},
      d: [1],
      e: JSON.parse('47129941624960822') as number,
      f: new EventTimestamp('2023-11-06T13:37:18+08:00Z'),
      g: undefined,
    };
    expect(findLoss(published, received)).toEqual([
      'd.a: published "1", received 1 (a number)',
      'd.b.c: missing (published true)',
      'd.d: published 2 items, received 1',
      'd.e: published 47129941624960822, received 47129941624960824 (a number)',
      'd.f: published "2023-11-06T13:37:18+08:00", received EventTimestamp(raw="2023-11-06T13:37:18+08:00Z")',
      'd.g: published null, received undefined',
      'd.h: missing (published 7 (a number))',
    ]);
  });
});
