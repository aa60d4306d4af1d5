/**
 * Reads a field the platform sent that qq-sdk does not declare yet. Event payloads keep every field
 * at run time, but their types hold only the declared ones, so a misspelt name is a compile error;
 * this is the one way to reach the others.
 *
 * @param payload - An event payload (or any object inside one).
 * @param name - The field's name as the platform sends it.
 * @returns The value, or `undefined` when the platform did not send it.
 *
 * @example
 * ```ts
 * bot.on('GROUP_AT_MESSAGE_CREATE', (event) => {
 *   const flag = extraField(event, 'some_new_flag'); // unknown
 * });
 * ```
 */
export function extraField(payload: object, name: string): unknown {
  return Object.hasOwn(payload, name) ? (payload as Record<string, unknown>)[name] : undefined;
}
