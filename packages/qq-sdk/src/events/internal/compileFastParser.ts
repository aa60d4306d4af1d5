import type * as z from '../../internal/zod.js';
import { EventTimestamp, EventTimestampSchema } from '../EventTimestamp.js';

/** Returned by a fast parser when the value does not match, or matches in a way only zod should judge. */
export const MISMATCH: unique symbol = Symbol('mismatch');

/** Validates and converts one value; returns {@link MISMATCH} instead of throwing. */
export type FastParser = (value: unknown) => unknown;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  defaultValue?: unknown;
  checks?: unknown[];
  coerce?: boolean;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Compiles a zod schema into a plain function that accepts exactly what the schema accepts and
 * returns the same output, without zod's per-key allocations. The event hot path runs it first and
 * only falls back to zod (for its issues) on a mismatch, so zod stays the single source of truth;
 * `compileFastParser.test.ts` checks both agree on every fixture and thousands of corruptions.
 *
 * Unchanged sub-objects are passed through by reference instead of copied (zod copies them);
 * objects are copied only where a default or a timestamp conversion changes something below them.
 *
 * @returns `undefined` when the schema uses a construct this compiler does not handle (then callers
 * simply use zod).
 */
export function compileFastParser(schema: z.ZodType): FastParser | undefined {
  if (schema === (EventTimestampSchema as z.ZodType)) return parseTimestamp;
  const def = defOf(schema);
  // The catalogue's schemas are `z.lazy` (built on first use); compile what they stand for.
  if (def.type === 'lazy') return compileFastParser(resolveLazy(schema));
  switch (def.type) {
    case 'string':
      return plain(def) ? (v) => (typeof v === 'string' ? v : MISMATCH) : undefined;
    case 'number':
      return plain(def) ? (v) => (typeof v === 'number' && Number.isFinite(v) ? v : MISMATCH) : undefined;
    case 'boolean':
      return plain(def) ? (v) => (typeof v === 'boolean' ? v : MISMATCH) : undefined;
    case 'unknown':
    case 'any':
      return (v) => v;
    case 'optional': {
      const inner = compileFastParser(def.innerType as z.ZodType);
      return inner && ((v) => (v === undefined ? v : inner(v)));
    }
    case 'nullable': {
      const inner = compileFastParser(def.innerType as z.ZodType);
      return inner && ((v) => (v === null ? v : inner(v)));
    }
    case 'default': {
      const fallback = def.defaultValue;
      // Object defaults are cloned by zod on every use; not worth mirroring.
      if (typeof fallback === 'object' && fallback !== null) return undefined;
      const inner = compileFastParser(def.innerType as z.ZodType);
      return inner && ((v) => (v === undefined ? fallback : inner(v)));
    }
    case 'array':
      return plain(def) ? compileArray(def.element as z.ZodType) : undefined;
    case 'union':
      return compileUnion(def.options ?? []);
    case 'object':
      return compileObject(def);
    default:
      return undefined;
  }
}

// zod caches the built schema as `innerType`, so every caller sees the same instance.
const resolveLazy = (schema: z.ZodType): z.ZodType => (schema as unknown as { _zod: { innerType: z.ZodType } })._zod.innerType;

function plain(def: Def): boolean {
  return !def.coerce && (def.checks === undefined || def.checks.length === 0);
}

function parseTimestamp(value: unknown): unknown {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return new EventTimestamp(value);
  return MISMATCH;
}

function compileArray(elementSchema: z.ZodType): FastParser | undefined {
  const element = compileFastParser(elementSchema);
  if (!element) return undefined;
  return (value) => {
    if (!Array.isArray(value)) return MISMATCH;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const parsed = element(item);
      if (parsed === MISMATCH) return MISMATCH;
      if (parsed !== item) (out ??= value.slice())[i] = parsed;
    }
    return out ?? value;
  };
}

