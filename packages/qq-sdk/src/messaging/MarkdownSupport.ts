import { targetKey, type MessageTarget } from './MessageScene.js';
import { DefaultMessagingOptions } from './DefaultMessagingOptions.js';

/**
 * Platform codes meaning "markdown is not permitted here": 40034012 (native markdown), 304041
 * (passive markdown), 50056 (markdown content).
 */
export const MARKDOWN_REFUSED_CODES: ReadonlySet<number> = new Set([40034012, 304041, 50056]);

/**
 * Remembers the targets where the platform refused markdown, so later markdown to them goes out as
 * plain text straight away instead of paying a failed request (and a reply) every time.
 */
export class MarkdownSupport {
  readonly #refused = new Set<string>();
  readonly #maxTargets: number;

  /** @param maxTargets - How many refusing targets to remember (oldest forgotten first). */
  constructor(maxTargets: number = DefaultMessagingOptions.markdownRefusalsMaxTargets) {
    this.#maxTargets = maxTargets;
  }

  /** Whether markdown is known to be refused for `target`. */
  isRefused(target: MessageTarget): boolean {
    return this.#refused.has(targetKey(target));
  }

  /** Records that the platform refused markdown for `target`. */
  markRefused(target: MessageTarget): void {
    if (this.#refused.size >= this.#maxTargets) {
      const oldest = this.#refused.values().next();
      if (oldest.done !== true) this.#refused.delete(oldest.value);
    }
    this.#refused.add(targetKey(target));
  }
}
