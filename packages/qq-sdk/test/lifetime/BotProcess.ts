// A bot started the way users start one: `node bot.mjs` in its own process, with no IPC channel
// (an IPC channel would keep the process alive and hide exactly what these tests look for). It
// reports what it does as JSON lines on stdout; the test drives it through the simulator and signals.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built SDK the fixtures import, as a user's program would. */
export const DIST_ENTRY = new URL('../../dist/index.js', import.meta.url);
export const DIST_BUILT = existsSync(DIST_ENTRY);
export const DIST_MISSING = 'packages/qq-sdk/dist is missing: run `pnpm build` before the process tests';

/** One line the bot printed. */
export interface BotLine {
  t: string;
  [field: string]: unknown;
}

/** How the process ended. */
export interface BotExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** `Date.now()` when the exit was seen. */
  at: number;
}

export class BotProcess {
  readonly lines: BotLine[] = [];
  readonly #child: ChildProcess;
  readonly #stderr: string[] = [];
  readonly #waiters = new Set<() => void>();
  #partial = '';
  #exit: BotExit | undefined;
  readonly exited: Promise<BotExit>;

  /** Starts `fixtures/<script>` with `config` as its one argument (JSON). */
  constructor(script: string, config: Record<string, unknown>) {
    const path = fileURLToPath(new URL(`./fixtures/${script}`, import.meta.url));
    this.#child = spawn(process.execPath, [path, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child.stdout?.on('data', (chunk: Buffer) => this.#read(chunk.toString()));
    this.#child.stderr?.on('data', (chunk: Buffer) => this.#stderr.push(chunk.toString()));
    this.exited = new Promise<BotExit>((resolve) => {
      this.#child.on('exit', (code, signal) => {
        this.#exit = { code, signal, at: Date.now() };
        resolve(this.#exit);
        this.#notify();
      });
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.#exit === undefined;
  }

  /** What the process wrote to stderr (warnings, crash stacks). */
  get stderr(): string {
    return this.#stderr.join('');
  }

  /** Lines of one type. */
  of(type: string): BotLine[] {
    return this.lines.filter((line) => line.t === type);
  }

  /**
   * Resolves once `check` holds. Rejects when the process exits first or after `timeoutMs`,
   * with the process's stderr in the message.
   */
  async until(check: () => boolean, timeoutMs = 10_000, what = 'the condition'): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.#waiters.delete(test);
        if (error) reject(error);
        else resolve();
      };
      const test = (): void => {
        if (check()) finish();
        else if (this.#exit !== undefined) finish(new Error(`bot process exited (${describeExit(this.#exit)}) before ${what}; stderr:\n${this.stderr}`));
      };
      const timer = setTimeout(() => finish(new Error(`no ${what} within ${timeoutMs} ms; stderr:\n${this.stderr}`)), timeoutMs);
      this.#waiters.add(test);
      test();
    });
  }

  /** Sends a signal (SIGTERM asks the fixtures that handle it to stop gracefully). */
  signal(signal: NodeJS.Signals): void {
    this.#child.kill(signal);
  }

  /** Kills the process if it still runs, and waits for it. */
  async kill(): Promise<BotExit> {
    if (this.#exit === undefined) this.#child.kill('SIGKILL');
    return this.exited;
  }

  #read(text: string): void {
    const chunks = (this.#partial + text).split('\n');
    this.#partial = chunks.pop() ?? '';
    for (const chunk of chunks) {
      if (chunk.trim() === '') continue;
      try {
        this.lines.push(JSON.parse(chunk) as BotLine);
      } catch {
        this.lines.push({ t: 'stdout', text: chunk });
      }
    }
    this.#notify();
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}

export function describeExit(exit: BotExit): string {
  return exit.signal !== null ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
}
