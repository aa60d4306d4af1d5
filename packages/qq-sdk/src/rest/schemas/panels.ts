import * as z from '../../internal/zod.js';

/**
 * Command panels (指令面板, platform 2026-08-12): lists of commands and links shown in a chat's
 * panel, per scene (`c2c`, `group`, `channel`, `dm`), for every chat of the scene
 * (`target_type: 'all'`) or for listed users / groups (`'specific'`, C2C and groups only). A bot
 * has at most 20 panels of up to 20 items. UNCONFIRMED: the shapes follow the official changelog
 * quoted in nonebot/adapter-qq#231 and the field tables transcribed by community SDKs; bodies and
 * responses are loose objects, so a field the platform adds passes through.
 */

const HTTPS = /^https:\/\/\S+$/u;

/** The scene a panel applies to. */
export const PanelScopeSchema = z.lazy(() => z.enum(['c2c', 'group', 'channel', 'dm']));
/** A panel scene: `c2c`, `group`, `channel` (guild text channel) or `dm` (guild DM). */
export type PanelScope = z.output<typeof PanelScopeSchema>;

/**
 * One panel element: a `command` (its `name` goes into the input box) or a `link` (`https://`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels.post.html
 */
export const PanelItemSchema = z.lazy(() =>
  z
    .looseObject({
      /** The label, and the command text for `type: 'command'` (about 14 characters, a CJK character counting 2). */
      name: z.string().min(1),
      /** A description shown in the panel (about 30 characters). */
      desc: z.string().optional(),
      type: z.enum(['command', 'link']),
      /** Only group / guild admins may use it. */
      only_admin: z.boolean().optional(),
      /** The `https://` URL (`type: 'link'`). */
      link: z.string().regex(HTTPS, 'must be an https:// URL').optional(),
    })
    .superRefine((item, ctx) => {
      if (item.type === 'link' && item.link === undefined) {
        ctx.addIssue({ code: 'custom', path: ['link'], message: "is required when type is 'link'" });
      }
    }),
);
/** A panel element. */
export type PanelItem = z.input<typeof PanelItemSchema>;

/** A panel's content: up to 20 elements and a developer remark (not shown to users). */
export const PanelSchema = z.lazy(() =>
  z.looseObject({
    items: z.array(PanelItemSchema).max(20, 'at most 20 items'),
    remark: z.string().max(255).optional(),
  }),
);
/** A panel's content. */
export type Panel = z.input<typeof PanelSchema>;

const OpenidList = () => z.array(z.string().min(1)).min(1).max(20, 'at most 20 per call');

/**
 * Body of `POST /v2/panels`. `target_type: 'specific'` (C2C and groups only) takes
 * `user_openids` (c2c) or `group_openids` (group), at most 20 each.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels.post.html
 */
export const CreatePanelBodySchema = z.lazy(() =>
  z
    .looseObject({
      scope: PanelScopeSchema,
      target_type: z.enum(['all', 'specific']).optional(),
      user_openids: OpenidList().optional(),
      group_openids: OpenidList().optional(),
      panel: PanelSchema,
    })
    .superRefine((body, ctx) => {
      if (body.target_type === 'specific' && body.scope !== 'c2c' && body.scope !== 'group') {
        ctx.addIssue({ code: 'custom', path: ['target_type'], message: `'specific' is only supported for scope c2c or group, not ${body.scope}` });
      }
      if (body.user_openids !== undefined && body.scope !== 'c2c') {
        ctx.addIssue({ code: 'custom', path: ['user_openids'], message: 'is only used with scope c2c' });
      }
      if (body.group_openids !== undefined && body.scope !== 'group') {
        ctx.addIssue({ code: 'custom', path: ['group_openids'], message: 'is only used with scope group' });
      }
      if ((body.user_openids !== undefined || body.group_openids !== undefined) && body.target_type === 'all') {
        ctx.addIssue({ code: 'custom', path: ['target_type'], message: "must be 'specific' when openids are given" });
      }
    }),
);
/** A `POST /v2/panels` body. */
export type CreatePanelBody = z.input<typeof CreatePanelBodySchema>;

/**
 * Body of `PUT /v2/panels/{panel_id}`: replaces the items and remark; the panel's targets stay.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels_panel_id.put.html
 */
export const UpdatePanelBodySchema = z.lazy(() => z.looseObject({ panel: PanelSchema }));
/** A `PUT /v2/panels/{panel_id}` body. */
export type UpdatePanelBody = z.input<typeof UpdatePanelBodySchema>;

/**
 * Body of `PUT /v2/panels/{panel_id}/target`: add or remove users (c2c panels) or groups (group
 * panels) of a `specific` panel, at most 20 per call.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels_panel_id_target.put.html
 */
export const PanelTargetBodySchema = z.lazy(() =>
  z
    .looseObject({
      op: z.enum(['add', 'del']),
      user_openids: OpenidList().optional(),
      group_openids: OpenidList().optional(),
    })
    .superRefine((body, ctx) => {
      if (body.user_openids === undefined && body.group_openids === undefined) {
        ctx.addIssue({ code: 'custom', path: ['user_openids'], message: 'give user_openids (c2c panel) or group_openids (group panel)' });
      }
    }),
);
/** A `PUT /v2/panels/{panel_id}/target` body. */
export type PanelTargetBody = z.input<typeof PanelTargetBodySchema>;

/** Query of `GET /v2/panels`: the scene (required) and paging (`limit` 1–50, default 20). */
export const ListPanelsQuerySchema = z.lazy(() =>
  z.strictObject({
    scope: PanelScopeSchema,
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(50).optional(),
  }),
);
/** A `GET /v2/panels` query. */
export type ListPanelsQuery = z.input<typeof ListPanelsQuerySchema>;

/** A panel as the platform returns it. */
export const PanelRecordSchema = z.lazy(() =>
  z.looseObject({
    panel_id: z.string(),
    scope: z.string().optional(),
    target_type: z.string().optional(),
    panel: z
      .looseObject({
        items: z
          .array(
            z.looseObject({
              name: z.string().optional(),
              desc: z.string().optional(),
              type: z.string().optional(),
              only_admin: z.boolean().optional(),
              link: z.string().optional(),
            }),
          )
          .optional(),
        remark: z.string().optional(),
        version: z.number().optional(),
      })
      .optional(),
    /** RFC 3339. */
    created_at: z.string().optional(),
    /** RFC 3339. */
    updated_at: z.string().optional(),
    version: z.number().optional(),
    /** The users of a `specific` c2c panel (detail only, up to 1000). */
    user_openids: z.array(z.string()).optional(),
    /** The groups of a `specific` group panel (detail only, up to 1000). */
    group_openids: z.array(z.string()).optional(),
  }),
);
/** A panel as returned by the platform. */
export type PanelRecord = z.output<typeof PanelRecordSchema>;

/**
 * Response of `GET /v2/panels`: newest first; the last page has `is_end: true` or an empty
 * `next_cursor`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels.get.html
 */
export const PanelListSchema = z.lazy(() =>
  z.looseObject({
    records: z.array(PanelRecordSchema).optional(),
    next_cursor: z.string().optional(),
    is_end: z.boolean().optional(),
  }),
);
/** A page of panels. */
export type PanelList = z.output<typeof PanelListSchema>;

/** Response of `POST /v2/panels`: the new panel's id. */
export const CreatePanelResponseSchema = z.lazy(() => z.looseObject({ panel_id: z.string() }));
/** A `POST /v2/panels` response. */
export type CreatePanelResponse = z.output<typeof CreatePanelResponseSchema>;
