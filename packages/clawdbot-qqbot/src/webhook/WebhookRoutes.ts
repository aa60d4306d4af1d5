import type { IncomingMessage, ServerResponse } from 'node:http';
import { createNodeWebhookHandler, WebhookHeaderNames, type NodeWebhookHandler, type WebhookReceiver } from 'qq-sdk/webhook';
import { WebhookConfigError } from './WebhookConfigError.js';

/** A running account taking callbacks on a path. */
export interface WebhookRouteTarget {
  /** The account id (for messages). */
  readonly accountId: string;
  /** Its AppID: QQ names it in `X-Bot-Appid`, which picks the account on a shared path. */
  readonly appId: string;
  /** Its bot's receiver, or `undefined` once the bot stopped. */
  readonly receiver: () => WebhookReceiver | undefined;
  /**
   * Runs the handling of one request in the account's own async context. The host admits work
   * per HTTP request and refuses tasks started after that request ended ("Gateway is draining"),
   * while the event is dispatched after the op 12 ACK; the account's context is the one its
   * WebSocket events run in. Defaults to running in the request's context.
   */
  readonly run?: <T>(fn: () => T) => T;
}

/**
 * The plugin's webhook paths on the gateway's HTTP server and the running accounts behind each.
 * The host mounts paths once, when it loads the plugin, and offers no way to unmount them; so a
 * path stays mounted and an account is attached while it runs and detached when it stops.
 * Requests for a path with no running account get 503 (QQ re-posts later).
 */
export class WebhookRoutes {
  readonly #mounted = new Set<string>();
  readonly #targets = new Map<string, WebhookRouteTarget[]>();
  readonly #handlers = new WeakMap<WebhookReceiver, NodeWebhookHandler>();
  #hostMounts = false;

  /** Records that the host mounted `path` for this plugin. */
  markMounted(path: string): void {
    this.#hostMounts = true;
    this.#mounted.add(path);
  }

  /** Records that the host offers HTTP routes to plugins (even if no path was mounted). */
  markHostMounts(): void {
    this.#hostMounts = true;
  }

  /** Whether the host offered `registerHttpRoute` when it loaded the plugin. */
  get hostMounts(): boolean {
    return this.#hostMounts;
  }

  /** Whether `path` is mounted on the gateway. */
  isMounted(path: string): boolean {
    return this.#mounted.has(path);
  }

  /** The mounted paths, for messages. */
  get mountedPaths(): readonly string[] {
    return [...this.#mounted];
  }

  /**
   * Sends `path`'s callbacks to `target` until the returned function is called.
   *
   * @throws {@link WebhookConfigError} when another running account with the same AppID takes that path.
   */
  attach(path: string, target: WebhookRouteTarget): () => void {
    const list = this.#targets.get(path) ?? [];
    const clash = list.find((other) => other.appId === target.appId);
    if (clash !== undefined) {
      throw new WebhookConfigError(
        'webhook.path',
        `"${path}" already takes callbacks for AppID ${target.appId} (account "${clash.accountId}"); give one of the accounts its own path.`,
      );
    }
    this.#targets.set(path, [...list, target]);
    return () => {
      const rest = (this.#targets.get(path) ?? []).filter((other) => other !== target);
      if (rest.length > 0) this.#targets.set(path, rest);
      else this.#targets.delete(path);
    };
  }

  /**
   * Answers one request to a mounted path: picks the account (by `X-Bot-Appid` when several share
   * the path) and lets its bot's receiver verify the Ed25519 signature over the raw body, answer
   * op 13 or acknowledge and dispatch the event. Resolves `true` once the response is sent.
   */
  async handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const finished = new Promise<boolean>((resolve) => {
      res.once('finish', () => resolve(true));
      res.once('close', () => resolve(true));
    });
    const targets = this.#targets.get(path) ?? [];
    const header = req.headers[WebhookHeaderNames.appId];
    const appId = Array.isArray(header) ? header[0] : header;
    const target = targets.length === 1 ? targets[0] : targets.find((candidate) => candidate.appId === appId);
    const receiver = target?.receiver();
    if (receiver === undefined) {
      if (targets.length > 1 && appId === undefined)
        refuse(res, 400, 'missing_appid', `Several QQ bots take callbacks on this path; the ${WebhookHeaderNames.appId} header picks one.`);
      else if (targets.length > 1) refuse(res, 403, 'unknown_appid', 'No running QQ bot on this path has that AppID.');
      else refuse(res, 503, 'not_running', 'No QQ bot account takes callbacks on this path right now.', { 'retry-after': '5' });
      req.resume();
      return finished;
    }
    let handler = this.#handlers.get(receiver);
    if (handler === undefined) {
      handler = createNodeWebhookHandler(receiver);
      this.#handlers.set(receiver, handler);
    }
    const serve = handler;
    if (target?.run !== undefined) target.run(() => serve(req, res));
    else serve(req, res);
    return finished;
  }
}

function refuse(res: ServerResponse, status: number, error: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error, message }));
}
