import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSessionStore, MemorySessionStore, type GatewaySession } from '../../src/gateway/index.js';

const session: GatewaySession = { sessionId: 'abc', seq: 42, shardId: 1, shardCount: 2 };

describe('MemorySessionStore', () => {
  it('stores, returns copies and deletes', () => {
    const store = new MemorySessionStore();
    store.set(1, session);
    const got = store.get(1);
    expect(got).toEqual(session);
    if (got) got.seq = 0;
    expect(store.get(1)?.seq).toBe(42);
    store.delete(1);
    expect(store.get(1)).toBeUndefined();
  });
});

describe('FileSessionStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qq-sessions-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('survives a restart (a new store on the same file)', async () => {
    const path = join(dir, 'nested', 'sessions.json');
    const first = new FileSessionStore(path);
    await first.set(1, session);
    await first.set(0, { ...session, shardId: 0, seq: null });
    const second = new FileSessionStore(path);
    expect(await second.get(1)).toEqual(session);
    expect(await second.get(0)).toEqual({ ...session, shardId: 0, seq: null });
    await second.delete(1);
    expect(await new FileSessionStore(path).get(1)).toBeUndefined();
    expect(JSON.parse(await readFile(path, 'utf8'))).toHaveProperty('0');
  });

  it('keeps the ranges of events handled above the resume position across a restart', async () => {
    const path = join(dir, 'ranges.json');
    const handled: GatewaySession = {
      ...session,
      handledAbove: [
        [44, 50],
        [52, 52],
      ],
    };
    await new FileSessionStore(path).set(1, { ...handled, extra: 'not stored' } as GatewaySession);
    expect(await new FileSessionStore(path).get(1)).toEqual(handled);
  });

  it('drops only a damaged entry, and keeps the other shards resumable', async () => {
    const path = join(dir, 'partly.json');
    await writeFile(path, JSON.stringify({ '0': { sessionId: '', seq: 'x' }, '1': session }));
    const store = new FileSessionStore(path);
    expect(await store.get(0)).toBeUndefined();
    expect(await store.get(1)).toEqual(session);
  });

  it('treats a missing or corrupt file as empty', async () => {
    expect(await new FileSessionStore(join(dir, 'none.json')).get(0)).toBeUndefined();
    const path = join(dir, 'bad.json');
    await writeFile(path, '{not json');
    expect(await new FileSessionStore(path).get(0)).toBeUndefined();
  });

  it('serializes concurrent writes so the last one wins', async () => {
    const path = join(dir, 's.json');
    const store = new FileSessionStore(path);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(0, { ...session, shardId: 0, seq: i })));
    expect((await new FileSessionStore(path).get(0))?.seq).toBe(19);
  });
});
