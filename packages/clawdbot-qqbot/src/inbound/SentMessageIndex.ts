import * as z from '../config/zod.js';

/** Longest text kept per entry: enough for the agent to know what was quoted. */
const MAX_TEXT = 2_000;

/** What a saved index looks like: `[refIdx, text]` pairs, oldest first. */
const SavedIndexSchema = z.array(z.tuple([z.string().min(1), z.string()]));

/**
 * What the bot sent, by quote index (`ext_info.ref_idx`), so a user quoting one of the bot's own
 * messages (which QQ delivers with only the index) gives the agent the quoted text. Bounded: the
 * oldest entries are forgotten first. {@link SentMessageIndex.entries} and
 * {@link SentMessageIndex.restore} let it outlive a restart (see startAccount).
 */
export class SentMessageIndex {
  readonly #texts = new Map<string, string>();
  readonly #max: number;
  readonly #onChange: () => void;

  /**
   * @param max - Entries kept at most.
   * @param onChange - Called after every change (to schedule a save).
   */
  constructor(max = 2_000, onChange: () => void = () => {}) {
    this.#max = max;
    this.#onChange = onChange;
  }

  /** Remembers the text sent under `refIdx`. */
  remember(refIdx: string, text: string): void {
    if (text === '') return;
    this.#set(refIdx, text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);
    this.#onChange();
  }

  /** The text sent under `refIdx`, if this index still has it. */
  lookup(refIdx: string): string | undefined {
    return this.#texts.get(refIdx);
  }

  /** Everything remembered, oldest first, as saved. */
  entries(): Array<[string, string]> {
    return [...this.#texts];
  }

  /** Loads saved entries (from {@link SentMessageIndex.entries}); returns how many, or `undefined` if `saved` is not an index. */
  restore(saved: unknown): number | undefined {
    const parsed = SavedIndexSchema.safeParse(saved);
    if (!parsed.success) return undefined;
    for (const [refIdx, text] of parsed.data) this.#set(refIdx, text.slice(0, MAX_TEXT + 1));
    return parsed.data.length;
  }

  #set(refIdx: string, text: string): void {
    this.#texts.delete(refIdx);
    this.#texts.set(refIdx, text);
    while (this.#texts.size > this.#max) {
      const oldest = this.#texts.keys().next().value;
      if (oldest === undefined) break;
      this.#texts.delete(oldest);
    }
  }
}
