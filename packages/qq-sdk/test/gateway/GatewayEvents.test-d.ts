import { expectTypeOf, test } from 'vitest';
import type {
  GatewayCloseEvent,
  GatewayError,
  GatewayManager,
  GatewayManagerEventsMap,
  GatewayReadyEvent,
  GatewayShard,
  GatewayShardEventsMap,
} from '../../src/gateway/index.js';

test('the manager map is the shard map with the shard id appended', () => {
  expectTypeOf<GatewayManagerEventsMap['ready']>().toEqualTypeOf<[event: GatewayReadyEvent, shardId: number]>();
  expectTypeOf<GatewayManagerEventsMap['error']>().toEqualTypeOf<[error: GatewayError, shardId: number]>();
  expectTypeOf<GatewayManagerEventsMap['debug']>().toEqualTypeOf<[message: string, shardId: number]>();
  expectTypeOf<keyof GatewayManagerEventsMap>().toEqualTypeOf<keyof GatewayShardEventsMap>();
});

test('listeners are typed', () => {
  const manager = {} as GatewayManager;
  manager.on('close', (event, shardId) => {
    expectTypeOf(event).toEqualTypeOf<GatewayCloseEvent>();
    expectTypeOf(shardId).toEqualTypeOf<number>();
  });
  const shard = {} as GatewayShard;
  shard.on('ready', (event) => {
    expectTypeOf(event.sessionId).toEqualTypeOf<string>();
  });
  // @ts-expect-error: not a lifecycle event (platform events go through the dispatcher)
  shard.on('GROUP_AT_MESSAGE_CREATE', () => {});
});
