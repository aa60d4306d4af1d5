import type { MessageTarget } from 'qq-sdk';
import { CHANNEL_ID } from '../constants.js';

const PREFIX = `${CHANNEL_ID}:`;

/**
 * Formats a target as the host sees it: `qqbot:c2c:<openid>`, `qqbot:group:<group_openid>`,
 * `qqbot:channel:<channel_id>` or `qqbot:dm:<guild_id>`.
 */
export function formatTarget(target: MessageTarget): string {
  switch (target.scene) {
    case 'c2c':
      return `${PREFIX}c2c:${target.openid}`;
    case 'group':
      return `${PREFIX}group:${target.groupOpenid}`;
    case 'guild':
      return `${PREFIX}channel:${target.channelId}`;
    case 'direct':
      return `${PREFIX}dm:${target.guildId}`;
  }
}

/**
 * Parses a target string (with or without the `qqbot:` prefix; `user:` is accepted for `c2c:`).
 * Returns `undefined` for anything else, so the host can report an unknown target.
 */
export function parseTarget(raw: string): MessageTarget | undefined {
  let rest = raw.trim();
  if (rest.toLowerCase().startsWith(PREFIX)) rest = rest.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0) return undefined;
  const kind = rest.slice(0, colon).toLowerCase();
  const id = rest.slice(colon + 1).trim();
  if (id.length === 0 || /\s/.test(id)) return undefined;
  switch (kind) {
    case 'c2c':
    case 'user':
      return { scene: 'c2c', openid: id };
    case 'group':
      return { scene: 'group', groupOpenid: id };
    case 'channel':
      return { scene: 'guild', channelId: id };
    case 'dm':
      return { scene: 'direct', guildId: id };
    default:
      return undefined;
  }
}
