import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runtimeBinary } from './runtimeBinaries.js';

/** A bot served by a real runtime on 127.0.0.1. */
export interface RunningRuntime {
  /** The URL the runtime serves the bot's webhook on. */
  readonly url: string;
  /** Everything the runtime printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export type RuntimeName = 'workerd' | 'deno' | 'bun';

const EXAMPLES = new URL('../../../examples/edge/', import.meta.url);
const READY_TIMEOUT_MS = 20_000;

/** Starts examples/edge in `runtime` with `env`, and resolves once it listens. */
export function startRuntime(runtime: RuntimeName, env: Record<string, string>): Promise<RunningRuntime> {
  if (runtime === 'deno') return startDeno(env);
  if (runtime === 'bun') return startBun(env);
  return startWorkerd(env);
}

function startDeno(env: Record<string, string>): Promise<RunningRuntime> {
  const scratch = mkdtempSync(join(tmpdir(), 'qq-deno-'));
  const names = [...Object.keys(env), 'HOST', 'PORT'].join(',');
  const child = spawn(
    runtimeBinary('deno'),
    // No network but 127.0.0.1, no remote modules, packages from the local node_modules (the
    // `deno` condition of qq-sdk/fetch picks the web build).
    ['run', '--no-remote', '--no-lock', '--node-modules-dir=manual', '--allow-net=127.0.0.1', `--allow-env=${names}`, 'main.js'],
    {
      cwd: new URL('deno/', EXAMPLES),
      env: { PATH: process.env['PATH'] ?? '', ...env, HOST: '127.0.0.1', PORT: '0', DENO_DIR: scratch, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return listening(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/u, () => rmSync(scratch, { recursive: true, force: true }));
}

function startBun(env: Record<string, string>): Promise<RunningRuntime> {
  const child = spawn(runtimeBinary('bun'), ['run', 'server.js'], {
    cwd: new URL('bun/', EXAMPLES),
    env: { PATH: process.env['PATH'] ?? '', ...env, HOST: '127.0.0.1', PORT: '0', BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return listening(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/u);
}

async function startWorkerd(env: Record<string, string>): Promise<RunningRuntime> {
  const scratch = mkdtempSync(join(tmpdir(), 'qq-workerd-'));
  // Bundled the way wrangler does: the `workerd` condition picks qq-sdk's web build. The BotState
  // Durable Object holds dedup and the reply ledger, as in wrangler.toml.
  await build({
    entryPoints: [new URL('workers/worker.js', EXAMPLES).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    outfile: join(scratch, 'worker.js'),
    logLevel: 'silent',
  });
  const bindings = Object.entries(env)
    .map(([name, value]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)})`)
    .join(', ');
  writeFileSync(
    join(scratch, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .bot),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const bot :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
  bindings = [${bindings}, (name = "BOT_STATE", durableObjectNamespace = "BotState")],
  durableObjectNamespaces = [(className = "BotState", uniqueKey = "qq-sdk-bot-state")],
  durableObjectStorage = (inMemory = void),
  globalOutbound = "loopback",
);
`,
  );
  // workerd reports the port it bound on the control fd (3) as JSON lines.
  const child = spawn(runtimeBinary('workerd'), ['serve', join(scratch, 'config.capnp'), '--control-fd=3'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const control = child.stdio[3];
  if (control === null || control === undefined || !('on' in control)) throw new Error('workerd: no control pipe');
  let controlText = '';
  control.on('data', (chunk: Buffer) => (controlText += chunk.toString('utf8')));
  return listening(
    child,
    () => /"event":"listen","socket":"http","port":(\d+)/u.exec(controlText)?.[1],
    () => rmSync(scratch, { recursive: true, force: true }),
    (port) => `http://127.0.0.1:${port}`,
  );
}

/** Resolves once the child says where it listens; rejects if it exits first or takes too long. */
function listening(
  child: ChildProcess,
  ready: RegExp | (() => string | undefined),
  cleanup: () => void = () => undefined,
  toUrl: (found: string) => string = (found) => found,
): Promise<RunningRuntime> {
  let output = '';
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    cleanup();
  };
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const poll = setInterval(() => {
      const found = typeof ready === 'function' ? ready() : ready.exec(output)?.[1];
      if (found !== undefined) {
        clearInterval(poll);
        resolve({ url: toUrl(found), output: () => output, stop });
      } else if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        void stop().then(() => reject(new Error(`the runtime did not start listening:\n${output}`)));
      }
    }, 20);
  });
}