function compileUnion(optionSchemas: readonly z.ZodType[]): FastParser | undefined {
  const options = optionSchemas.map((option) => compileFastParser(option));
  if (options.length === 0 || options.some((option) => option === undefined)) return undefined;
  const compiled = options as FastParser[];
  return (value) => {
    for (const option of compiled) {
      const parsed = option(value);
      if (parsed !== MISMATCH) return parsed;
    }
    return MISMATCH;
  };
}

// How an object compiles each key: primitives are checked inline in a switch (one call site per
// parser closure would go megamorphic and dominate the cost); everything else calls its parser.
const enum KeyKind {
  Parser,
  String,
  OptionalString,
  Number,
  OptionalNumber,
  Boolean,
  OptionalBoolean,
  Unknown,
}

function keyKind(schema: z.ZodType): KeyKind {
  if (schema === (EventTimestampSchema as z.ZodType)) return KeyKind.Parser;
  const def = defOf(schema);
  const optional = def.type === 'optional';
  const inner = optional ? defOf(def.innerType as z.ZodType) : def;
  if (!plain(inner) || (optional && def.innerType === (EventTimestampSchema as z.ZodType))) return KeyKind.Parser;
  switch (inner.type) {
    case 'string':
      return optional ? KeyKind.OptionalString : KeyKind.String;
    case 'number':
      return optional ? KeyKind.OptionalNumber : KeyKind.Number;
    case 'boolean':
      return optional ? KeyKind.OptionalBoolean : KeyKind.Boolean;
    case 'unknown':
    case 'any':
      return KeyKind.Unknown;
    default:
      return KeyKind.Parser;
  }
}

const passThrough: FastParser = (v) => v;

function compileObject(def: Def): FastParser | undefined {
  // Only loose objects: a strict or stripping object changes the key set, which zod must do.
  if (def.catchall === undefined || defOf(def.catchall).type !== 'unknown') return undefined;
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const kinds: KeyKind[] = [];
  const parsers: FastParser[] = [];
  for (const key of keys) {
    const schema = shape[key] as z.ZodType;
    const kind = keyKind(schema);
    const parser = kind === KeyKind.Parser ? compileFastParser(schema) : passThrough;
    if (!parser) return undefined;
    kinds.push(kind);
    parsers.push(parser);
  }
  return interpretObject(keys, kinds, parsers);
}

// No code generation (`new Function`): hosts that audit or forbid dynamic code (OpenClaw's install
// scanner, strict CSP, edge runtimes) must accept the SDK as it is. The interpreter costs about 0.15 µs
// more per group message than generated code did, well within the validation budget.
function interpretObject(keys: readonly string[], kinds: readonly KeyKind[], parsers: readonly FastParser[]): FastParser {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return MISMATCH;
    // zod drops an own `__proto__` key; let it decide.
    if (Object.hasOwn(value, '__proto__')) return MISMATCH;
    const input = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const current = input[key];
      switch (kinds[i]) {
        case KeyKind.String:
          if (typeof current !== 'string') return MISMATCH;
          continue;
        case KeyKind.OptionalString:
          if (current !== undefined && typeof current !== 'string') return MISMATCH;
          continue;
        case KeyKind.Number:
          if (typeof current !== 'number' || !Number.isFinite(current)) return MISMATCH;
          continue;
        case KeyKind.OptionalNumber:
          if (current !== undefined && (typeof current !== 'number' || !Number.isFinite(current))) return MISMATCH;
          continue;
        case KeyKind.Boolean:
          if (typeof current !== 'boolean') return MISMATCH;
          continue;
        case KeyKind.OptionalBoolean:
          if (current !== undefined && typeof current !== 'boolean') return MISMATCH;
          continue;
        case KeyKind.Unknown:
          continue;
        default: {
          const parsed = (parsers[i] as FastParser)(current);
          if (parsed === MISMATCH) return MISMATCH;
          if (parsed !== current) (out ??= { ...input })[key] = parsed;
        }
      }
    }
    return out ?? input;
  };
}
