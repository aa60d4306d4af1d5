import type { Options } from 'tsup';

type TsupPlugin = NonNullable<Options['plugins']>[number];

/**
 * Escapes every non-ASCII character of the emitted JavaScript as `\uXXXX`. esbuild already does so
 * in strings and identifiers, but keeps comments and raw template text as written, and one such
 * character (a `…` in a doc comment) makes V8 hold the whole module source as a two-byte string:
 * twice the memory of the file, for every process that loads it. Escapes are equivalent wherever
 * the characters may appear (comments, string, template and regular-expression literals).
 */
export const asciiOutput: TsupPlugin = {
  name: 'ascii-output',
  renderChunk(code, chunk) {
    if (!/\.[cm]?js$/.test(chunk.path) || !/[\u0080-\uffff]/.test(code)) return undefined;
    return { code: code.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`) };
  },
};
