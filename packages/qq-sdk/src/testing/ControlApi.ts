import * as z from '../internal/zod.js';
import type { QQSimulator } from './QQSimulator.js';
import type { RawDispatch } from './rawDispatch.js';
import { SIMULATOR_ROUTES } from './SimulatorRoute.js';

/** The path prefix of the control API (see {@link SimulatorOptions.controlApi}). */
export const CONTROL_API_PREFIX = '/_simulator';

const InjectSchema = z.object({ type: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() });
const WebhookSchema = InjectSchema.extend({ url: z.string() });
const SelectorSchema = z.object({ connectionId: z.number().int().optional(), sessionId: z.string().optional(), shard: z.number().int().optional() }).optional();
const GatewayActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('reconnect'), selector: SelectorSchema }),
  z.object({ action: z.literal('invalidSession'), resumable: z.boolean(), selector: SelectorSchema }),
  z.object({ action: z.literal('close'), code: z.number().int(), selector: SelectorSchema }),
  z.object({ action: z.literal('dropConnection'), selector: SelectorSchema }),
  z.object({ action: z.literal('stopAcks') }),
  z.object({ action: z.literal('resumeAcks') }),
  z.object({ action: z.literal('unban') }),
  z.object({ action: z.literal('expireToken') }),
]);
const FailSchema = z.object({
  route: z.enum([...SIMULATOR_ROUTES, '*']),
  failure: z.union([z.number().int(), z.object({ status: z.number().int().optional(), code: z.number().int().optional(), message: z.string().optional() })]),
  times: z.number().int().positive().optional(),
});

type Answer = { status: number; body: unknown };

/**
 * The simulator's control API over HTTP, for bots in other processes or languages (the CLI turns
 * it on). Every endpoint answers JSON:
 *
 * - `POST /_simulator/inject` `{type, data?}` → the injected event (`{type, id, data, delivered}`)
 * - `POST /_simulator/inject-raw` with a captured dispatch frame `{op: 0, t, id?, d}` as the body,
 *   replayed verbatim (the body's own text, so `d` keeps key order and big numbers) → the event
 * - `POST /_simulator/webhook` `{url, type, data?}` → the delivery result
 * - `POST /_simulator/gateway` `{action, …}`: `reconnect`, `invalidSession` (`resumable`),
 *   `close` (`code`), `dropConnection`, `stopAcks`, `resumeAcks`, `unban`, `expireToken`;
 *   each optionally with a `selector` → `{affected}`
 * - `POST /_simulator/fail` `{route, failure, times?}` (see {@link QQSimulator.failNext})
 * - `GET /_simulator/messages?target=…` → messages the bot sent
 * - `GET /_simulator/requests` → every REST call
 * - `GET /_simulator/gateway` → sessions, connections, identifies, resumes, heartbeats
 *
 * Internal; reached through the simulator's HTTP server.
 */
export function handleControlRequest(sim: QQSimulator, method: string, url: URL, body: unknown, rawText?: string): Promise<Answer> | Answer {
  const path = url.pathname.slice(CONTROL_API_PREFIX.length);
  const bad = (error: z.ZodError | string): Answer => ({
    status: 400,
    body: { error: typeof error === 'string' ? error : z.prettifyError(error) },
  });
  if (method === 'GET') {
    switch (path) {
      case '/messages': {
        const target = url.searchParams.get('target');
        return { status: 200, body: target === null ? sim.sentMessages : sim.messagesTo(target) };
      }
      case '/requests':
        return { status: 200, body: sim.requests };
      case '/gateway':
        return {
          status: 200,
          body: {
            sessions: sim.sessions,
            connections: sim.connections,
            identifies: sim.identifies,
            resumes: sim.resumes,
            heartbeats: sim.heartbeats.length,
          },
        };
      default:
        return { status: 404, body: { error: `unknown control endpoint GET ${url.pathname}` } };
    }
  }
  if (method !== 'POST') return { status: 405, body: { error: 'use GET or POST' } };
  switch (path) {
    case '/inject': {
      const parsed = InjectSchema.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      return { status: 200, body: sim.inject(parsed.data.type, parsed.data.data) };
    }
    case '/inject-raw':
      try {
        return { status: 200, body: sim.injectRaw(rawText ?? (body as RawDispatch)) };
      } catch (error) {
        return bad(error instanceof Error ? error.message : String(error));
      }
    case '/webhook': {
      const parsed = WebhookSchema.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      return sim
        .deliverWebhook(parsed.data.url, parsed.data.type, parsed.data.data)
        .then((result): Answer => ({ status: 200, body: result }))
        .catch((error: unknown): Answer => bad(error instanceof Error ? error.message : String(error)));
    }
    case '/fail': {
      const parsed = FailSchema.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      sim.failNext(parsed.data.route, stripUndefined(parsed.data.failure), parsed.data.times);
      return { status: 200, body: { ok: true } };
    }
    case '/gateway': {
      const parsed = GatewayActionSchema.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      return { status: 200, body: { affected: runGatewayAction(sim, parsed.data) } };
    }
    default:
      return { status: 404, body: { error: `unknown control endpoint POST ${url.pathname}` } };
  }
}

function runGatewayAction(sim: QQSimulator, action: z.output<typeof GatewayActionSchema>): number {
  const selector = 'selector' in action && action.selector ? stripUndefined(action.selector) : {};
  switch (action.action) {
    case 'reconnect':
      return sim.reconnect(selector);
    case 'invalidSession':
      return sim.invalidSession(action.resumable, selector);
    case 'close':
      return sim.close(action.code, selector);
    case 'dropConnection':
      return sim.dropConnection(selector);
    case 'stopAcks':
      sim.stopAcks();
      return sim.openConnections;
    case 'resumeAcks':
      sim.resumeAcks();
      return sim.openConnections;
    case 'unban':
      sim.unban();
      return 0;
    case 'expireToken':
      sim.expireToken();
      return 0;
  }
}

/** Drops `undefined` fields (zod's optional output) for exactOptionalPropertyTypes targets. */
function stripUndefined<T>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  if (typeof value !== 'object' || value === null) return value as { [K in keyof T]: Exclude<T[K], undefined> };
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
