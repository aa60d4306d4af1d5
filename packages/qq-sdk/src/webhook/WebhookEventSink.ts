import type { DispatchEnvelope } from '../events/DispatchEnvelope.js';

/** What a webhook sink is told about a dispatch besides the envelope. */
export interface WebhookDispatchMeta {
  /** Always `'webhook'`: the event arrived as an HTTP callback. */
  readonly transport: 'webhook';
}

/**
 * Where verified webhook events go: an `EventDispatcher` (the same validated, deduplicated path as
 * the gateway: recommended) or a plain function. Either is called after the op 12 ACK has been
 * produced, so however long it takes the platform never retries.
 *
 * A plain function receives every authentic envelope, including platform re-posts with the same
 * `id`: deduplicating them is then up to it.
 */
export type WebhookEventSink =
  { dispatch(envelope: DispatchEnvelope, meta: WebhookDispatchMeta): unknown } | ((envelope: DispatchEnvelope, meta: WebhookDispatchMeta) => unknown);
