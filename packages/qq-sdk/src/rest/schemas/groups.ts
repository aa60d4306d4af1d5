import * as z from '../../internal/zod.js';

/**
 * Group management shapes. UNCONFIRMED: these invite-only APIs are documented only on the 2026
 * wiki (platform reference §2.9); responses are loose objects so every field the platform sends
 * is kept, and only the fields known from the reference are typed.
 */

/** A loose platform object whose fields are not documented in the sources. */
export const LooseRecordSchema = z.lazy(() => z.looseObject({}));
/** A loose platform object. */
export type LooseRecord = z.output<typeof LooseRecordSchema>;

/** A page of group members; pass `next_cursor` (if present) as the next `cursor`. */
export const GroupMembersPageSchema = z.lazy(() => z.looseObject({
  members: z.array(z.looseObject({ member_openid: z.string().optional() })).optional(),
  next_cursor: z.string().optional(),
}));
/** A page of group members. */
export type GroupMembersPage = z.output<typeof GroupMembersPageSchema>;

/** Body of a join-request decision. */
export const JoinRequestDecisionBodySchema = z.lazy(() => z.strictObject({
  op: z.enum(['approve', 'decline']),
  join_request_id: z.string().min(1),
  reject_reason: z.string().optional(),
  add_to_member_blacklist: z.boolean().optional(),
}));
/** A join-request decision body. */
export type JoinRequestDecisionBody = z.input<typeof JoinRequestDecisionBodySchema>;

/** Body of `POST /v2/generate_url_link`. */
export const GenerateUrlLinkBodySchema = z.lazy(() => z.strictObject({ callback_data: z.string().min(1) }));
/** A generate-URL-link body. */
export type GenerateUrlLinkBody = z.input<typeof GenerateUrlLinkBodySchema>;
