import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GatewaySession, GatewaySessionStore } from './GatewaySessionStore.js';
import { parseStoredGatewaySession, toStoredGatewaySession } from './StoredGatewaySession.js';

/** Keeps temp names unique when several stores in one process write the same file. */
let tempCounter = 0;

/**
 * A {@link GatewaySessionStore} backed by one JSON file, so a restarted process resumes its
 * sessions. Writes go to a temporary file that is renamed over the old one (a crash mid-write never
 * leaves a torn file) and are serialized; a missing or unreadable file means "no sessions".
 *
 * @example
 * ```ts
 * const gateway = new GatewayManager({ ...options, sessionStore: new FileSessionStore('.qq-sessions.json') });
 * ```
 */
export class FileSessionStore implements GatewaySessionStore {
  readonly #path: string;
  #loading: Promise<Map<number, GatewaySession>> | undefined;
  #writing: Promise<void> = Promise.resolve();

  /** @param path - The JSON file to keep sessions in; its folder is created if needed. */
  constructor(path: string) {
    this.#path = path;
  }

  /** {@inheritDoc GatewaySessionStore.get} */
  async get(shardId: number): Promise<GatewaySession | undefined> {
    const session = (await this.#load()).get(shardId);
    return session ? { ...session } : undefined;
  }

  /** {@inheritDoc GatewaySessionStore.set} */
  async set(shardId: number, session: GatewaySession): Promise<void> {
    (await this.#load()).set(shardId, toStoredGatewaySession(session));
    await this.#flush();
  }

  /** {@inheritDoc GatewaySessionStore.delete} */
  async delete(shardId: number): Promise<void> {
    if ((await this.#load()).delete(shardId)) await this.#flush();
  }

  // Single-flight, so concurrent callers see the map in call order.
  #load(): Promise<Map<number, GatewaySession>> {
    this.#loading ??= this.#read();
    return this.#loading;
  }

  async #read(): Promise<Map<number, GatewaySession>> {
    try {
      const parsed = JSON.parse(await readFile(this.#path, 'utf8')) as unknown;
      if (typeof parsed === 'object' && parsed !== null) {
        // Entry by entry: one damaged session costs that shard a resume, not every shard.
        const sessions = new Map<number, GatewaySession>();
        for (const value of Object.values(parsed)) {
          const session = parseStoredGatewaySession(value);
          if (session !== undefined) sessions.set(session.shardId, session);
        }
        return sessions;
      }
    } catch {
      // Missing or corrupt: start without sessions (the shards identify).
    }
    return new Map();
  }

  #flush(): Promise<void> {
    const write = async (): Promise<void> => {
      const cache = await this.#load();
      const body = JSON.stringify(Object.fromEntries([...cache].map(([id, s]) => [String(id), s])), null, 2);
      await mkdir(dirname(this.#path), { recursive: true });
      const temp = `${this.#path}.${process.pid}.${(tempCounter += 1)}.tmp`;
      await writeFile(temp, body, 'utf8');
      await rename(temp, this.#path);
    };
    this.#writing = this.#writing.then(write, write);
    return this.#writing;
  }
}
