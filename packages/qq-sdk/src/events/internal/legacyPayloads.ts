/** Forum events whose ids the docs' examples send as JSON numbers. */
const FORUM_ID_KEYS = ['guild_id', 'channel_id', 'author_id'] as const;

/**
 * Payload shapes the platform (and its docs) used before the current one, upgraded so they parse:
 * group messages of 2023 carried only `group_id`, not `group_openid`; forum events in the docs carry
 * their ids as JSON numbers (made decimal strings, exact: big ones already are, see
 * parsePlatformJson). Runs only after a payload failed its schema, so current payloads never pay for
 * it. Returns `undefined` when nothing applies.
 *
 * @internal
 */
export function upgradeLegacyPayload(type: string, data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (
    (type === 'GROUP_AT_MESSAGE_CREATE' || type === 'GROUP_MESSAGE_CREATE') &&
    record['group_openid'] === undefined &&
    typeof record['group_id'] === 'string'
  ) {
    return { ...record, group_openid: record['group_id'] };
  }
  if (type.startsWith('FORUM_') || type.startsWith('OPEN_FORUM_')) {
    const numeric = FORUM_ID_KEYS.filter((key) => typeof record[key] === 'number');
    if (numeric.length === 0) return undefined;
    const upgraded = { ...record };
    for (const key of numeric) upgraded[key] = String(record[key]);
    return upgraded;
  }
  return undefined;
}
