/**
 * What the bot sent, by quote index (`ext_info.ref_idx`), so a user quoting one of the bot's own
 * messages (which QQ delivers with only the index) gives the agent the quoted text. Bounded: the
 * oldest entries are forgotten first. Lives as long as the account runs.
 */
export class SentMessageIndex {
  readonly #texts = new Map<string, string>();
  readonly #max: number;

  /** @param max - Entries kept at most. */
  constructor(max = 2_000) {
    this.#max = max;
  }

  /** Remembers the text sent under `refIdx`. */
  remember(refIdx: string, text: string): void {
    if (text === '') return;
    this.#texts.delete(refIdx);
    this.#texts.set(refIdx, text);
    if (this.#texts.size > this.#max) {
      const oldest = this.#texts.keys().next().value;
      if (oldest !== undefined) this.#texts.delete(oldest);
    }
  }

  /** The text sent under `refIdx`, if this index still has it. */
  lookup(refIdx: string): string | undefined {
    return this.#texts.get(refIdx);
  }
}
