import type { GatewaySession, GatewaySessionStore } from './GatewaySessionStore.js';

/** The default {@link GatewaySessionStore}: a map in this process's memory. */
export class MemorySessionStore implements GatewaySessionStore {
  readonly #sessions = new Map<number, GatewaySession>();

  /** {@inheritDoc GatewaySessionStore.get} */
  get(shardId: number): GatewaySession | undefined {
    const session = this.#sessions.get(shardId);
    return session ? { ...session } : undefined;
  }

  /** {@inheritDoc GatewaySessionStore.set} */
  set(shardId: number, session: GatewaySession): void {
    this.#sessions.set(shardId, { ...session });
  }

  /** {@inheritDoc GatewaySessionStore.delete} */
  delete(shardId: number): void {
    this.#sessions.delete(shardId);
  }
}
