import type { QQAbortError } from '../errors/QQAbortError.js';
import type { route } from './route.js';
/**
 * Per-call options accepted by every REST method (last parameter of each resource method).
 */
export interface RequestOptions {
  /** Cancels the call; it rejects with {@link QQAbortError}. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this call, in milliseconds. */
  readonly timeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  readonly maxRetries?: number | undefined;
  /**
   * The chain this call keeps its order in, e.g. the `msg_id` a reply answers. Calls to one route
   * and target run one at a time in order within a chain, and at the same time across chains, so
   * the answer to one message never waits behind the answer to another. Without a chain, calls to
   * one route and target run one at a time in the order they were made. `msg.reply()` sets it.
   */
  readonly chain?: string | undefined;
}

/** Query string values; `undefined` entries are left out. */
export type QueryValue = string | number | boolean | undefined;

/** A request for {@link RestClient.request}. */
export interface RestRequest extends RequestOptions {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path below the API base URL, e.g. `/v2/groups/ABC/messages`. Ids must already be encoded. */
  readonly path: string;
  /** Query parameters. */
  readonly query?: Readonly<Record<string, QueryValue>> | undefined;
  /** A JSON-serialisable body, or `FormData` for multipart uploads. */
  readonly body?: unknown;
  /** The route template for rate-limit queues and logs, e.g. `POST /v2/groups/{group_openid}/messages`. Derived from `path` if omitted. */
  readonly route?: string | undefined;
  /**
   * The rate-limit major id (the group, user, channel, guild or DM the request targets), which with
   * `route` names the request's queue. Derived from `path` if omitted; {@link route} fills it in.
   */
  readonly majorId?: string | undefined;
}
