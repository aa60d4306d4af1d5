import * as z from '../../internal/zod.js';
import type { GatewaySession } from './GatewaySessionStore.js';

const RangeSchema = z.tuple([z.number().int(), z.number().int()]);

/** What the durable session stores (file, Redis) write: a {@link GatewaySession} as JSON. */
const StoredGatewaySessionSchema = z.object({
  sessionId: z.string().min(1),
  seq: z.number().int().nullable(),
  shardId: z.number().int().nonnegative(),
  shardCount: z.number().int().positive(),
  handledAbove: z.array(RangeSchema).optional(),
});

/**
 * Reads a stored session back, or `undefined` when it is not one (written by something else, or
 * damaged): the shard then identifies instead of resuming.
 *
 * @internal
 */
export function parseStoredGatewaySession(value: unknown): GatewaySession | undefined {
  const parsed = StoredGatewaySessionSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { handledAbove, ...session } = parsed.data;
  return handledAbove !== undefined && handledAbove.length > 0 ? { ...session, handledAbove } : session;
}

/**
 * The JSON-ready form of a session: its own fields only, whatever else the object carries.
 *
 * @internal
 */
export function toStoredGatewaySession(session: GatewaySession): GatewaySession {
  const stored: GatewaySession = {
    sessionId: session.sessionId,
    seq: session.seq,
    shardId: session.shardId,
    shardCount: session.shardCount,
  };
  return session.handledAbove !== undefined && session.handledAbove.length > 0 ? { ...stored, handledAbove: session.handledAbove } : stored;
}
