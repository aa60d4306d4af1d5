// Wires a real GatewayManager (real TokenManager, RestClient and EventDispatcher) to a simulator.
import { TokenManager } from '../../src/auth/index.js';
import { EventDispatcher, Intents, type IntentName } from '../../src/events/index.js';
import { GatewayManager, SimpleIdentifyThrottler, type GatewayManagerOptions } from '../../src/gateway/index.js';
import type { Logger } from '../../src/logging/index.js';
import { API, RestClient } from '../../src/rest/index.js';
import { QQSimulator, type SimulatorOptions } from '../../src/testing/index.js';

export interface LogLine {
  level: keyof Logger;
  message: string;
  context: Record<string, unknown> | undefined;
}

/** A logger that keeps lines for assertions (and keeps the test output quiet). */
export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: keyof Logger) =>
    (message: string, context?: Record<string, unknown>): void => {
      lines.push({ level, message, context });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Fast timings so reconnect scenarios finish in milliseconds. */
export const FAST = {
  backoff: { baseMs: 5, maxMs: 40, jitter: 0 },
  invalidSessionDelayMs: [5, 10],
  slowDownDelayMs: 30,
  helloTimeoutMs: 10_000,
  readyTimeoutMs: 10_000,
  closeTimeoutMs: 300,
  identifyThrottler: (limit) => new SimpleIdentifyThrottler({ limit, windowMs: 10 }),
} as const satisfies Partial<GatewayManagerOptions>;

export interface Harness {
  sim: QQSimulator;
  tokens: TokenManager;
  rest: RestClient;
  dispatcher: EventDispatcher;
  logger: ReturnType<typeof memoryLogger>;
  makeManager(options?: Partial<GatewayManagerOptions>): GatewayManager;
  close(): Promise<void>;
}

/** Starts a simulator (heartbeats every second by default) and builds managers against it. */
export async function startHarness(simOptions: SimulatorOptions = {}, intents: IntentName[] = ['GROUP_AND_C2C_EVENT', 'INTERACTION']): Promise<Harness> {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1000, ...simOptions });
  const logger = memoryLogger();
  const tokens = new TokenManager({ appId: sim.appId, clientSecret: sim.clientSecret, tokenUrl: sim.tokenUrl, logger });
  const rest = new RestClient({ token: tokens, appId: sim.appId }, { apiBaseUrl: sim.url, logger, maxRetries: 0 });
  const api = new API(rest);
  const dispatcher = new EventDispatcher({ logger });
  const managers: GatewayManager[] = [];
  return {
    sim,
    tokens,
    rest,
    dispatcher,
    logger,
    makeManager(options = {}) {
      const manager = new GatewayManager({
        intents: Intents.from(intents).bitfield,
        getAccessToken: (signal) => tokens.getAccessToken(signal),
        invalidateAccessToken: (token) => tokens.invalidate(token),
        fetchGatewayInfo: (signal) => api.gateway.getBot(signal ? { signal } : {}),
        dispatcher,
        logger,
        logLevel: 'debug',
        ...FAST,
        ...options,
      });
      managers.push(manager);
      return manager;
    },
    async close() {
      await Promise.all(managers.map((manager) => manager.destroy()));
      await sim.close();
    },
  };
}
