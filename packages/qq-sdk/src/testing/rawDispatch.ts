import { SimulatorError } from './SimulatorError.js';
import { isPlainObject } from './deepMerge.js';

/** A dispatch as the platform sent it, for {@link QQSimulator.injectRaw}: the frame or its parts. */
export interface RawDispatch {
  /** The event type, e.g. `'C2C_MESSAGE_CREATE'`. */
  readonly t: string;
  /** The envelope id; the simulator makes one up when it is missing. */
  readonly id?: string;
  /** The payload, sent exactly as given. */
  readonly d: unknown;
  /** The opcode, if the capture has it; must be 0 (a dispatch). */
  readonly op?: number;
  /** The capture's sequence number; ignored (each session numbers its own events). */
  readonly s?: number;
}

/** A raw dispatch read for replay: its type and id, its parsed `d`, and `d`'s exact JSON text. */
export interface ParsedRawDispatch {
  readonly type: string;
  readonly id: string | undefined;
  readonly data: unknown;
  readonly dataJson: string;
}

/**
 * Reads a captured dispatch for verbatim replay. Given as text, `d` is kept byte for byte (key
 * order, spacing, numbers beyond 2^53); given as an object, it is serialized once as it is.
 *
 * @internal
 */
export function parseRawDispatch(frame: string | RawDispatch): ParsedRawDispatch {
  let parsed: unknown;
  if (typeof frame === 'string') {
    try {
      parsed = JSON.parse(frame);
    } catch (error) {
      throw new SimulatorError(`injectRaw(): the frame is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  } else {
    parsed = frame;
  }
  if (!isPlainObject(parsed)) throw new SimulatorError('injectRaw(): give a dispatch frame { op: 0, t, id, d } (an object or its JSON text)');
  const { t, id, d, op } = parsed;
  if (op !== undefined && op !== 0) throw new SimulatorError(`injectRaw(): op ${String(op)} is not a dispatch; only op 0 frames carry events`);
  if (typeof t !== 'string' || t === '') throw new SimulatorError('injectRaw(): the frame needs its event type in `t`');
  if (id !== undefined && typeof id !== 'string') throw new SimulatorError('injectRaw(): `id` must be a string when given');
  if (d === undefined) throw new SimulatorError('injectRaw(): the frame needs its payload in `d`');
  const dataJson = typeof frame === 'string' ? topLevelValueText(frame, 'd') : JSON.stringify(d);
  return { type: t, id, data: d, dataJson };
}

/** The exact text of `key`'s value in a JSON object's text (the JSON is known to be valid). */
function topLevelValueText(json: string, key: string): string {
  let depth = 0;
  let index = 0;
  while (index < json.length) {
    const char = json[index];
    if (char === '"') {
      const end = stringEnd(json, index);
      if (depth === 1 && JSON.parse(json.slice(index, end)) === key) {
        let start = end;
        while (json[start] !== ':') start++;
        start++;
        while (/\s/u.test(json[start] ?? '')) start++;
        return json.slice(start, valueEnd(json, start));
      }
      index = end;
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    index++;
  }
  throw new SimulatorError(`injectRaw(): no "${key}" in the frame`);
}

/** The index just past the string literal that starts at `start`. */
function stringEnd(json: string, start: number): number {
  let index = start + 1;
  while (index < json.length && json[index] !== '"') index += json[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** The index just past the JSON value that starts at `start`. */
function valueEnd(json: string, start: number): number {
  const first = json[start];
  if (first === '"') return stringEnd(json, start);
  if (first !== '{' && first !== '[') {
    let index = start;
    while (index < json.length && !/[,}\]\s]/u.test(json[index] ?? '')) index++;
    return index;
  }
  let depth = 0;
  let index = start;
  while (index < json.length) {
    const char = json[index];
    if (char === '"') {
      index = stringEnd(json, index);
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return index + 1;
    }
    index++;
  }
  return index;
}
