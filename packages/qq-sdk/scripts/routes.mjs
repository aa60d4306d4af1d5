#!/usr/bin/env node
// Lists the platform endpoints from the platform reference (../shared/qq-platform-reference.md,
// §2.4–2.9 and §10) that have no REST resource method yet. Implemented routes are read from the
// `route: 'METHOD /path'` templates in src/rest/resources/*.ts.
//
// Usage: node scripts/routes.mjs [--json] [--all]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** [method path, reference section, note]. Kept in the reference's wording and order. */
const REFERENCE = [
  // §2.4 messages
  ['POST /v2/users/{openid}/messages', '2.4'],
  ['POST /v2/groups/{group_openid}/messages', '2.4'],
  ['POST /channels/{channel_id}/messages', '2.4'],
  ['POST /dms/{guild_id}/messages', '2.4'],
  ['POST /users/@me/dms', '2.4'],
  ['DELETE /v2/users/{openid}/messages/{message_id}', '2.4'],
  ['DELETE /v2/groups/{group_openid}/messages/{message_id}', '2.4'],
  ['DELETE /channels/{channel_id}/messages/{message_id}', '2.4'],
  ['DELETE /dms/{guild_id}/messages/{message_id}', '2.4'],
  ['POST /v2/users/{openid}/stream_messages', '2.7', 'UNCONFIRMED'],
  // §2.5 / 2.6 media
  ['POST /v2/users/{openid}/files', '2.5'],
  ['POST /v2/groups/{group_openid}/files', '2.5'],
  ['POST /v2/users/{openid}/upload_prepare', '2.6', 'UNCONFIRMED'],
  ['POST /v2/groups/{group_openid}/upload_prepare', '2.6', 'UNCONFIRMED'],
  ['POST /v2/users/{openid}/upload_part_finish', '2.6', 'UNCONFIRMED'],
  ['POST /v2/groups/{group_openid}/upload_part_finish', '2.6', 'UNCONFIRMED'],
  // §2.8 interactions
  ['PUT /interactions/{interaction_id}', '2.8'],
  // §2.9 user and gateway
  ['GET /users/@me', '2.9'],
  ['GET /users/@me/guilds', '2.9'],
  ['GET /gateway', '2.9'],
  ['GET /gateway/bot', '2.9'],
  // §2.9 guild management
  ['GET /guilds/{guild_id}', '2.9'],
  ['GET /guilds/{guild_id}/channels', '2.9'],
  ['GET /channels/{channel_id}', '2.9'],
  ['POST /guilds/{guild_id}/channels', '2.9'],
  ['PATCH /channels/{channel_id}', '2.9'],
  ['DELETE /channels/{channel_id}', '2.9'],
  ['GET /channels/{channel_id}/online_nums', '2.9'],
  ['GET /guilds/{guild_id}/members', '2.9'],
  ['GET /guilds/{guild_id}/members/{user_id}', '2.9'],
  ['DELETE /guilds/{guild_id}/members/{user_id}', '2.9'],
  ['GET /guilds/{guild_id}/roles/{role_id}/members', '2.9'],
  ['GET /guilds/{guild_id}/roles', '2.9'],
  ['POST /guilds/{guild_id}/roles', '2.9'],
  ['PATCH /guilds/{guild_id}/roles/{role_id}', '2.9'],
  ['DELETE /guilds/{guild_id}/roles/{role_id}', '2.9'],
  ['PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}', '2.9'],
  ['DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}', '2.9'],
  ['GET /channels/{channel_id}/members/{user_id}/permissions', '2.9'],
  ['PUT /channels/{channel_id}/members/{user_id}/permissions', '2.9'],
  ['GET /channels/{channel_id}/roles/{role_id}/permissions', '2.9'],
  ['PUT /channels/{channel_id}/roles/{role_id}/permissions', '2.9'],
  ['GET /channels/{channel_id}/messages/{message_id}', '2.9', 'UNCONFIRMED (legacy docs only)'],
  ['GET /guilds/{guild_id}/message/setting', '2.9'],
  ['PATCH /guilds/{guild_id}/mute', '2.9'],
  ['PATCH /guilds/{guild_id}/members/{user_id}/mute', '2.9'],
  ['POST /guilds/{guild_id}/announces', '2.9'],
  ['DELETE /guilds/{guild_id}/announces/{message_id}', '2.9'],
  ['POST /channels/{channel_id}/announces', '2.9'],
  ['DELETE /channels/{channel_id}/announces/{message_id}', '2.9'],
  ['PUT /channels/{channel_id}/pins/{message_id}', '2.9'],
  ['DELETE /channels/{channel_id}/pins/{message_id}', '2.9'],
  ['GET /channels/{channel_id}/pins', '2.9'],
  ['GET /channels/{channel_id}/schedules', '2.9'],
  ['GET /channels/{channel_id}/schedules/{schedule_id}', '2.9'],
  ['PATCH /channels/{channel_id}/schedules/{schedule_id}', '2.9'],
  ['DELETE /channels/{channel_id}/schedules/{schedule_id}', '2.9'],
  ['POST /channels/{channel_id}/schedules', '2.9'],
  ['PUT /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}', '2.9'],
  ['DELETE /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}', '2.9'],
  ['GET /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}', '2.9'],
  ['POST /channels/{channel_id}/audio', '2.9'],
  ['PUT /channels/{channel_id}/mic', '2.9'],
  ['DELETE /channels/{channel_id}/mic', '2.9'],
  ['GET /channels/{channel_id}/threads', '2.9'],
  ['GET /channels/{channel_id}/threads/{thread_id}', '2.9'],
  ['PUT /channels/{channel_id}/threads', '2.9'],
  ['DELETE /channels/{channel_id}/threads/{thread_id}', '2.9'],
  ['GET /guilds/{guild_id}/api_permission', '2.9'],
  ['POST /guilds/{guild_id}/api_permission/demand', '2.9'],
  // §2.9 group management (invite-only, UNCONFIRMED)
  ['GET /v2/groups/{group_openid}/info', '2.9', 'UNCONFIRMED'],
  ['GET /v2/groups/{group_openid}/bot_state', '2.9', 'UNCONFIRMED'],
  ['GET /v2/groups/{group_openid}/members', '2.9', 'UNCONFIRMED'],
  ['GET /v2/groups/{group_openid}/members/{member_openid}', '2.9', 'UNCONFIRMED'],
  ['POST /v2/groups/{group_openid}/batch_remove_members', '2.9', 'UNCONFIRMED'],
  ['GET /v2/groups/{group_openid}/member_blacklist', '2.9', 'UNCONFIRMED'],
  ['POST /v2/groups/{group_openid}/member_blacklist', '2.9', 'UNCONFIRMED'],
  ['GET /v2/groups/{group_openid}/restrict_chat_setting', '2.9', 'UNCONFIRMED'],
  ['POST /v2/groups/{group_openid}/restrict_chat_setting', '2.9', 'UNCONFIRMED'],
  ['GET /v2/groups/{group_openid}/join_request_list', '2.9', 'UNCONFIRMED'],
  ['POST /v2/groups/{group_openid}/approval_join_request/{member_openid}', '2.9', 'UNCONFIRMED'],
  ['POST /v2/generate_url_link', '2.9', 'UNCONFIRMED'],
  // §10 2026-08 additions (changelog quoted in nonebot/adapter-qq#231; shapes UNCONFIRMED).
  // Group mute (restrict_chat_setting GET/POST) and the join-request list/decision are listed under §2.9.
  ['GET /v2/menu', '10', 'UNCONFIRMED (2026-08)'],
  ['PUT /v2/menu', '10', 'UNCONFIRMED (2026-08)'],
  ['GET /v2/panels', '10', 'UNCONFIRMED (2026-08)'],
  ['POST /v2/panels', '10', 'UNCONFIRMED (2026-08)'],
  ['GET /v2/panels/{panel_id}', '10', 'UNCONFIRMED (2026-08)'],
  ['PUT /v2/panels/{panel_id}', '10', 'UNCONFIRMED (2026-08)'],
  ['DELETE /v2/panels/{panel_id}', '10', 'UNCONFIRMED (2026-08)'],
  ['PUT /v2/panels/{panel_id}/target', '10', 'UNCONFIRMED (2026-08)'],
  ['GET /v2/groups/join_approval_strategy', '10', 'UNCONFIRMED (2026-08)'],
  ['POST /v2/groups/join_approval_strategy', '10', 'UNCONFIRMED (2026-08)'],
  ['PATCH /v2/groups/join_approval_strategy/{strategy_id}', '10', 'UNCONFIRMED (2026-08)'],
  ['DELETE /v2/groups/join_approval_strategy/{strategy_id}', '10', 'UNCONFIRMED (2026-08)'],
  ['POST /v2/groups/join_approval_strategy/{strategy_id}/execute', '10', 'UNCONFIRMED (2026-08)'],
  ['POST /v2/groups/join_approval_strategy/{strategy_id}/whitelist_users', '10', 'UNCONFIRMED (2026-08)'],
];

