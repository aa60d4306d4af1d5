import type { DispatchEnvelope } from '../events/DispatchEnvelope.js';
import type { DispatchOutcome } from '../events/dispatchTypes.js';

/** What the gateway tells the dispatcher about where an event came from. */
export interface GatewayDispatchMeta {
  /** Always `'websocket'` for the gateway. */
  transport: 'websocket';
  /** The shard the event arrived on. */
  shardId: number;
}

/** What {@link GatewayDispatcher.dispatch} reports; `status: 'duplicate'` counts a dropped duplicate. */
export type GatewayDispatchResult = Pick<DispatchOutcome, 'status'> | void;

/**
 * The only way events leave the gateway: the events layer's `EventDispatcher` satisfies this.
 * `dispatch` validates, deduplicates and runs handlers, never throws, and reports once every
 * handler for the event has settled — the gateway holds its resume sequence below events not
 * reported yet.
 */
export interface GatewayDispatcher {
  /**
   * Delivers one dispatch envelope.
   *
   * @param envelope - The op 0 frame as received.
   * @param meta - Transport and shard.
   * @returns The result once every handler settled: the result itself when the event is already
   *   done (no promise to wait for), or a promise of it.
   */
  dispatch(envelope: DispatchEnvelope, meta: GatewayDispatchMeta): GatewayDispatchResult | Promise<GatewayDispatchResult>;
}
