import { parsePlatformJson } from '../internal/parsePlatformJson.js';
import { rememberSecret } from '../errors/knownSecrets.js';
import type { DedupStore } from '../events/DedupStore.js';
import { DispatchEnvelopeSchema, GatewayPayloadSchema, type DispatchEnvelope } from '../events/DispatchEnvelope.js';
import { MemoryDedupStore } from '../events/MemoryDedupStore.js';
import { utf8Length } from '../internal/bytes.js';
import { systemClock, type Clock } from '../internal/Clock.js';
import { resolveLogger, type Logger, type LogLevel } from '../logging/Logger.js';
import { answerWebhookValidation } from './answerWebhookValidation.js';
import { ed25519 } from './crypto/ed25519.js';
import { deriveWebhookSeed } from './keys.js';
import { WebhookConfigurationError } from './WebhookConfigurationError.js';
import { renamedOption } from '../internal/renamedOption.js';
import type { WebhookDispatchMeta, WebhookEventSink } from './WebhookEventSink.js';
import { WebhookHeaderNames } from './WebhookHeaderNames.js';
import { readHeader, type WebhookHeaders } from './WebhookHeaders.js';
import { WebhookValidationRequestSchema } from './WebhookValidationRequest.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';
import { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, verifyWebhookRequest } from './verifyWebhookRequest.js';

/** What a webhook endpoint knows of one bot, its secret aside. */
export interface WebhookBotFields {
  /**
   * The bot's appId. Required when several bots share the endpoint (requests are routed by
   * `X-Bot-Appid`); with a single bot, requests naming another appId are refused.
   */
  readonly appId?: string;
  /** Secrets still accepted while rotating the app secret (see {@link VerifyWebhookRequestOptions}). */
  readonly additionalSecrets?: readonly string[];
  /** Where verified events go: an `EventDispatcher` or a function. */
  readonly dispatcher: WebhookEventSink;
}

/** The bot's AppSecret, under its name (`clientSecret`, as everywhere in qq-sdk) or the old one. */
export type WebhookBotSecret =
  | {
      /** The bot's AppSecret: the Ed25519 key is derived from it. */
      readonly clientSecret: string;
      readonly secret?: undefined;
    }
  | {
      /** @deprecated Renamed `clientSecret` (as in `QQBot`); still accepted, with a warning. */
      readonly secret: string;
      readonly clientSecret?: undefined;
    };

/** One bot served by a webhook endpoint. */
export type WebhookBot = WebhookBotFields & WebhookBotSecret;

/** A bot on a shared endpoint: its appId is required for routing. */
export type RoutedWebhookBot = WebhookBot & {
  /** The bot's appId, matched against `X-Bot-Appid`. */
  readonly appId: string;
};

/** A bot as the receiver keeps it: the secret under one name, checked. */
interface ServedBot {
  readonly appId?: string;
  readonly secret: string;
  readonly additionalSecrets?: readonly string[];
  readonly dispatcher: WebhookEventSink;
}

function servedBot(bot: WebhookBot): ServedBot {
  const secret = renamedOption('WebhookReceiver', ['clientSecret', bot.clientSecret], ['secret', bot.secret]);
  if (secret === undefined) {
    throw new WebhookConfigurationError("clientSecret is missing: set it to the bot's AppSecret (QQ console → 开发设置); the Ed25519 key is derived from it.");
  }
  return {
    ...(bot.appId !== undefined ? { appId: bot.appId } : {}),
    secret,
    ...(bot.additionalSecrets !== undefined ? { additionalSecrets: bot.additionalSecrets } : {}),
    dispatcher: bot.dispatcher,
  };
}

