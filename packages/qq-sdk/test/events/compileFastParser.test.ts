import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventTimestamp } from '../../src/events/EventTimestamp.js';
import { EventSchemas, EVENT_TYPES } from '../../src/events/EventSchemas.js';
import { eventFixtures } from '../../src/events/fixtures/index.js';
import { compileFastParser, MISMATCH } from '../../src/events/internal/compileFastParser.js';

// Timestamps compared by value and raw, everything else structurally.
function normalize(value: unknown): unknown {
  if (value instanceof EventTimestamp) return { $ts: value.getTime(), raw: value.raw };
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

// Every path to a value inside `root`.
function paths(root: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof root !== 'object' || root === null) return [];
  return Object.entries(root).flatMap(([key, value]) => {
    const path = [...prefix, Array.isArray(root) ? Number(key) : key];
    return [path, ...paths(value, path)];
  });
}

function withValue(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) delete target[last];
  else target[last] = value;
  return copy;
}

const REPLACEMENTS: unknown[] = [null, 123, 1.5, '', '文本', true, {}, [], [1], { x: 1 }, '2026-07-21T10:00:00+08:00'];

function expectAgreement(schema: z.ZodType, input: unknown): void {
  expectAgreementWith(schema, input);
}

function expectAgreementWith(schema: z.ZodType, input: unknown): void {
  const fast = compileFastParser(schema);
  expect(fast, 'every event schema compiles').toBeDefined();
  const zod = schema.safeParse(input);
  const parsed = fast!(input);
  if (zod.success) {
    expect(parsed, `fast parser rejected valid input ${JSON.stringify(input)}`).not.toBe(MISMATCH);
    expect(normalize(parsed)).toEqual(normalize(zod.data));
  } else {
    expect(parsed, `fast parser accepted invalid input ${JSON.stringify(input)}`).toBe(MISMATCH);
  }
}

describe('compileFastParser agrees with zod', () => {
  it.each(EVENT_TYPES)('%s: fixture and every single-field corruption', (type) => {
    const schema = EventSchemas[type] as z.ZodType;
    const data = eventFixtures[type].d;
    expectAgreement(schema, data);
    let cases = 0;
    for (const path of paths(data)) {
      expectAgreement(schema, withValue(data, path, undefined, true));
      for (const replacement of REPLACEMENTS) {
        expectAgreement(schema, withValue(data, path, replacement, false));
        cases++;
      }
    }
    expect(cases).toBeGreaterThanOrEqual(paths(data).length * REPLACEMENTS.length);
  });

  it('handles non-object payloads and an own __proto__ key like zod', () => {
    const schema = EventSchemas.GROUP_AT_MESSAGE_CREATE as z.ZodType;
    for (const input of [null, undefined, 'x', 1, [], [eventFixtures.GROUP_AT_MESSAGE_CREATE.d]]) expectAgreement(schema, input);
    const polluted = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(eventFixtures.GROUP_AT_MESSAGE_CREATE.d).slice(1)}`) as unknown;
    expect(compileFastParser(schema)!(polluted)).toBe(MISMATCH);
  });

  it('fills defaults and converts nested timestamps without touching the input', () => {
    const schema = EventSchemas.MESSAGE_CREATE as z.ZodType;
    const input = structuredClone(eventFixtures.MESSAGE_CREATE.d) as Record<string, unknown>;
    delete input['content'];
    const before = JSON.stringify(input);
    const parsed = compileFastParser(schema)!(input) as { content: string; member: { joined_at: unknown } };
    expect(parsed.content).toBe('');
    expect(parsed.member.joined_at).toBeInstanceOf(EventTimestamp);
    expect(JSON.stringify(input)).toBe(before);
    expect(input['member']).not.toBe(parsed.member);
  });

  it('declines constructs it does not mirror, so zod handles them', () => {
    expect(compileFastParser(z.object({ a: z.string() }))).toBeUndefined();
    expect(compileFastParser(z.looseObject({ a: z.string().min(2) }))).toBeUndefined();
    expect(compileFastParser(z.looseObject({ a: z.literal('x') }))).toBeUndefined();
    expect(compileFastParser(z.looseObject({ a: z.string().transform((s) => s.length) }))).toBeUndefined();
  });
});
