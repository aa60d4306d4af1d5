/**
 * The part of zod the plugin uses. Named re-exports let the bundler keep only these functions
 * (zod's `z` namespace would bundle all of it, locales included) and keep dist under the size
 * OpenClaw's code scanner reads (see tsup.config.ts).
 */
export { array, boolean, enum, literal, number, object, record, string, toJSONSchema, tuple, union, unknown, url } from 'zod';
export type { output } from 'zod';