/** Compares routes by shape: parameter names do not matter. */
const normalise = (route) => route.replace(/\{[^}]+\}/g, '{}');

const here = dirname(fileURLToPath(import.meta.url));
const resourcesDir = join(here, '..', 'src', 'rest', 'resources');
const implemented = new Map();
for (const file of readdirSync(resourcesDir).filter((f) => f.endsWith('.ts'))) {
  const text = readFileSync(join(resourcesDir, file), 'utf8');
  for (const match of text.matchAll(/'((?:GET|POST|PUT|PATCH|DELETE) \/[^']*)'/g)) {
    implemented.set(normalise(match[1]), file.replace(/\.ts$/, ''));
  }
}

const rows = REFERENCE.map(([route, section, note]) => ({
  route,
  section,
  note: note ?? '',
  resource: implemented.get(normalise(route)) ?? null,
}));
const missing = rows.filter((row) => row.resource === null);
const args = new Set(process.argv.slice(2));
// A closed pipe (`| head`) is not an error.
process.stdout.on('error', () => {});

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify({ total: rows.length, implemented: rows.length - missing.length, missing }, null, 2)}\n`);
} else {
  if (args.has('--all')) {
    for (const row of rows) process.stdout.write(`${row.resource ? 'ok ' : '-- '} ${row.route}${row.resource ? `  (${row.resource})` : ''}\n`);
    process.stdout.write('\n');
  }
  process.stdout.write(`Reference endpoints without a method (${missing.length} of ${rows.length}):\n`);
  for (const row of missing) process.stdout.write(`  ${row.route}  [§${row.section}]${row.note ? `  ${row.note}` : ''}\n`);
}
