/** A request's rate-limit identity: its route template and major id. */
export interface RouteInfo {
  /** The route template, e.g. `POST /v2/groups/{group_openid}/messages`. */
  readonly route: string;
  /** The id of the chat the request targets (group, user, channel, guild, DM), or `''`. */
  readonly majorId: string;
  /** The queue key: route + major id, so one busy group does not stall another. */
  readonly bucket: string;
}

/** Collections whose next path segment is an id, and that id's parameter name. */
const PARAMS: Readonly<Record<string, string>> = {
  users: 'user_id',
  groups: 'group_openid',
  channels: 'channel_id',
  guilds: 'guild_id',
  dms: 'guild_id',
  messages: 'message_id',
  members: 'user_id',
  roles: 'role_id',
  pins: 'message_id',
  announces: 'message_id',
  schedules: 'schedule_id',
  threads: 'thread_id',
  interactions: 'interaction_id',
  approval_join_request: 'member_openid',
  join_approval_strategy: 'strategy_id',
  panels: 'panel_id',
};

/** Literal segments that follow a collection but are not ids (`/users/@me`, `/v2/groups/join_approval_strategy`). */
const NOT_IDS: ReadonlySet<string> = new Set(['@me', 'join_approval_strategy', '']);

/** Collections whose id is the major id: requests to different ids get separate queues. */
const MAJOR: ReadonlySet<string> = new Set(['users', 'groups', 'channels', 'guilds', 'dms']);

/**
 * Whether an id right after this path segment is a major id (the segment is `users`, `groups`,
 * `channels`, `guilds` or `dms`). {@link route} and {@link resolveRoute} share this rule.
 *
 * @internal
 */
export function isMajorCollection(segment: string | undefined): boolean {
  return segment !== undefined && MAJOR.has(segment);
}

/**
 * Turns a concrete request into its route template and major id, e.g.
 * `POST /v2/groups/ABC/messages` → route `POST /v2/groups/{group_openid}/messages`, major `ABC`.
 *
 * @param method - The HTTP method.
 * @param path - The request path without the query string.
 * @param route - A route template the caller already knows (`route()` gives one).
 * @param majorId - A major id the caller already knows (`route()` gives one); derived from
 *   `path` if omitted.
 */
export function resolveRoute(method: string, path: string, route?: string, majorId?: string): RouteInfo {
  // Both known (every resource method passes them): nothing to derive from the path.
  if (route !== undefined && majorId !== undefined) return { route, majorId, bucket: majorId ? `${route}|${majorId}` : route };
  const segments = path.split('?')[0]!.split('/');
  const out: string[] = [];
  let derivedMajorId = '';
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const prev = segments[i - 1];
    const prevPrev = segments[i - 2];
    const v2 = segments[1] === 'v2';
    if (prev === 'reactions') {
      out.push('{type}');
    } else if (prevPrev === 'reactions') {
      out.push('{id}');
    } else if (prev !== undefined && PARAMS[prev] && !NOT_IDS.has(segment)) {
      const name = prev === 'users' && v2 ? 'openid' : PARAMS[prev]!;
      out.push(`{${name}}`);
      if (!derivedMajorId && isMajorCollection(prev)) derivedMajorId = decodeURIComponent(segment);
    } else {
      out.push(segment);
    }
  }
  const template = route ?? `${method.toUpperCase()} ${out.join('/')}`;
  const major = majorId ?? derivedMajorId;
  return { route: template, majorId: major, bucket: major ? `${template}|${major}` : template };
}
