import { EventTimestamp } from '../../src/entries/events.js';

/** A JSON number exactly as written in the source text (so ids beyond 2^53 keep every digit). */
export class NumberLiteral {
  constructor(readonly text: string) {}
}

/** A JSON value read without loss: numbers stay {@link NumberLiteral}s. */
export type LosslessValue = null | boolean | string | NumberLiteral | LosslessValue[] | { [key: string]: LosslessValue };

/**
 * Parses JSON text keeping every number's literal. Strings and structure are read with
 * `JSON.parse` piece by piece, so escapes behave exactly as in `JSON.parse`.
 */
export function parseLossless(text: string): LosslessValue {
  let at = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`parseLossless: ${what} at offset ${at}`);
  };
  const skip = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const value = (): LosslessValue => {
    skip();
    const char = text[at];
    if (char === '{') {
      at++;
      const object: { [key: string]: LosslessValue } = {};
      skip();
      if (text[at] === '}') {
        at++;
        return object;
      }
      for (;;) {
        skip();
        if (text[at] !== '"') fail('expected a key');
        const key = string();
        skip();
        if (text[at] !== ':') fail('expected ":"');
        at++;
        if (Object.hasOwn(object, key)) fail(`duplicate key ${key}`);
        object[key] = value();
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === '}') {
          at++;
          return object;
        }
        fail('expected "," or "}"');
      }
    }
    if (char === '[') {
      at++;
      const array: LosslessValue[] = [];
      skip();
      if (text[at] === ']') {
        at++;
        return array;
      }
      for (;;) {
        array.push(value());
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ']') {
          at++;
          return array;
        }
        fail('expected "," or "]"');
      }
    }
    if (char === '"') return string();
    const literal = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/u.exec(text.slice(at));
    if (literal) {
      at += literal[0].length;
      return new NumberLiteral(literal[0]);
    }
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return result;
      }
    }
    return fail('unexpected character');
  };
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const result = value();
  skip();
  if (at !== text.length) fail('trailing text');
  return result;
}

function sameNumber(literal: string, value: unknown): boolean {
  // Ids published as JSON numbers arrive as their exact decimal strings (the SDK types ids as strings).
  if (typeof value === 'string') return /^-?\d+$/u.test(literal) && value === literal;
  if (typeof value !== 'number') return false;
  if (/^-?\d+$/u.test(literal)) return Number.isInteger(value) && BigInt(literal) === BigInt(value);
  return Number(literal) === value;
}

function describe(value: unknown): string {
  if (value instanceof EventTimestamp) return `EventTimestamp(raw=${JSON.stringify(value.raw)})`;
  if (typeof value === 'number') return `${value} (a number)`;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Every key and value of `original` (as published) that is missing or changed in `received` (what
 * the SDK handed a handler), one line each. Known transforms are accepted: a timestamp may arrive as
 * an {@link EventTimestamp} whose `raw` equals the original value. Keys the SDK adds are not loss.
 */
export function findLoss(original: LosslessValue, received: unknown, path = 'd'): string[] {
  if (original instanceof NumberLiteral) {
    const actual = received instanceof EventTimestamp ? received.raw : received;
    return sameNumber(original.text, actual) ? [] : [`${path}: published ${original.text}, received ${describe(received)}`];
  }
  if (original === null || typeof original === 'boolean' || typeof original === 'string') {
    if (received === original) return [];
    if (typeof original === 'string' && received instanceof EventTimestamp && received.raw === original) return [];
    return [`${path}: published ${JSON.stringify(original)}, received ${describe(received)}`];
  }
  if (Array.isArray(original)) {
    if (!Array.isArray(received)) return [`${path}: published an array, received ${describe(received)}`];
    if (received.length !== original.length) {
      return [`${path}: published ${original.length} items, received ${received.length}`];
    }
    return original.flatMap((item, index) => findLoss(item, received[index], `${path}[${index}]`));
  }
  if (typeof received !== 'object' || received === null || Array.isArray(received) || received instanceof Date) {
    return [`${path}: published an object, received ${describe(received)}`];
  }
  const target = received as Record<string, unknown>;
  return Object.entries(original).flatMap(([key, value]) =>
    key in target ? findLoss(value, target[key], `${path}.${key}`) : [`${path}.${key}: missing (published ${describe(toPlain(value))})`],
  );
}

/** The value as `JSON.parse` would give it (for messages). */
export function toPlain(value: LosslessValue): unknown {
  if (value instanceof NumberLiteral) return Number(value.text);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  }
  return value;
}
