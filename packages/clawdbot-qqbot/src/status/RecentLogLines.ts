/**
 * The newest warnings and errors of one account, for `/bot-logs`: a bounded ring of lines that
 * have already been redacted on their way to the host's log, each cut to a length a QQ message
 * can carry.
 */
export class RecentLogLines {
  readonly #lines: string[] = [];

  /**
   * @param capacity - How many lines are kept (the oldest go first).
   * @param maxLength - The longest line kept; longer ones are cut with an ellipsis.
   */
  constructor(
    readonly capacity = 50,
    readonly maxLength = 600,
  ) {}

  /** Keeps one line, stamped with its UTC time of day. */
  add(level: 'warn' | 'error', line: string, at: number): void {
    const stamped = `${new Date(at).toISOString().slice(11, 19)} ${level === 'error' ? 'ERROR' : 'WARN'} ${line}`;
    this.#lines.push(stamped.length > this.maxLength ? `${stamped.slice(0, this.maxLength - 1)}…` : stamped);
    if (this.#lines.length > this.capacity) this.#lines.shift();
  }

  /** The newest `count` lines, oldest first. */
  newest(count: number): readonly string[] {
    return this.#lines.slice(-Math.max(0, count));
  }
}
