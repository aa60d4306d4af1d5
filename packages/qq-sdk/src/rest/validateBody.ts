import type * as z from '../internal/zod.js';
import { QQValidationError } from '../errors/QQValidationError.js';

/**
 * Validates an outbound value with its schema; throws {@link QQValidationError} naming the field,
 * before any request is made. Returns the parsed value (unknown fields kept by loose schemas).
 *
 * @internal
 */
export function validateBody<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw QQValidationError.fromZod(what, parsed.error);
  return parsed.data;
}
