/**
 * Which shard of `numShards` receives an event, by the platform's rule for guild events and the
 * simulator's documented rule for the others:
 *
 * - a `guild_id` (guild, channel, DM, forum … events): `(guild_id >> 22) % numShards`, the
 *   platform's rule; a guild id that is not a decimal number falls back to the hash below;
 * - else a `group_openid` (group events): FNV-1a 32-bit hash of the openid, `% numShards`;
 * - else a user openid (`openid`, `author.user_openid`, `user_openid`, C2C events): the same hash;
 * - else shard 0.
 *
 * The platform does not document how group and C2C events are spread across shards; the hash
 * keeps one group (one user) on one shard, which is what a bot's per-chat state relies on.
 *
 * @param data - The event's `d` payload.
 * @param numShards - The shard count the bot identified with.
 * @returns The shard id, `0 <= id < numShards`.
 */
export function shardForEvent(data: unknown, numShards: number): number {
  if (numShards <= 1) return 0;
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const guildId = d['guild_id'];
  if (typeof guildId === 'string' && guildId !== '') {
    if (/^\d+$/.test(guildId)) return Number((BigInt(guildId) >> 22n) % BigInt(numShards));
    return fnv1a32(guildId) % numShards;
  }
  const groupOpenid = d['group_openid'];
  if (typeof groupOpenid === 'string' && groupOpenid !== '') return fnv1a32(groupOpenid) % numShards;
  const author = d['author'];
  const authorOpenid = typeof author === 'object' && author !== null ? (author as Record<string, unknown>)['user_openid'] : undefined;
  for (const candidate of [d['openid'], authorOpenid, d['user_openid']]) {
    if (typeof candidate === 'string' && candidate !== '') return fnv1a32(candidate) % numShards;
  }
  return 0;
}

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`: cheap, stable across runs. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
