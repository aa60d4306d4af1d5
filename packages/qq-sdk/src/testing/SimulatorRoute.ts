/**
 * The endpoints the simulator serves, as `'METHOD /path/{param}'` templates. Use them with
 * {@link QQSimulator.failNext} and to filter {@link QQSimulator.requests} by `route`.
 */
export const SIMULATOR_ROUTES = [
  'POST /app/getAppAccessToken',
  'GET /gateway',
  'GET /gateway/bot',
  'GET /users/@me',
  'POST /v2/users/{openid}/messages',
  'POST /v2/groups/{group_openid}/messages',
  'POST /v2/users/{openid}/stream_messages',
  'POST /channels/{channel_id}/messages',
  'POST /dms/{guild_id}/messages',
  'POST /v2/users/{openid}/files',
  'POST /v2/groups/{group_openid}/files',
  'DELETE /v2/users/{openid}/messages/{message_id}',
  'DELETE /v2/groups/{group_openid}/messages/{message_id}',
  'DELETE /channels/{channel_id}/messages/{message_id}',
  'DELETE /dms/{guild_id}/messages/{message_id}',
  'POST /users/@me/dms',
  'PUT /interactions/{interaction_id}',
  // 2026-08 additions (PanelService, GroupAdminService)
  'GET /v2/menu',
  'PUT /v2/menu',
  'GET /v2/panels',
  'POST /v2/panels',
  'GET /v2/panels/{panel_id}',
  'PUT /v2/panels/{panel_id}',
  'DELETE /v2/panels/{panel_id}',
  'PUT /v2/panels/{panel_id}/target',
  'GET /v2/groups/{group_openid}/restrict_chat_setting',
  'POST /v2/groups/{group_openid}/restrict_chat_setting',
  'GET /v2/groups/join_approval_strategy',
  'POST /v2/groups/join_approval_strategy',
  'PATCH /v2/groups/join_approval_strategy/{strategy_id}',
  'DELETE /v2/groups/join_approval_strategy/{strategy_id}',
  'POST /v2/groups/join_approval_strategy/{strategy_id}/execute',
  'POST /v2/groups/join_approval_strategy/{strategy_id}/whitelist_users',
] as const;

/** One of {@link SIMULATOR_ROUTES}. */
export type SimulatorRoute = (typeof SIMULATOR_ROUTES)[number];

interface CompiledRoute {
  route: SimulatorRoute;
  method: string;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = SIMULATOR_ROUTES.map((route) => {
  const [method, template] = route.split(' ') as [string, string];
  const names: string[] = [];
  const source = template
    .split('/')
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part);
      if (param) {
        names.push(param[1]!);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^$()|[\]\\@]/g, '\\$&');
    })
    .join('/');
  return { route, method, pattern: new RegExp(`^${source}/?$`), names };
});

/** Finds the route for a method and path (without query), with its decoded parameters. Internal. */
export function matchRoute(method: string, path: string): { route: SimulatorRoute; params: Record<string, string> } | undefined {
  for (const candidate of compiled) {
    if (candidate.method !== method) continue;
    const m = candidate.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    candidate.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    return { route: candidate.route, params };
  }
  return undefined;
}
