import type { DispatchEnvelope } from '../DispatchEnvelope.js';
import type { DispatchContext, DispatchOutcome } from '../dispatchTypes.js';

/**
 * The key of `EventDispatcher`'s transport-side dispatch: the outcome itself when the event is
 * already done, else a promise of it. The gateway and `QQBot` use it so the hot path makes no
 * promise per event (one per event kept every in-flight event alive through young-generation GCs,
 * bench/gateway-receive.bench.mjs); the public `dispatch()` always returns a promise.
 */
export const DISPATCH_NOW: unique symbol = Symbol('qq-sdk.dispatchNow');

/** Something with the transport-side dispatch (an `EventDispatcher`). */
export interface DispatchesNow {
  [DISPATCH_NOW](envelope: DispatchEnvelope, context: DispatchContext): DispatchOutcome | Promise<DispatchOutcome>;
}

/** Whether `dispatcher` offers the transport-side dispatch. */
export function dispatchesNow(dispatcher: object): dispatcher is DispatchesNow {
  return typeof (dispatcher as Partial<DispatchesNow>)[DISPATCH_NOW] === 'function';
}
