import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { GatewayBotResponseSchema, GatewayUrlResponseSchema, type GatewayBotResponse, type GatewayUrlResponse } from '../schemas/gateway.js';

/**
 * The WebSocket gateway URL and the session start limit.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/wss/url_get.html
 */
export class GatewayAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Gets the gateway URL.
   *
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/wss/url_get.html
   */
  async get(options: RequestOptions = {}): Promise<GatewayUrlResponse> {
    return this.rest.request({ ...options, ...route('GET /gateway') }, GatewayUrlResponseSchema);
  }

  /**
   * Gets the gateway URL, the recommended shard count and the session start limit.
   *
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/wss/shard_url_get.html
   */
  async getBot(options: RequestOptions = {}): Promise<GatewayBotResponse> {
    return this.rest.request({ ...options, ...route('GET /gateway/bot') }, GatewayBotResponseSchema);
  }
}
