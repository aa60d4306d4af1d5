import * as z from '../internal/zod.js';

/**
 * The token endpoint's success body. `expires_in` is documented as a number but the official
 * example sends a string, so both are accepted and normalised to seconds.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/api-use.html
 */
export const AccessTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z
    .union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/)])
    .transform((value) => Number(value))
    .pipe(z.number().positive().finite()),
});

/** The parsed token response: `expires_in` is always a number of seconds. */
export type AccessTokenResponse = z.output<typeof AccessTokenResponseSchema>;
