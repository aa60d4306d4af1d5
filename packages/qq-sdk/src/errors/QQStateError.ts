import { QQError } from './QQError.js';

/**
 * A call its object's current state does not allow, such as `start()` on a bot that is already
 * running or `connect()` on a connected gateway. Nothing was changed; the message says which state
 * the object is in and what to call instead.
 */
export class QQStateError extends QQError {
  override readonly name: string = 'QQStateError';
}
