import type { extraField } from './extraField.js';

/**
 * A platform payload type with only the fields qq-sdk declares. The schemas keep every field the
 * platform sends (so new ones reach you at run time), which in TypeScript is an open
 * `[key: string]: unknown` on each object; without it a misspelt field is a compile error instead
 * of an `unknown`. Read a field qq-sdk does not declare yet with {@link extraField}.
 */
export type KnownFields<T> = T extends Date | ((...args: never[]) => unknown)
  ? T
  : T extends readonly (infer Item)[]
    ? KnownFields<Item>[]
    : T extends object
      ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: KnownFields<T[K]> }
      : T;
