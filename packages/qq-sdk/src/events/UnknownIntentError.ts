import { QQError } from '../errors/QQError.js';

/** Thrown by {@link Intents.from} for a name (or bit) that is not a platform intent. */
export class UnknownIntentError extends QQError {
  override readonly name: string = 'UnknownIntentError';

  /**
   * @param intent - The rejected name or value.
   * @param known - The valid intent names, listed in the message.
   */
  constructor(
    /** The rejected name or value. */
    readonly intent: string | number,
    known: readonly string[],
  ) {
    super(`Unknown intent ${JSON.stringify(intent)}. Use one of: ${known.join(', ')}.`);
  }
}
