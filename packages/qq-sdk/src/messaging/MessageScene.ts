export type { MessageScene } from '../events/MessageEvents.js';

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
