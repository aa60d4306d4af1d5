import { parseArgs } from 'node:util';
import { QQSimulator } from './QQSimulator.js';
import type { SimulatorOptions } from './SimulatorOptions.js';
import { QQValidationError } from '../errors/QQValidationError.js';

const USAGE = `Usage: qq-sdk-simulator [options]

Runs the offline QQ platform simulator on 127.0.0.1 until interrupted. The first line printed is
JSON: {"url","wsUrl","tokenUrl","controlUrl","appId","clientSecret"}.

Options:
  --port <n>                  port to listen on (default 0: a free port)
  --app-id <id>               the simulated bot's appId (default 102000000)
  --client-secret <secret>    the simulated bot's client secret
  --heartbeat-interval <ms>   heartbeat_interval sent in Hello (default 41250)
  --shards <n>                shard count recommended by /gateway/bot (default 1)
  --allow-active-messages     accept active (non-reply) messages
  --registered-domain <d>     a domain allowed in message URLs (repeatable)
  --log-level <level>         debug | info | warn | error | silent (default warn)
  --console                   serve the browser console at <url>/_console (chat with your bot)
  --help                      show this help
`;

/** Where the CLI writes; the real process streams in production, buffers in tests. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
}

/**
 * Runs the `qq-sdk-simulator` command: parses `argv`, starts the simulator with its HTTP control
 * API on, and prints its URLs as JSON on the first line. Resolves with the running simulator (or
 * `undefined` after `--help` or a usage error, with `process.exitCode` left to the caller).
 *
 * @param argv - The arguments after the program name.
 * @param io - Where to print.
 */
export async function runSimulatorCli(argv: readonly string[], io: CliIo): Promise<QQSimulator | undefined> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'app-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'heartbeat-interval': { type: 'string' },
        shards: { type: 'string' },
        'allow-active-messages': { type: 'boolean' },
        'registered-domain': { type: 'string', multiple: true },
        'log-level': { type: 'string' },
        console: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return undefined;
  }
  if (values.help) {
    io.out(USAGE);
    return undefined;
  }
  const integer = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0)
      throw new QQValidationError('qq-sdk-simulator arguments', [{ path: `--${name}`, message: `needs a non-negative integer, got "${text}"` }]);
    return n;
  };
  const options: SimulatorOptions = { controlApi: true };
  try {
    const port = integer('port', values.port);
    const heartbeat = integer('heartbeat-interval', values['heartbeat-interval']);
    const shards = integer('shards', values.shards);
    if (port !== undefined) options.port = port;
    if (heartbeat !== undefined) options.heartbeatIntervalMs = heartbeat;
    if (shards !== undefined) options.shards = shards;
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return undefined;
  }
  if (values['app-id'] !== undefined) options.appId = values['app-id'];
  if (values['client-secret'] !== undefined) options.clientSecret = values['client-secret'];
  if (values['allow-active-messages']) options.allowActiveMessages = true;
  if (values.console) options.console = true;
  if (values['registered-domain']) options.registeredDomains = values['registered-domain'];
  const level = values['log-level'];
  if (level === 'debug' || level === 'info' || level === 'warn' || level === 'error' || level === 'silent') {
    options.logLevel = level;
  }
  const sim = await QQSimulator.start(options);
  io.out(
    `${JSON.stringify({
      url: sim.url,
      wsUrl: sim.wsUrl,
      tokenUrl: sim.tokenUrl,
      controlUrl: `${sim.url}/_simulator`,
      ...(values.console ? { consoleUrl: `${sim.url}/_console` } : {}),
      appId: sim.appId,
      clientSecret: sim.clientSecret,
    })}\n`,
  );
  return sim;
}