/** Options every webhook handler accepts besides the bot(s). */
export interface WebhookCommonOptions {
  /**
   * Timestamp tolerance in seconds, both directions; older or newer signed requests are refused.
   *
   * @defaultValue 300
   */
  readonly toleranceSeconds?: number;
  /**
   * Largest accepted body in bytes; larger requests get HTTP 413 without being read to the end.
   *
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxBodyBytes?: number;
  /**
   * Remembers the signatures of accepted requests for twice the tolerance, so a byte-identical
   * replay inside the timestamp window is acknowledged but not dispatched again. Share one store
   * (for example Redis) between instances behind a load balancer. As with event dedup, a store
   * that fails counts as "first time seen": an event may be delivered twice, never lost.
   *
   * @defaultValue a {@link MemoryDedupStore} (100,000 keys)
   */
  readonly replayStore?: DedupStore;
  /**
   * Refuse op 13 validation requests that carry no signature headers. The platform's docs do not
   * say whether op 13 is signed, so by default an unsigned one is answered, but only for a plain
   * token that can never be mistaken for a signed event body.
   *
   * @defaultValue false
   */
  readonly requireSignedValidation?: boolean;
  /**
   * **For local debugging only.** Accepts requests without checking their signature, so anyone who
   * can reach the endpoint can inject events. Refused when `NODE_ENV` is `production`, and logged as
   * a warning on creation.
   */
  readonly dangerouslySkipSignatureVerification?: true;
  /** Source of "now" for the timestamp check. @defaultValue the system clock */
  readonly clock?: Clock;
  /** Where diagnostics go (never secrets or bodies). */
  readonly logger?: Partial<Logger>;
  /** Lowest level logged. */
  readonly logLevel?: LogLevel;
}

/**
 * Options of {@link WebhookReceiver} and every handler built on it: one bot (its fields inline) or
 * several bots sharing the endpoint (`bots`), plus the common options.
 */
export type WebhookHandlerOptions = WebhookCommonOptions & (WebhookBot | { readonly bots: readonly RoutedWebhookBot[] });

/** A request as every adapter hands it to {@link WebhookReceiver.handle}. */
export interface WebhookRequest {
  /** The HTTP method. */
  readonly method: string;
  /** The request headers. */
  readonly headers: WebhookHeaders;
  /** The raw body, exactly as received. */
  readonly body: string | Uint8Array;
}

/** A response for an adapter to write out. */
export interface WebhookResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** Response body (JSON). */
  readonly body: string;
}

/** Runtime hooks a host may offer to {@link WebhookReceiver.handle}. */
export interface WebhookHandleContext {
  /**
   * Keeps the runtime alive until the background dispatch settles (Cloudflare Workers, Vercel
   * edge: pass `ctx.waitUntil`). Without it the dispatch just runs on the event loop.
   */
  waitUntil?(promise: Promise<unknown>): void;
}

/** Counters of a {@link WebhookReceiver}, for metrics and tests. */
export interface WebhookReceiverStats {
  /** Requests handled. */
  received: number;
  /** Dispatches acknowledged with op 12 and handed to a sink. */
  dispatched: number;
  /** Authentic requests acknowledged but not dispatched because the same signed body was seen before. */
  replays: number;
  /** op 13 validation requests answered. */
  validations: number;
  /** Requests refused with a 4xx status. */
  rejected: number;
}

/** The op 12 "HTTP callback ACK" body. */
export const WEBHOOK_ACK_BODY = '{"op":12}';

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json' } as const;
/** An unsigned op 13 is only answered for tokens with no `{`, so its signature can never cover a JSON event body. */
const SAFE_PLAIN_TOKEN = /^[A-Za-z0-9._~+/=-]{1,512}$/;
const SAFE_EVENT_TS = /^\d{1,12}$/;
const UTF8 = new TextDecoder();

const schedule: (task: () => void) => void = typeof setImmediate === 'function' ? (task) => setImmediate(task) : (task) => setTimeout(task, 0);

function reply(status: number, body: unknown, headers: Record<string, string> = {}): WebhookResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function refusal(status: number, error: string, message: string): WebhookResponse {
  return reply(status, { error, message });
}

/**
 * The 503 answer of an adapter serving a `QQBot` that is not running (before `start()`, after
 * `stop()`); the platform retries later. Internal.
 */
export function botNotRunning(): WebhookResponse {
  return reply(
    503,
    { error: 'bot_not_running', message: 'The bot is not running: call bot.start(); callbacks are served between start() and stop().' },
    { 'retry-after': '5' },
  );
}

