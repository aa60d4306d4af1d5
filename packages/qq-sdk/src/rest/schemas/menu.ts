import * as z from '../../internal/zod.js';

/**
 * The custom C2C menu (自定义菜单, platform 2026-08-12): the buttons under the bot's single-chat
 * window, one global configuration for every user. UNCONFIRMED: the shapes follow the official
 * changelog quoted in nonebot/adapter-qq#231 and the field tables transcribed by community SDKs
 * (the reference's own sources predate the API); bodies and responses are loose objects, so a
 * field the platform adds passes through.
 */

const HTTPS = /^https:\/\/\S+$/u;

/** How a menu item is checked, shared by top-level and sub-menu items. */
function checkMenuItem(item: { type: string; send_message?: string | undefined; link?: string | undefined }, ctx: z.RefinementCtx): void {
  if (item.type === 'send_message' && (item.send_message === undefined || item.send_message === '')) {
    ctx.addIssue({ code: 'custom', path: ['send_message'], message: "is required when type is 'send_message'" });
  }
  if (item.type === 'link' && item.link === undefined) {
    ctx.addIssue({ code: 'custom', path: ['link'], message: "is required when type is 'link'" });
  }
}

/**
 * A sub-menu button (inside a `type: 'menu'` item): `send_message` or `link` only, no nesting.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_menu.put.html
 */
export const MenuSubItemSchema = z.lazy(() =>
  z
    .looseObject({
      /** The label (the platform allows about 14 characters, a CJK character counting 2). */
      name: z.string().min(1),
      type: z.enum(['send_message', 'link']),
      /** The text put into the user's input box (`type: 'send_message'`). */
      send_message: z.string().optional(),
      /** An `https://` URL to open (`type: 'link'`). */
      link: z.string().regex(HTTPS, 'must be an https:// URL').optional(),
    })
    .superRefine(checkMenuItem),
);
/** A sub-menu button. */
export type MenuSubItem = z.input<typeof MenuSubItemSchema>;

/**
 * A top-level menu button: `switch` (a toggle whose state travels with the user's next message),
 * `send_message`, `link` (`https://` only) or `menu` (up to 5 sub-items, not nested).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_menu.put.html
 */
export const MenuItemSchema = z.lazy(() =>
  z
    .looseObject({
      /** The label (the platform allows about 10 characters, a CJK character counting 2). */
      name: z.string().min(1),
      type: z.enum(['switch', 'send_message', 'link', 'menu']),
      /** Sub-menu buttons (`type: 'menu'`), 1 to 5. */
      sub_menu_items: z.array(MenuSubItemSchema).max(5, 'at most 5 sub-menu items').optional(),
      /** The text put into the user's input box (`type: 'send_message'`). */
      send_message: z.string().optional(),
      /** An `https://` URL to open (`type: 'link'`). */
      link: z.string().regex(HTTPS, 'must be an https:// URL').optional(),
      /** The toggle (`type: 'switch'`): its id and whether it starts on. */
      switch: z.looseObject({ switch_id: z.string().min(1), default: z.boolean().optional() }).optional(),
    })
    .superRefine((item, ctx) => {
      checkMenuItem(item, ctx);
      if (item.type === 'menu' && (item.sub_menu_items === undefined || item.sub_menu_items.length === 0)) {
        ctx.addIssue({ code: 'custom', path: ['sub_menu_items'], message: "is required (1 to 5 items) when type is 'menu'" });
      }
      if (item.type !== 'menu' && item.sub_menu_items !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sub_menu_items'], message: "is only allowed when type is 'menu'" });
      }
      if (item.type === 'switch' && item.switch === undefined) {
        ctx.addIssue({ code: 'custom', path: ['switch'], message: "is required when type is 'switch' ({ switch_id, default })" });
      }
    }),
);
/** A top-level menu button. */
export type MenuItem = z.input<typeof MenuItemSchema>;

/** A whole menu: up to 10 buttons, shown left to right. */
export const MenuSchema = z.lazy(() =>
  z.looseObject({
    items: z.array(MenuItemSchema).max(10, 'at most 10 menu items'),
  }),
);
/** A whole menu. */
export type Menu = z.input<typeof MenuSchema>;

/**
 * Body of `PUT /v2/menu`. It replaces the whole menu: items left out are removed.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_menu.put.html
 */
export const UpdateMenuBodySchema = z.lazy(() => z.looseObject({ menu: MenuSchema }));
/** A `PUT /v2/menu` body. */
export type UpdateMenuBody = z.input<typeof UpdateMenuBodySchema>;

/** A menu as the platform returns it: item fields are kept as sent, unknown ones included. */
export const MenuRecordSchema = z.lazy(() =>
  z.looseObject({
    items: z
      .array(
        z.looseObject({
          name: z.string().optional(),
          type: z.string().optional(),
          send_message: z.string().optional(),
          link: z.string().optional(),
          switch: z.looseObject({ switch_id: z.string().optional(), default: z.boolean().optional() }).optional(),
          sub_menu_items: z.array(z.looseObject({ name: z.string().optional(), type: z.string().optional() })).optional(),
        }),
      )
      .optional(),
  }),
);
/** A menu as returned by the platform. */
export type MenuRecord = z.output<typeof MenuRecordSchema>;

/**
 * Response of `GET /v2/menu`: the menu (`null` or absent before one was set) and its version.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_menu.get.html
 */
export const MenuResponseSchema = z.lazy(() =>
  z.looseObject({
    version: z.number().optional(),
    menu: MenuRecordSchema.nullable().optional(),
  }),
);
/** A `GET /v2/menu` response. */
export type MenuResponse = z.output<typeof MenuResponseSchema>;

/** Response of a change that bumps a version (`PUT /v2/menu`, `PUT /v2/panels/{panel_id}`). */
export const VersionResponseSchema = z.lazy(() => z.looseObject({ version: z.number().optional() }));
/** A `{ version }` response. */
export type VersionResponse = z.output<typeof VersionResponseSchema>;
