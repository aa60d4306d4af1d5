import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How long changes gather before one write: a busy chat writes at most this often. */
const SAVE_DELAY_MS = 2_000;

/**
 * One JSON file of plugin state that outlives the process: read once at start, written whole
 * (to a temporary file, then renamed, so a crash mid-write leaves the previous version) a moment
 * after changes stop coming, and at once on {@link JsonStateFile.flush}. Errors are reported to
 * `onError` and never thrown: losing this state degrades a feature, it must not stop the bot.
 */
export class JsonStateFile<T> {
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param path - The file.
   * @param snapshot - Returns what to write.
   * @param onError - Told about a failed read or write.
   */
  constructor(
    readonly path: string,
    private readonly snapshot: () => T,
    private readonly onError: (action: 'read' | 'write', error: unknown) => void,
  ) {}

  /** The file's content, or `undefined` when it does not exist or cannot be read. */
  read(): unknown {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.onError('read', error);
      return undefined;
    }
  }

  /** Writes soon; several changes in a row give one write. */
  schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.#timer.unref?.();
  }

  /** Writes now if a write is pending. */
  flush(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(this.snapshot()), { mode: 0o600 });
      renameSync(temporary, this.path);
    } catch (error) {
      this.onError('write', error);
    }
  }
}
