/**
 * The part of zod qq-sdk uses, and the only module that imports zod at run time
 * (`import * as z from '../internal/zod.js'`).
 *
 * The build bundles zod (tsup.config.ts), and named re-exports let esbuild keep only these
 * functions: zod's own entry is a namespace that pulls in all of zod, including its 60-odd
 * locale modules. Loading those as separate ES modules cost a bot ~70 ms and ~5 MB of RSS at
 * start-up (bench/gateway-receive.bench.mjs). Declarations still name the `zod` package, so
 * users' types are zod's own.
 */
export {
  array,
  boolean,
  custom,
  discriminatedUnion,
  enum,
  instanceof,
  lazy,
  literal,
  looseObject,
  number,
  object,
  prettifyError,
  record,
  strictObject,
  string,
  tuple,
  union,
  unknown,
  url,
} from 'zod';
export type { core, input, output, RefinementCtx, ZodError, ZodType } from 'zod';
