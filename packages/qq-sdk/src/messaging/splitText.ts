import { MessageContentLimits } from '../rest/schemas/contentLimits.js';
import { QQValidationError } from '../errors/QQValidationError.js';

/** Options of {@link splitText}. */
export interface SplitTextOptions {
  /**
   * The most UTF-16 code units per chunk. QQ does not document its limit (40054007 "消息长度超限");
   * 2000 is comfortably below what bots observe (see {@link MessageContentLimits}).
   * @defaultValue 2000
   */
  readonly maxLength?: number;
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/u;

interface FenceState {
  /** The opening line of the fence still open at the end of the text so far, or undefined. */
  open: string | undefined;
  marker: string | undefined;
}

/** Tracks which fenced code block (if any) is open after `text`, starting from `state`. */
function scanFences(text: string, state: FenceState): FenceState {
  let { open, marker } = state;
  for (const line of text.split('\n')) {
    const match = FENCE_LINE.exec(line);
    if (!match) continue;
    const fence = match[1] ?? '';
    if (open === undefined) {
      open = line.trimStart();
      marker = fence;
    } else if (marker !== undefined && fence.startsWith(marker[0] ?? '') && fence.length >= marker.length && (match[2] ?? '').trim() === '') {
      open = undefined;
      marker = undefined;
    }
  }
  return { open, marker };
}

/** Moves `index` back one code unit if it would split a surrogate pair. */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

/**
 * The best place to cut `text` at or before `limit`: paragraph, line, then word boundaries, none
 * of them earlier than `minFill` of the limit.
 */
function cutPoint(text: string, limit: number, minFill: number): number {
  const window = text.slice(0, limit);
  const minimum = Math.floor(limit * minFill);
  for (const separator of ['\n\n', '\n']) {
    const at = window.lastIndexOf(separator);
    if (at >= minimum) return at + separator.length;
  }
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\t'));
  if (space >= minimum) return space + 1;
  // CJK text has no spaces: cut after sentence punctuation when there is some.
  const punctuation = Math.max(...['。', '！', '？', '；', '，'].map((p) => window.lastIndexOf(p)));
  if (punctuation >= minimum) return punctuation + 1;
  return safeIndex(text, limit);
}

/**
 * Splits long text into chunks of at most `maxLength`, preferring paragraph, line, word and
 * sentence boundaries, never splitting a surrogate pair (emoji stay whole), and keeping fenced code
 * blocks balanced: a chunk that ends inside a fence closes it, and the next chunk reopens it with
 * the same info string. `msg.reply()` sends each chunk as its own message, each claiming reply budget.
 *
 * @example
 * ```ts
 * splitText('a'.repeat(4500), { maxLength: 2000 }).length; // 3
 * ```
 */
export function splitText(text: string, options: SplitTextOptions = {}): string[] {
  return splitTextFilling(text, options.maxLength ?? MessageContentLimits.safeChunkLength, 0.5);
}

/**
 * {@link splitText} that fills every chunk to at least 90% of `maxLength` before it looks for a
 * boundary: fewer, fuller messages, for when the reply budget is short.
 *
 * @internal
 */
export function packText(text: string, maxLength: number): string[] {
  return splitTextFilling(text, maxLength, 0.9);
}

function splitTextFilling(text: string, maxLength: number, minFill: number): string[] {
  if (!Number.isInteger(maxLength) || maxLength < 16) {
    throw new QQValidationError('splitText options', [{ path: 'maxLength', message: `must be an integer of at least 16, got ${maxLength}` }]);
  }
  if (text.length <= maxLength) return [text];

  const chunks: string[] = [];
  let rest = text;
  let fences: FenceState = { open: undefined, marker: undefined };
  while (rest.length > 0) {
    const reopen = fences.open !== undefined ? `${fences.open}\n` : '';
    // Reserve room for a closing fence line in case this chunk ends inside a block.
    const closingReserve = 1 + Math.max(fences.marker?.length ?? 0, 3) + 1;
    const budget = maxLength - reopen.length - closingReserve;
    if (reopen.length + rest.length <= maxLength) {
      chunks.push(reopen + rest);
      break;
    }
    const cut = cutPoint(rest, Math.max(budget, 1), minFill);
    const piece = rest.slice(0, cut);
    rest = rest.slice(cut);
    const after = scanFences(piece, fences);
    let chunk = reopen + piece;
    if (after.open !== undefined) {
      const closer = after.marker ?? '```';
      chunk = `${chunk.endsWith('\n') ? chunk : `${chunk}\n`}${closer}`;
    }
    chunks.push(after.open !== undefined ? chunk : chunk.trimEnd());
    fences = after;
    // A new chunk starts with content, not with the whitespace the cut left behind.
    if (fences.open === undefined) rest = rest.replace(/^\n+/u, '');
  }
  return chunks.filter((chunk) => chunk.length > 0);
}
