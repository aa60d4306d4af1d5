// Shared state for a bot on Cloudflare Workers. Isolates do not share memory, so the in-memory
// dedup store and reply ledger would each see only their own isolate's events and replies: a
// redelivered event could be handled twice, and two isolates could both spend a message's last
// reply. A Durable Object is one strongly consistent instance per name, and each claim below is a
// read-modify-write that nothing can interleave with, which is what both stores need.

/** One claim key's state: a dedup mark or a reply count, until it expires. */
export class BotState {
  /** @param {{ storage: DurableObjectStorageLike }} state */
  constructor(state) {
    this.storage = state.storage;
  }

  /** POST { kind: 'dedup', ttlMs } or { kind: 'ledger', limit, ttlMs }. */
  async fetch(request) {
    const { kind, limit, ttlMs } = await request.json();
    const now = Date.now();
    const entry = await this.storage.get('entry');
    const live = entry !== undefined && entry.expiresAt > now ? entry : undefined;
    if (kind === 'dedup') {
      if (live !== undefined) return Response.json(false);
      await this.remember({ count: 1, expiresAt: now + ttlMs });
      return Response.json(true);
    }
    const used = live?.count ?? 0;
    if (used >= limit) return Response.json({ granted: false, seq: used, used });
    await this.remember({ count: used + 1, expiresAt: live?.expiresAt ?? now + ttlMs });
    return Response.json({ granted: true, seq: used + 1, used: used + 1 });
  }

  async remember(entry) {
    await this.storage.put('entry', entry);
    // Forget the key when it expires.
    await this.storage.setAlarm(entry.expiresAt);
  }

  async alarm() {
    await this.storage.deleteAll();
  }
}

/**
 * qq-sdk's dedup store and reply ledger on the BotState namespace: one object per key, so claims
 * for different events and messages never wait for each other.
 *
 * @param {DurableObjectNamespaceLike} namespace - The BOT_STATE binding.
 */
export function durableObjectStores(namespace) {
  const claim = async (key, body) => {
    const stub = namespace.get(namespace.idFromName(key));
    const response = await stub.fetch('https://bot-state/claim', { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`BotState answered HTTP ${response.status}`);
    return response.json();
  };
  return {
    dedupStore: { claim: (key, ttlMs) => claim(key, { kind: 'dedup', ttlMs }) },
    replyLedger: { claim: (key, limit, ttlMs) => claim(key, { kind: 'ledger', limit, ttlMs }) },
  };
}

/**
 * @typedef {{ get(key: string): Promise<any>, put(key: string, value: unknown): Promise<void>, setAlarm(at: number): Promise<void>, deleteAll(): Promise<void> }} DurableObjectStorageLike
 * @typedef {{ idFromName(name: string): unknown, get(id: unknown): { fetch(url: string, init: RequestInit): Promise<Response> } }} DurableObjectNamespaceLike
 */
