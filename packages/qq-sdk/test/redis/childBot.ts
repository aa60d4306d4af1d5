// Drives one SDK child process (fixtures/redisBotProcess.mjs) over the fork IPC channel.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./fixtures/redisBotProcess.mjs', import.meta.url));
const DIST_REDIS = new URL('../../dist/redis/index.js', import.meta.url);

/** Whether the built package (with its redis entry) exists; the child processes import it. */
export const DIST_BUILT = existsSync(DIST_REDIS);
export const DIST_MISSING = 'packages/qq-sdk/dist/redis is missing: run `pnpm build` before the multi-process Redis tests';

/** A message from the child. */
export interface ChildMessage {
  type: string;
  [field: string]: unknown;
}

export class ChildBot {
  readonly messages: ChildMessage[] = [];
  readonly #child: ChildProcess;
  readonly #waiters = new Set<() => void>();
  readonly #stderr: string[] = [];

  constructor(config: Record<string, unknown>) {
    this.#child = fork(SCRIPT, [JSON.stringify(config)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.#child.stderr?.on('data', (chunk: Buffer) => this.#stderr.push(chunk.toString()));
    this.#child.on('message', (message: ChildMessage) => {
      this.messages.push(message);
      for (const waiter of [...this.#waiters]) waiter();
    });
    this.#child.on('exit', () => {
      for (const waiter of [...this.#waiters]) waiter();
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  of(type: string): ChildMessage[] {
    return this.messages.filter((m) => m.type === type);
  }

  send(command: Record<string, unknown>): void {
    this.#child.send(command);
  }

  /** Waits until the child has sent `count` messages of `type` (or reported an error). */
  async waitFor(type: string, count = 1, timeoutMs = 20_000): Promise<ChildMessage[]> {
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        const failure = this.messages.find((m) => m.type === 'error');
        if (failure) finish(new Error(`child ${this.pid} failed: ${JSON.stringify(failure)}`));
        else if (this.of(type).length >= count) finish();
        else if (this.#child.exitCode !== null) finish(new Error(`child ${this.pid} exited (${this.#child.exitCode}): ${this.#stderr.join('')}`));
      };
      const timer = setTimeout(
        () => finish(new Error(`child ${this.pid}: no ${count}× '${type}' within ${timeoutMs} ms; stderr: ${this.#stderr.join('')}`)),
        timeoutMs,
      );
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        if (error) reject(error);
        else resolve();
      };
      this.#waiters.add(check);
      check();
    });
    return this.of(type);
  }

  /** Sends a command and waits for its answer. */
  async request(command: Record<string, unknown>, answer: string, timeoutMs?: number): Promise<ChildMessage> {
    const before = this.of(answer).length;
    this.send(command);
    const all = await this.waitFor(answer, before + 1, timeoutMs);
    return all[before]!;
  }

  /** Stops the bot gracefully, then makes sure the process is gone. */
  async stop(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.connected) {
      try {
        await this.request({ type: 'stop' }, 'stopped', 5000);
      } catch {
        // fall through to the kill
      }
    }
    if (this.#child.exitCode === null) {
      const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
      this.#child.kill('SIGKILL');
      await exited;
    }
  }
}
