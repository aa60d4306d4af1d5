// Starts throwaway redis-server (or redis-sentinel) processes on 127.0.0.1 for the tests: a free
// port, a temp dir holding the config file, no persistence.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The path of the `name` binary, or undefined when it is not installed. */
export function findBinary(name: string): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/bin', '/usr/local/bin', '/usr/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The redis-server binary, or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  return findBinary('redis-server');
}

export const REDIS_SERVER = findRedisServer();
export const SKIP_REASON = "redis-server not found (CI installs Debian's redis-server in .ci/run); skipping the Redis tests";
export const REDIS_SENTINEL = findBinary('redis-sentinel');
export const SENTINEL_SKIP_REASON = "redis-sentinel not found (CI installs Debian's redis-sentinel in .ci/run); skipping the Sentinel tests";

if (!REDIS_SERVER) console.warn(`[qq-sdk redis tests] ${SKIP_REASON}`);
else if (!REDIS_SENTINEL) console.warn(`[qq-sdk redis tests] ${SENTINEL_SKIP_REASON}`);

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(200, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => done(true));
  });
}

/** How to start a {@link RedisServer}. */
export interface RedisServerOptions {
  /** Extra config file lines, e.g. `cluster-enabled yes` or `replicaof 127.0.0.1 6379`. */
  readonly config?: readonly string[];
  /** Run redis-sentinel instead of redis-server (the config lines then hold the `sentinel …` directives). */
  readonly sentinel?: boolean;
}

/** A redis-server (or redis-sentinel) child process that the test owns. */
export class RedisServer {
  readonly port: number;
  readonly #dir: string;
  readonly #binary: string;
  readonly #configFile: string;
  #child: ChildProcess | undefined;

  private constructor(port: number, dir: string, binary: string) {
    this.port = port;
    this.#dir = dir;
    this.#binary = binary;
    this.#configFile = join(dir, 'redis.conf');
  }

  /** Starts a server on a free port and waits until it accepts connections. */
  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const binary = options.sentinel ? REDIS_SENTINEL : REDIS_SERVER;
    if (!binary) throw new Error(options.sentinel ? SENTINEL_SKIP_REASON : SKIP_REASON);
    const server = new RedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'qq-sdk-redis-')), binary);
    // A config file (not only flags): Sentinel needs one, and CONFIG REWRITE during a failover writes to it.
    const lines = [`port ${server.port}`, 'bind 127.0.0.1', `dir ${server.#dir}`, 'loglevel warning'];
    if (!options.sentinel) lines.push('save ""', 'appendonly no');
    writeFileSync(server.#configFile, [...lines, ...(options.config ?? [])].join('\n') + '\n');
    try {
      await server.resume();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** (Re)starts the process on the same port, with the same config (and data dir). */
  async resume(): Promise<void> {
    if (this.#child) return;
    const child = spawn(this.#binary, [this.#configFile], { stdio: 'ignore' });
    this.#child = child;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.#binary} exited with code ${child.exitCode} on port ${this.port}`);
      if (await canConnect(this.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${this.#binary} did not accept connections on port ${this.port} within 10 s`);
  }

  /** Kills the process (kept restartable with {@link RedisServer.resume}). */
  async pause(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the process and removes its directory. */
  async stop(): Promise<void> {
    await this.pause();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
