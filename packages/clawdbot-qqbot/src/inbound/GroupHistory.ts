import type { Message } from 'qq-sdk';

/** One group message the bot did not answer, kept as context for its next answer there. */
export interface HistoryLine {
  readonly sender: string;
  readonly text: string;
  readonly at: number;
}

/** Groups tracked at most; the least recently active is forgotten first. */
const MAX_GROUPS = 1_000;

/**
 * The recent messages of each group that were not addressed to the bot (`requireMention`), so
 * when someone does @ it, the agent sees what was being discussed. Per group at most `limit`
 * lines (`groups.<id>.historyLimit`, 0 keeps none); taken, and cleared, by the next answer.
 */
export class GroupHistory {
  readonly #groups = new Map<string, HistoryLine[]>();

  /** Keeps `message` for its group, dropping the oldest line beyond `limit`. */
  keep(groupId: string, message: Message, limit: number): void {
    if (limit <= 0 || message.content === '') return;
    const lines = this.#groups.get(groupId) ?? [];
    this.#groups.delete(groupId);
    lines.push({ sender: message.author.username ?? message.author.id, text: message.content, at: message.timestamp.getTime() });
    while (lines.length > limit) lines.shift();
    this.#groups.set(groupId, lines);
    if (this.#groups.size > MAX_GROUPS) {
      const oldest = this.#groups.keys().next().value;
      if (oldest !== undefined) this.#groups.delete(oldest);
    }
  }

  /** The lines kept for `groupId`, oldest first, and forgets them. */
  take(groupId: string): readonly HistoryLine[] {
    const lines = this.#groups.get(groupId) ?? [];
    this.#groups.delete(groupId);
    return lines;
  }
}
