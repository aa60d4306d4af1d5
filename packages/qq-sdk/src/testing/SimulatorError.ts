import { QQError } from '../errors/QQError.js';

/**
 * Thrown by the platform simulator for misuse: invalid options, a control call on a closed
 * simulator, a webhook URL that is not on the loopback interface.
 */
export class SimulatorError extends QQError {
  override readonly name: string = 'SimulatorError';
}
