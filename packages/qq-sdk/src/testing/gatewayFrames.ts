import * as z from '../internal/zod.js';

/** Op 2 Identify `d`, as the simulator accepts it (unknown fields such as `properties` pass). Internal. */
export const IdentifyDataSchema = z.looseObject({
  token: z.string(),
  intents: z.number().int().nonnegative(),
  shard: z.tuple([z.number().int(), z.number().int()]).optional(),
});

/** Op 6 Resume `d`. Internal. */
export const ResumeDataSchema = z.looseObject({
  token: z.string(),
  session_id: z.string(),
  seq: z.number().int(),
});

/** Any frame the bot sends: `op` and `d`. Internal. */
export const ClientFrameSchema = z.looseObject({
  op: z.number().int(),
  d: z.unknown().optional(),
});

/** Op 1 Heartbeat `d`: the last sequence number seen, or null. Internal. */
export const HeartbeatDataSchema = z.number().int().nullable().optional();