/**
 * The runtime-neutral core of the webhook transport. It checks method, content type, size,
 * routing and signature, answers op 13 validation requests, acknowledges dispatches with op 12 and
 * hands them to the bot's sink in the background, so a slow handler never delays the ACK.
 *
 * Adapters: {@link createWebhookHandler} (fetch `Request`/`Response`), {@link createNodeWebhookHandler}
 * (node:http, Express, Fastify), {@link koaWebhook}, {@link honoWebhook}, {@link expressWebhook}.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export class WebhookReceiver {
  /** Largest accepted body in bytes. */
  readonly maxBodyBytes: number;
  /** Live counters. */
  readonly stats: WebhookReceiverStats = { received: 0, dispatched: 0, replays: 0, validations: 0, rejected: 0 };

  readonly #bots: ReadonlyMap<string, ServedBot>;
  readonly #single: ServedBot | undefined;
  readonly #toleranceSeconds: number;
  readonly #replayStore: DedupStore;
  readonly #requireSignedValidation: boolean;
  readonly #skipVerification: boolean;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #inFlight = new Set<Promise<void>>();

  /**
   * @param options - The bot(s) and the common options.
   * @throws {@link WebhookConfigurationError} on unusable options.
   * @throws {@link WebhookSecretError} if a secret is empty.
   */
  constructor(options: WebhookHandlerOptions) {
    this.#logger = resolveLogger(options.logger, options.logLevel);
    this.#clock = options.clock ?? systemClock;
    this.#toleranceSeconds = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.#replayStore = options.replayStore ?? new MemoryDedupStore({ clock: this.#clock });
    this.#requireSignedValidation = options.requireSignedValidation ?? false;
    if (!(Number.isInteger(this.maxBodyBytes) && this.maxBodyBytes > 0)) {
      throw new WebhookConfigurationError('maxBodyBytes must be a positive integer number of bytes.');
    }
    if (!(Number.isFinite(this.#toleranceSeconds) && this.#toleranceSeconds > 0)) {
      throw new WebhookConfigurationError('toleranceSeconds must be a positive number of seconds.');
    }

    const bots = ('bots' in options ? options.bots : [options]).map(servedBot);
    if (bots.length === 0) throw new WebhookConfigurationError('bots is empty: give at least one bot to serve.');
    const byAppId = new Map<string, ServedBot>();
    for (const bot of bots) {
      // An empty secret fails here, at startup; the keys are derived now so the first request does not wait for them.
      for (const secret of [bot.secret, ...(bot.additionalSecrets ?? [])]) {
        deriveWebhookSeed(secret);
        ed25519.publicKey(secret).catch(() => undefined);
        rememberSecret(secret, 'appSecret');
      }
      if (bot.appId === undefined) {
        if ('bots' in options) {
          throw new WebhookConfigurationError('Every bot in `bots` needs an appId: requests are routed by X-Bot-Appid.');
        }
        continue;
      }
      if (byAppId.has(bot.appId)) {
        throw new WebhookConfigurationError(`Two bots have appId ${bot.appId}: each bot on an endpoint needs its own appId.`);
      }
      byAppId.set(bot.appId, bot);
    }
    this.#bots = byAppId;
    this.#single = 'bots' in options ? undefined : bots[0];

    this.#skipVerification = options.dangerouslySkipSignatureVerification === true;
    if (this.#skipVerification) {
      // `process` may not exist on Workers-style runtimes.
      if (globalThis.process?.env?.NODE_ENV === 'production') {
        throw new WebhookConfigurationError('dangerouslySkipSignatureVerification is refused when NODE_ENV=production: remove it so callbacks are verified.');
      }
      this.#logger.warn(
        'Webhook signature verification is OFF (dangerouslySkipSignatureVerification): anyone who can reach this endpoint can inject events. Use it for local debugging only.',
      );
    }
  }

  /**
   * Checks what can be checked before reading the body: method, content type and a declared
   * `Content-Length` above the limit. Adapters call it first and skip reading the body when it
   * returns a response.
   *
   * @param method - The HTTP method.
   * @param headers - The request headers.
   * @returns A refusal to send, or `undefined` to go on.
   */
  precheck(method: string, headers: WebhookHeaders): WebhookResponse | undefined {
    if (method.toUpperCase() !== 'POST') {
      this.stats.received++;
      this.stats.rejected++;
      return { ...refusal(405, 'method_not_allowed', 'The QQ platform only POSTs callbacks.'), headers: { ...JSON_HEADERS, allow: 'POST' } };
    }
    const contentType = readHeader(headers, 'content-type');
    // An absent Content-Type is tolerated: the platform's docs do not promise one, and the body is checked anyway.
    if (contentType !== undefined && !/^application\/json\s*(;|$)/i.test(contentType.trim())) {
      this.stats.received++;
      this.stats.rejected++;
      return refusal(415, 'unsupported_media_type', 'Callbacks are JSON: send Content-Type: application/json.');
    }
    const declared = readHeader(headers, 'content-length');
    if (declared !== undefined && Number(declared) > this.maxBodyBytes) return this.tooLarge();
    return undefined;
  }

  /** The 413 answer for a body over {@link WebhookReceiver.maxBodyBytes}; adapters use it while streaming. */
  tooLarge(): WebhookResponse {
    this.stats.received++;
    this.stats.rejected++;
    return refusal(413, 'payload_too_large', `The body is larger than maxBodyBytes (${this.maxBodyBytes} bytes).`);
  }

  /**
   * Handles one callback end to end and returns the response to send. Never throws and never
   * waits for the bot's handlers: dispatches run in the background after the op 12 ACK.
   *
   * @param request - Method, headers and raw body.
   * @param context - Optional runtime hooks (`waitUntil`).
   * @returns The response for the adapter to write.
   */
  async handle(request: WebhookRequest, context?: WebhookHandleContext): Promise<WebhookResponse> {
    const early = this.precheck(request.method, request.headers);
    if (early) return early;
    const size = typeof request.body === 'string' ? utf8Length(request.body) : request.body.byteLength;
    if (size > this.maxBodyBytes) return this.tooLarge();
    this.stats.received++;
    try {
      return await this.#handleChecked(request, context);
    } catch (error) {
      // Only a bug lands here; answer 500 so the platform retries later.
      this.#logger.error('Webhook request failed unexpectedly; answering 500 so the platform retries.', {
        error: error instanceof Error ? error.message : String(error),
      });
      return refusal(500, 'internal_error', 'The webhook handler failed; the platform will retry.');
    }
  }

  /**
   * Resolves once every dispatch started so far has settled: for graceful shutdown and tests.
   *
   * @returns A promise that resolves when no background dispatch is left.
   */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async #handleChecked(request: WebhookRequest, context: WebhookHandleContext | undefined): Promise<WebhookResponse> {
    const routed = this.#route(request.headers);
    if ('status' in routed) return this.#reject(routed);
    const bot = routed;

    const signed =
      readHeader(request.headers, WebhookHeaderNames.signature) !== undefined || readHeader(request.headers, WebhookHeaderNames.timestamp) !== undefined;
    let signature: string | undefined;
    let secret = bot.secret;
    if (!this.#skipVerification && signed) {
      try {
        const verified = await verifyWebhookRequest(request.body, request.headers, {
          clientSecret: bot.secret,
          additionalSecrets: bot.additionalSecrets ?? [],
          toleranceSeconds: this.#toleranceSeconds,
          clock: this.#clock,
        });
        signature = verified.signature;
        secret = verified.secretIndex === 0 ? bot.secret : (bot.additionalSecrets?.[verified.secretIndex - 1] ?? bot.secret);
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        const log = error.reason === 'invalid_signature' ? this.#logger.warn : this.#logger.debug;
        log('Refused a webhook request that failed verification.', { reason: error.reason, appId: bot.appId });
        return this.#reject(refusal(error.status, error.reason, error.message));
      }
    }

    const text = typeof request.body === 'string' ? request.body : UTF8.decode(request.body);
    let json: unknown;
    try {
      json = parsePlatformJson(text);
    } catch {
      if (!signed && !this.#skipVerification) return this.#unsigned();
      return this.#reject(refusal(400, 'invalid_json', 'The body is not valid JSON.'));
    }
    const payload = GatewayPayloadSchema.safeParse(json);
    if (!payload.success) {
      if (!signed && !this.#skipVerification) return this.#unsigned();
      return this.#reject(refusal(400, 'invalid_payload', 'The body is not a QQ payload ({ op, d, … }).'));
    }

    if (payload.data.op === 13) return await this.#validate(json, secret, signed);
    if (!signed && !this.#skipVerification) return this.#unsigned();

    if (payload.data.op !== 0) {
      this.#logger.warn('Refused a webhook payload with an unsupported opcode.', { op: payload.data.op });
      return this.#reject(refusal(400, 'unsupported_op', `Opcode ${payload.data.op} is not handled over webhooks.`));
    }
    const envelope = DispatchEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      return this.#reject(refusal(400, 'invalid_dispatch', 'An op 0 body needs a string `t` and a `d`.'));
    }

    if (signature !== undefined) {
      const key = `qq-webhook:${bot.appId ?? ''}:${signature}`;
      const first = await this.#claimReplayKey(key);
      if (!first) {
        this.stats.replays++;
        this.#logger.debug('Acknowledged a replayed webhook body without dispatching it.', { appId: bot.appId });
        return reply(200, { op: 12 });
      }
    }

    this.stats.dispatched++;
    const background = this.#dispatchLater(bot.dispatcher, envelope.data as DispatchEnvelope);
    context?.waitUntil?.(background);
    return { status: 200, headers: JSON_HEADERS, body: WEBHOOK_ACK_BODY };
  }

  async #claimReplayKey(key: string): Promise<boolean> {
    try {
      return await this.#replayStore.claim(key, this.#toleranceSeconds * 2000);
    } catch (error) {
      this.#logger.warn('The webhook replay store failed; treating the request as new.', {
        error: error instanceof Error ? error.message : String(error),
      });
      return true;
    }
  }

  #route(headers: WebhookHeaders): ServedBot | WebhookResponse {
    const appId = readHeader(headers, WebhookHeaderNames.appId)?.trim();
    if (this.#single) {
      if (appId !== undefined && this.#single.appId !== undefined && appId !== this.#single.appId) {
        this.#logger.warn('Refused a webhook request for another appId.', { appId });
        return refusal(403, 'unknown_app', 'This endpoint does not serve the bot named by X-Bot-Appid.');
      }
      return this.#single;
    }
    if (appId === undefined || appId === '') {
      return refusal(400, 'missing_app_id', 'Several bots share this endpoint: the request needs an X-Bot-Appid header.');
    }
    const bot = this.#bots.get(appId);
    if (!bot) {
      this.#logger.warn('Refused a webhook request for an appId this endpoint does not serve.', { appId });
      return refusal(403, 'unknown_app', 'This endpoint does not serve the bot named by X-Bot-Appid.');
    }
    return bot;
  }

  async #validate(json: unknown, secret: string, signed: boolean): Promise<WebhookResponse> {
    const parsed = WebhookValidationRequestSchema.safeParse(json);
    if (!parsed.success) {
      return this.#reject(refusal(400, 'invalid_validation', 'An op 13 body needs d.plain_token and d.event_ts.'));
    }
    if (!signed && !this.#skipVerification) {
      const { plain_token, event_ts } = parsed.data.d;
      if (this.#requireSignedValidation || !SAFE_PLAIN_TOKEN.test(plain_token) || !SAFE_EVENT_TS.test(event_ts)) {
        return this.#unsigned();
      }
    }
    this.stats.validations++;
    this.#logger.info('Answered the op 13 callback URL validation.');
    return reply(200, await answerWebhookValidation(secret, parsed.data));
  }

  #unsigned(): WebhookResponse {
    const error = new WebhookVerificationError('missing_signature');
    this.#logger.debug('Refused an unsigned webhook request.');
    return this.#reject(refusal(error.status, error.reason, error.message));
  }

  #reject(response: WebhookResponse): WebhookResponse {
    this.stats.rejected++;
    return response;
  }

  #dispatchLater(sink: WebhookEventSink, envelope: DispatchEnvelope): Promise<void> {
    const meta: WebhookDispatchMeta = { transport: 'webhook' };
    // Scheduled on a later turn so even a handler that blocks synchronously cannot hold the ACK.
    const background = new Promise<void>((resolve) => {
      schedule(() => {
        Promise.resolve()
          .then(() => (typeof sink === 'function' ? sink(envelope, meta) : sink.dispatch(envelope, meta)))
          .catch((error: unknown) => {
            this.#logger.error('A webhook event sink failed.', {
              type: envelope.t,
              eventId: envelope.id,
              error: error instanceof Error ? error.message : String(error),
            });
          })
          .finally(resolve);
      });
    });
    this.#inFlight.add(background);
    void background.finally(() => this.#inFlight.delete(background));
    return background;
  }
}
