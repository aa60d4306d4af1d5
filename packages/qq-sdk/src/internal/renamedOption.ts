/** The deprecated option names already reported in this process: each is reported once. */
const reported = new Set<string>();

/**
 * Reads an option that was renamed so one concept has one name across qq-sdk: the new name wins;
 * the old one still works and raises one `DeprecationWarning` per process that names both (Node's
 * `process.emitWarning`, so `--no-deprecation` silences it and `--throw-deprecation` finds callers).
 *
 * @param owner - What takes the option, e.g. `EventDispatcher`.
 * @param current - The option under its current name, and that name.
 * @param old - The option under its old name, and that name.
 * @returns The value to use.
 */
export function renamedOption<T>(
  owner: string,
  current: readonly [name: string, value: T | undefined],
  old: readonly [name: string, value: T | undefined],
): T | undefined {
  const [currentName, currentValue] = current;
  const [oldName, oldValue] = old;
  if (oldValue !== undefined) {
    const key = `${owner}.${oldName}`;
    if (!reported.has(key)) {
      reported.add(key);
      const message = `${owner} option \`${oldName}\` is deprecated: call it \`${currentName}\` (the same option under the name the rest of qq-sdk uses).${
        currentValue !== undefined ? ` Both were given; \`${currentName}\` is used.` : ''
      }`;
      const host = (globalThis as { process?: { emitWarning?: (message: string, options: { type: string; code: string }) => void } }).process;
      if (typeof host?.emitWarning === 'function') host.emitWarning(message, { type: 'DeprecationWarning', code: 'QQSDK_RENAMED_OPTION' });
      // eslint-disable-next-line no-console -- a runtime without process.emitWarning: the console is its warning channel.
      else console.warn(message);
    }
  }
  return currentValue ?? oldValue;
}
