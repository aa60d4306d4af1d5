/**
 * `JSON.parse` for what the platform sends, keeping integers beyond 2^53 exact: such a number (the
 * docs' forum examples carry guild and channel ids like 144115218182563108) becomes its decimal
 * string, which is how every current API types ids. Text without a 16-digit number outside a
 * string (nearly every payload) is parsed by `JSON.parse` alone; only the rest pays for a scan.
 *
 * @internal
 */
export function parsePlatformJson(text: string): unknown {
  return MAYBE_BIG_INTEGER.test(text) ? JSON.parse(quoteBigIntegers(text)) : JSON.parse(text);
}

/** A 16+ digit number right after `:`, `[` or `,`: possibly an unsafe integer (or inside a string). */
const MAYBE_BIG_INTEGER = /[:[,]\s*-?\d{16,}/u;

/** `text` with every integer literal outside strings that is not a safe integer quoted. */
function quoteBigIntegers(text: string): string {
  let out = '';
  let copiedTo = 0;
  let index = 0;
  while (index < text.length) {
    const char = text.charCodeAt(index);
    if (char === 34 /* " */) {
      index = afterString(text, index);
      continue;
    }
    const isDigit = char >= 48 && char <= 57;
    if (isDigit || char === 45 /* - */) {
      let end = index + 1;
      while (end < text.length && /[0-9.eE+-]/u.test(text[end] ?? '')) end++;
      const literal = text.slice(index, end);
      if (/^-?\d{16,}$/u.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(copiedTo, index)}"${literal}"`;
        copiedTo = end;
      }
      index = end;
      continue;
    }
    index++;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

/** The index just past the string literal starting at `start`. */
function afterString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text.charCodeAt(index);
    if (char === 92 /* \ */) index += 2;
    else if (char === 34) return index + 1;
    else index++;
  }
  return index;
}
