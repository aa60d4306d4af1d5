import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { QQError, QQStateError, QQValidationError, messages } from '../../src/index.js';
import { ReplyQuota, splitText } from '../../src/entries/messaging.js';
import { RedisDedupStore, type RedisClient } from '../../src/redis/index.js';
import { ManualClock } from '../../src/testing/index.js';
import { startHarness, type Harness } from '../gateway/harness.js';
import { startBot } from '../bot/startBot.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** What `run` threw (or rejected with). */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

async function expectValidation(run: () => unknown, field: string, text: RegExp): Promise<void> {
  const error = await thrown(run);
  expect(error).toBeInstanceOf(QQValidationError);
  expect((error as QQValidationError).field).toBe(field);
  expect((error as Error).message).toMatch(text);
}

describe('every error qq-sdk throws is a QQError', () => {
  it('no source file throws a plain Error, TypeError or RangeError', () => {
    const root = new URL('../../src/', import.meta.url);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) => /throw new (?:Error|TypeError|RangeError)\(/u.test(readFileSync(new URL(file, root), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('a second start() is a QQStateError that says to stop() first', async () => {
    const { bot, stop } = await startBot();
    cleanups.push(stop);
    const error = await thrown(() => bot.start());
    expect(error).toBeInstanceOf(QQStateError);
    expect(error).toBeInstanceOf(QQError);
    expect((error as Error).message).toMatch(/already running; call stop\(\)/u);
  });

  it('the gateway names shardCount and shards, and refuses a second connect() with a QQStateError', async () => {
    const h: Harness = await startHarness();
    cleanups.push(() => h.close());
    await expectValidation(() => h.makeManager({ shardCount: 0 }).connect(), 'shardCount', /positive integer or 'auto'/u);
    await expectValidation(() => h.makeManager({ shards: [0, 1] }).connect(), 'shards', /outside 0\.\.0/u);
    const manager = h.makeManager();
    await manager.connect();
    const again = await thrown(() => manager.connect());
    expect(again).toBeInstanceOf(QQStateError);
    expect((again as Error).message).toMatch(/call destroy\(\)/u);
  });

  it('message helpers name the argument: keyboard rows, splitText maxLength, claim reserve', async () => {
    const button = { id: 'b', label: 'b', action: { type: 'callback', data: 'x' } } as const;
    await expectValidation(() => messages.keyboard(Array.from({ length: 6 }, () => [button])), 'rows', /5 rows of 5/u);
    await expectValidation(() => splitText('x'.repeat(100), { maxLength: 4 }), 'maxLength', /at least 16, got 4/u);
    const quota = new ReplyQuota();
    const source = { target: { scene: 'c2c', openid: 'U1' }, sourceId: 'm1', receivedAt: new Date() } as const;
    await expectValidation(() => quota.claim(source, { reserve: -1 }), 'reserve', /non-negative integer/u);
  });

  it('the Redis stores name appId and keyPrefix', async () => {
    const redis = {} as RedisClient; // never called: the options are refused first
    await expectValidation(() => new RedisDedupStore({ redis, appId: '' }), 'appId', /non-empty/u);
    await expectValidation(() => new RedisDedupStore({ redis, appId: '1', keyPrefix: 'a{b}' }), 'keyPrefix', /'\{' or '\}'/u);
  });

  it('the simulator clock names ms', async () => {
    await expectValidation(() => new ManualClock().advance(-1), 'ms', /got -1/u);
  });
});
