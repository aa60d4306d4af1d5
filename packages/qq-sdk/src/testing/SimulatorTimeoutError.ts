import { SimulatorError } from './SimulatorError.js';

/** Thrown by {@link QQSimulator.waitFor} when the condition did not hold within `timeoutMs`. */
export class SimulatorTimeoutError extends SimulatorError {
  override readonly name: string = 'SimulatorTimeoutError';

  /**
   * @param timeoutMs - How long the wait lasted.
   * @param description - What was awaited, for the message.
   */
  constructor(
    readonly timeoutMs: number,
    description?: string,
  ) {
    super(
      `Timed out after ${timeoutMs} ms waiting for ${description ?? 'the condition'}; ` +
        'check that the bot is connected to the simulator, or raise timeoutMs.',
    );
  }
}
