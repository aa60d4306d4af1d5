import { QQError } from './QQError.js';
import type { QQApiErrorKind, RetryClass } from './QQApiErrorKind.js';
import { describePlatformCode } from './describePlatformCode.js';
import { redactDeep, redactText } from './knownSecrets.js';

/** Everything known about a failed platform call. Input of {@link QQApiError} constructors. */
export interface QQApiErrorInit {
  /** The HTTP status. */
  readonly status: number;
  /** The platform code (`code`, else `err_code`), if the body had one. */
  readonly code?: number | undefined;
  /** The platform's `message`, if any. */
  readonly platformMessage?: string | undefined;
  /** `X-Tps-trace-ID` header or the body's `trace_id`. */
  readonly traceId?: string | undefined;
  /** The HTTP method, e.g. `POST`. */
  readonly method: string;
  /** The request path (never the query string with secrets), e.g. `/v2/groups/ABC/messages`. */
  readonly route: string;
  /** The parsed error body (with secrets redacted), for diagnostics. */
  readonly body?: unknown;
  /** The `Retry-After` delay the server asked for, in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  /** Overrides the kind derived from the code table (used by the token endpoint: always `auth`). */
  readonly kind?: QQApiErrorKind | undefined;
  /** Overrides the retry class derived from the code table. */
  readonly retry?: RetryClass | undefined;
  /** What to do, when the caller knows better than the code's catalogue entry (e.g. the token endpoint). */
  readonly explanation?: string | undefined;
}

/**
 * A call to the QQ platform that returned an error. Carries the HTTP status, the platform `code`,
 * the platform message, the trace id (quote it when asking QQ support), the method and route,
 * and what qq-sdk knows about the code: {@link QQApiError.kind}, {@link QQApiError.retry} and a
 * one-line {@link QQApiError.explanation}. Use {@link QQApiError.from} to get the subclass that
 * fits the kind.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 *
 * @example
 * ```ts
 * try {
 *   await bot.api.messages.sendGroup(groupOpenid, { msg_type: 0, content: 'hi' });
 * } catch (error) {
 *   if (!(error instanceof QQApiError)) throw error;
 *   if (error.kind === 'rate_limit') await sleep(error.retryAfterMs ?? 1000);
 *   else console.error(error.code, error.traceId, error.message); // quote traceId to QQ support
 * }
 * ```
 */
export class QQApiError extends QQError {
  // Names itself in its body, so the build would publish it as `_QQApiError` (see tsup.config.ts).
  static {
    Object.defineProperty(this, 'name', { value: 'QQApiError' });
  }

  override readonly name: string = 'QQApiError';
  /** The HTTP status. */
  readonly status: number;
  /** The platform business code, or `undefined` if the body carried none. */
  readonly code: number | undefined;
  /** The platform's own message (often Chinese), or `undefined`. */
  readonly platformMessage: string | undefined;
  /** The platform trace id (`X-Tps-trace-ID`), or `undefined`. */
  readonly traceId: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The request path, without the query string. */
  readonly route: string;
  /** The failure kind, from the code table or the status. */
  readonly kind: QQApiErrorKind;
  /** Whether retrying can help, or an operator must act. */
  readonly retry: RetryClass;
  /** One line saying what to do. */
  readonly explanation: string;
  /** The parsed error body (secrets redacted). */
  readonly body: unknown;
  /** The delay the server asked for (`Retry-After`), in milliseconds, if any. */
  readonly retryAfterMs: number | undefined;

