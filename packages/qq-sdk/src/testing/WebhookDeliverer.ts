import { randomBytes } from 'node:crypto';
import type { Clock } from '../internal/Clock.js';
import { signWebhookPayload } from '../webhook/sign.js';
import { verifyWebhookSignature } from '../webhook/verifyWebhookSignature.js';
import { SimulatorError } from './SimulatorError.js';

/** One POST of a webhook callback and what the bot answered. */
export interface WebhookAttempt {
  /** HTTP status of the answer (0 when the request failed or timed out). */
  status: number;
  /** The answer's body text. */
  body: string;
  /** Whether the answer was an op 12 acknowledgement. */
  acknowledged: boolean;
  /** The network error, when the request failed. */
  error?: string;
}

/** The outcome of {@link QQSimulator.deliverWebhook}. */
export interface WebhookDeliveryResult {
  /** The envelope id of the delivered event. */
  id: string;
  /** The exact body posted (the same bytes on every attempt). */
  body: string;
  /** Every POST made: the first delivery, then the re-posts. */
  attempts: WebhookAttempt[];
  /** Whether some attempt was acknowledged with op 12. */
  acknowledged: boolean;
}

/** The outcome of {@link QQSimulator.validateWebhook} (the op 13 callback-URL check). */
export interface WebhookValidationResult {
  /** Whether the answer echoed `plain_token` with a valid signature, as the platform requires. */
  valid: boolean;
  /** HTTP status of the answer. */
  status: number;
  /** The answer's body text. */
  body: string;
  /** The `plain_token` sent. */
  plainToken: string;
  /** The `event_ts` sent. */
  eventTs: string;
}

/** Options of {@link QQSimulator.deliverWebhook}. */
export interface WebhookDeliveryOptions {
  /** Re-posts after an unacknowledged attempt (defaults to the simulator's `webhookRetries`). */
  retries?: number;
  /** Delay before each re-post in ms (defaults to the simulator's `webhookRetryDelayMs`). */
  retryDelayMs?: number;
  /** Timeout of one POST in ms. @defaultValue 5000 */
  timeoutMs?: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Posts signed callbacks the way the platform does (Ed25519 signature from the app secret,
 * `X-Signature-*`, `X-Bot-Appid`, `User-Agent: QQBot-Callback`), and re-posts those not
 * acknowledged with op 12. Internal; driven by {@link QQSimulator}.
 */
export class WebhookDeliverer {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly controllers = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly clock: Clock,
    private readonly defaults: { retries: number; retryDelayMs: number },
  ) {}

  /** Posts `body` (an op 0 envelope) until acknowledged or out of re-posts. */
  async deliver(url: string, id: string, body: string, options: WebhookDeliveryOptions = {}): Promise<WebhookDeliveryResult> {
    const target = checkLoopback(url);
    const retries = options.retries ?? this.defaults.retries;
    const delay = options.retryDelayMs ?? this.defaults.retryDelayMs;
    const attempts: WebhookAttempt[] = [];
    for (let attempt = 0; attempt <= retries && !this.closed; attempt++) {
      if (attempt > 0) await this.sleep(delay);
      if (this.closed) break;
      const timestamp = String(Math.floor(this.clock.now() / 1000));
      const result = await this.post(
        target,
        body,
        {
          'x-signature-timestamp': timestamp,
          'x-signature-ed25519': await signWebhookPayload(this.secret, timestamp, body),
        },
        options.timeoutMs ?? 5000,
      );
      const acknowledged = result.status >= 200 && result.status < 300 && isOp12(result.body);
      attempts.push({ ...result, acknowledged });
      if (acknowledged) return { id, body, attempts, acknowledged: true };
    }
    return { id, body, attempts, acknowledged: false };
  }

  /** Sends the op 13 validation request and checks the signed answer. */
  async validate(url: string, timeoutMs = 5000): Promise<WebhookValidationResult> {
    const target = checkLoopback(url);
    const plainToken = randomBytes(15).toString('base64url');
    const eventTs = String(Math.floor(this.clock.now() / 1000));
    const body = JSON.stringify({ d: { plain_token: plainToken, event_ts: eventTs }, op: 13 });
    const result = await this.post(
      target,
      body,
      {
        'x-signature-timestamp': eventTs,
        'x-signature-ed25519': await signWebhookPayload(this.secret, eventTs, body),
      },
      timeoutMs,
    );
    let valid = false;
    try {
      const answer = JSON.parse(result.body) as { plain_token?: unknown; signature?: unknown };
      valid =
        result.status === 200 &&
        answer.plain_token === plainToken &&
        typeof answer.signature === 'string' &&
        (await verifyWebhookSignature(this.secret, eventTs, plainToken, answer.signature));
    } catch {
      valid = false;
    }
    return { valid, status: result.status, body: result.body, plainToken, eventTs };
  }

  /** Aborts requests in flight and cancels waiting re-posts. */
  close(): void {
    this.closed = true;
    for (const controller of this.controllers) controller.abort();
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.pending.clear();
  }

  private async post(url: URL, body: string, signature: Record<string, string>, timeoutMs: number): Promise<Omit<WebhookAttempt, 'acknowledged'>> {
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    timer.unref();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'QQBot-Callback',
          'x-bot-appid': this.appId,
          ...signature,
        },
        body,
        signal: controller.signal,
      });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { status: 0, body: '', error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      entry.timer.unref();
      this.pending.add(entry);
    });
  }
}

function isOp12(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { op?: unknown };
    return parsed.op === 12;
  } catch {
    return false;
  }
}

/** The platform only calls out; the simulator only calls the loopback interface. */
function checkLoopback(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SimulatorError(`Webhook URL "${url}" is not a valid URL; pass e.g. http://127.0.0.1:3000/qq/webhook.`);
  }
  if (!LOOPBACK_HOSTS.has(parsed.hostname) || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new SimulatorError(
      `The simulator only delivers webhooks to the loopback interface; got "${parsed.host}". ` + 'Listen on 127.0.0.1 and pass that URL.',
    );
  }
  return parsed;
}
