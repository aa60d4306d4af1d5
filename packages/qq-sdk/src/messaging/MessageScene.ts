/**
 * Where a message was received, and so which reply rules and endpoints apply:
 * - `'c2c'`: a QQ single chat with a user (`C2C_MESSAGE_CREATE`);
 * - `'group'`: a QQ group (`GROUP_AT_MESSAGE_CREATE`, `GROUP_MESSAGE_CREATE`);
 * - `'guild'`: a QQ guild (频道) text channel (`AT_MESSAGE_CREATE`, `MESSAGE_CREATE`);
 * - `'direct'`: a guild direct message (`DIRECT_MESSAGE_CREATE`).
 */
export type MessageScene = 'c2c' | 'group' | 'guild' | 'direct';

/**
 * Where a message goes: the scene plus the ids its send endpoint needs.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */
export type MessageTarget =
  | { readonly scene: 'c2c'; readonly openid: string }
  | { readonly scene: 'group'; readonly groupOpenid: string }
  | { readonly scene: 'guild'; readonly channelId: string; readonly guildId?: string }
  | { readonly scene: 'direct'; readonly guildId: string };

/**
 * A stable string key for a target (`c2c:<openid>`, `group:<group_openid>`, …), for maps and stores.
 *
 * @example
 * ```ts
 * targetKey({ scene: 'group', groupOpenid: 'G1' }); // 'group:G1'
 * ```
 */
export function targetKey(target: MessageTarget): string {
  switch (target.scene) {
    case 'c2c':
      return `c2c:${target.openid}`;
    case 'group':
      return `group:${target.groupOpenid}`;
    case 'guild':
      return `guild:${target.channelId}`;
    case 'direct':
      return `direct:${target.guildId}`;
  }
}
