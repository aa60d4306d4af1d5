import type { DispatchEnvelope } from '../events/DispatchEnvelope.js';
import type { DispatchOutcome } from '../events/dispatchTypes.js';

/** What the gateway tells the dispatcher about where an event came from. */
export interface GatewayDispatchMeta {
  /** Always `'websocket'` for the gateway. */
  transport: 'websocket';
  /** The shard the event arrived on. */
  shardId: number;
}

/**
 * The only way events leave the gateway: the events layer's `EventDispatcher` satisfies this.
 * `dispatch` validates, deduplicates and runs handlers, never throws, and resolves once every
 * handler for the event has settled — the gateway holds its resume sequence below events whose
 * promise has not resolved yet.
 */
export interface GatewayDispatcher {
  /**
   * Delivers one dispatch envelope.
   *
   * @param envelope - The op 0 frame as received.
   * @param meta - Transport and shard.
   * @returns Resolves when every handler settled; an outcome with `status: 'duplicate'` is
   *   counted as a dropped duplicate.
   */
  dispatch(envelope: DispatchEnvelope, meta: GatewayDispatchMeta): Promise<Pick<DispatchOutcome, 'status'> | void>;
}