  /** @param init - The failed call; see {@link QQApiErrorInit}. */
  constructor(init: QQApiErrorInit) {
    const clean = redactInit(init, []);
    const described = describePlatformCode(clean.code ?? 0, clean.status);
    const info = clean.explanation !== undefined && !described.known ? { ...described, explanation: clean.explanation } : described;
    const head = `${clean.method} ${clean.route} failed with HTTP ${clean.status}`;
    const codePart = clean.code !== undefined ? ` code ${clean.code}` : '';
    const platform = clean.platformMessage ? ` "${clean.platformMessage}"` : '';
    const trace = clean.traceId ? ` (trace id ${clean.traceId})` : '';
    super(`${head}${codePart}${platform}: ${info.explanation}${trace}`);
    this.status = clean.status;
    this.code = clean.code;
    this.platformMessage = clean.platformMessage;
    this.traceId = clean.traceId;
    this.method = clean.method;
    this.route = clean.route;
    this.kind = clean.kind ?? info.kind;
    this.retry = clean.retry ?? info.retry;
    this.explanation = info.explanation;
    this.body = clean.body;
    this.retryAfterMs = clean.retryAfterMs;
  }

  /** `true` if retrying the same request can succeed. */
  get retryable(): boolean {
    return this.retry === 'retryable';
  }

  /**
   * Builds the error subclass that matches the code's kind, with secrets removed from the
   * platform message and body.
   *
   * @param init - The failed call.
   * @param secrets - Values that must not appear in the error (client secret, access token).
   */
  static from(init: QQApiErrorInit, secrets: readonly (string | undefined)[] = []): QQApiError {
    const clean = redactInit(init, secrets);
    const kind = clean.kind ?? describePlatformCode(clean.code ?? 0, clean.status).kind;
    const Ctor = SUBCLASSES[kind];
    return Ctor ? new Ctor(clean) : new QQApiError(clean);
  }
}

/** Every text a server could have filled with a secret (it may echo the token anywhere), redacted. */
function redactInit(init: QQApiErrorInit, secrets: readonly (string | undefined)[]): QQApiErrorInit {
  return {
    ...init,
    route: redactText(init.route, secrets),
    platformMessage: init.platformMessage === undefined ? undefined : redactText(init.platformMessage, secrets),
    traceId: init.traceId === undefined ? undefined : redactText(init.traceId, secrets),
    body: init.body === undefined ? undefined : redactDeep(init.body, secrets),
  };
}

/**
 * The access token or credentials were rejected (`kind: 'auth'`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export class QQAuthError extends QQApiError {
  override readonly name: string = 'QQAuthError';
}
/**
 * Rate limited (`kind: 'rate_limit'`); see {@link QQApiError.retryAfterMs}.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export class QQRateLimitError extends QQApiError {
  override readonly name: string = 'QQRateLimitError';
}
/**
 * The bot lacks a permission or an operator setting (`kind: 'permission'`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export class QQPermissionError extends QQApiError {
  override readonly name: string = 'QQPermissionError';
}
/**
 * The route or target does not exist (`kind: 'not_found'`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export class QQNotFoundError extends QQApiError {
  override readonly name: string = 'QQNotFoundError';
}
/**
 * The content was refused: unregistered URL, markdown/ark not permitted, audit (`kind: 'content_rejected'`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export class QQContentRejectedError extends QQApiError {
  override readonly name: string = 'QQContentRejectedError';
}
/**
 * Passive-reply window, reply count or msg_seq problem (`kind: 'reply_quota'`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export class QQReplyQuotaError extends QQApiError {
  override readonly name: string = 'QQReplyQuotaError';
}
/**
 * The request was malformed (`kind: 'invalid_request'`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export class QQInvalidRequestError extends QQApiError {
  override readonly name: string = 'QQInvalidRequestError';
}
/**
 * The platform failed (`kind: 'server'`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export class QQServerError extends QQApiError {
  override readonly name: string = 'QQServerError';
}

const SUBCLASSES: Partial<Record<QQApiErrorKind, new (init: QQApiErrorInit) => QQApiError>> = {
  auth: QQAuthError,
  rate_limit: QQRateLimitError,
  permission: QQPermissionError,
  not_found: QQNotFoundError,
  content_rejected: QQContentRejectedError,
  reply_quota: QQReplyQuotaError,
  invalid_request: QQInvalidRequestError,
  server: QQServerError,
};
