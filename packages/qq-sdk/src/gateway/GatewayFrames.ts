import * as z from '../internal/zod.js';

/** `d` of op 10 Hello. @internal */
export const HelloDataSchema = z.looseObject({ heartbeat_interval: z.number().positive() });

/** `d` of the READY dispatch. @internal */
export const ReadyDataSchema = z.looseObject({
  session_id: z.string().min(1),
  user: z.looseObject({ id: z.string(), username: z.string().optional(), bot: z.boolean().optional() }).optional(),
  shard: z.tuple([z.number(), z.number()]).optional(),
});
