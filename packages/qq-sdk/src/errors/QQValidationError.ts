import type * as z from '../internal/zod.js';
import { QQError } from './QQError.js';

/** One problem found by validation: where, and what is wrong. */
export interface ValidationIssue {
  /** The dotted path of the field, e.g. `markdown.params[0].key`; empty for the value itself. */
  readonly path: string;
  /** What is wrong with it. */
  readonly message: string;
}

/**
 * A value failed validation before it was sent (or a platform payload failed validation when it
 * arrived). No request was made. {@link QQValidationError.field} names the first offending field;
 * {@link QQValidationError.issues} lists all of them.
 *
 * @example
 * ```ts
 * try {
 *   await api.messages.sendGroup(groupId, { msg_type: 0, content: '' });
 * } catch (e) {
 *   if (e instanceof QQValidationError) console.log(e.field); // "content"
 * }
 * ```
 */
export class QQValidationError extends QQError {
  // Names itself in its body, so the build would publish it as `_QQValidationError` (see tsup.config.ts).
  static {
    Object.defineProperty(this, 'name', { value: 'QQValidationError' });
  }

  override readonly name: string = 'QQValidationError';
  /** The path of the first invalid field (`''` for the whole value). */
  readonly field: string;
  /** Every problem found. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param what - What was being validated, e.g. `group message body`.
   * @param issues - At least one issue.
   */
  constructor(what: string, issues: readonly ValidationIssue[]) {
    const list = issues.map((i) => `${i.path || '(value)'}: ${i.message}`).join('; ');
    super(`Invalid ${what}: ${list}. Fix the field${issues.length > 1 ? 's' : ''} named; nothing was sent.`);
    this.field = issues[0]?.path ?? '';
    this.issues = issues;
  }

  /**
   * Flattens a zod error into a {@link QQValidationError}.
   *
   * @param what - What was being validated.
   * @param error - The zod error.
   */
  static fromZod(what: string, error: z.ZodError): QQValidationError {
    const issues = error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    return new QQValidationError(what, issues.length > 0 ? issues : [{ path: '', message: 'invalid value' }]);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
