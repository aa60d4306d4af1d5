import type { QQApiErrorKind, RetryClass } from './QQApiErrorKind.js';
import type { PlatformCodeInfo } from './PlatformCodeInfo.js';

type Entry = readonly [kind: QQApiErrorKind, retry: RetryClass, explanation: string];

const R: RetryClass = 'retryable';
const P: RetryClass = 'permanent';
const O: RetryClass = 'operator';

/**
 * The platform codes bots commonly hit. Sources: the official error table (bot-docs
 * `dev-prepare/error-trace/openapi.md`), the 2026 wiki error page and user reports; see
 * docs/errors.md and docs/platform-reference.md#error-codes.
 */
const CODES: ReadonlyMap<number, Entry> = new Map<number, Entry>([
  // Auth and app credentials (11xxx).
  [11241, ['auth', O, 'The request carried no access token. Check that the SDK is given appId and clientSecret.']],
  [11242, ['auth', R, 'The platform could not check the token (system error). Retry shortly.']],
  [11243, ['auth', P, 'The access token is invalid. qq-sdk refreshes it once; if this persists, check appId and clientSecret.']],
  [11244, ['auth', P, 'The access token expired. qq-sdk refreshes it once automatically; if this persists, check the clock and the credentials.']],
  [11245, ['auth', O, 'The legacy fixed "Bot" token is no longer accepted. Use appId + clientSecret (AppSecret) instead.']],
  [11251, ['auth', O, 'The appId is not recognised. Check the appId in the QQ developer console.']],
  [11252, ['permission', R, 'The platform could not check the bot privilege (system error). Retry shortly.']],
  [11253, ['permission', O, 'The bot has no permission for this API. Apply for it in the QQ developer console.']],
  [11254, ['permission', P, 'This API is banned for this bot.']],
  [11255, ['auth', P, 'Invalid request: the token probably belongs to another appId. Check that appId and token match.']],
  [11261, ['auth', O, 'The appId is missing from the request. Pass appId to the client.']],
  [11262, ['permission', P, 'This API does not accept bot tokens.']],
  [11263, ['permission', R, 'The guild authorisation check failed (system error). Retry shortly.']],
  [11264, ['permission', O, 'The guild admin has not granted this API to the bot. Ask them to authorise it.']],
  [11265, ['permission', P, 'The bot is banned.']],
  [11275, ['auth', O, 'The appId is missing from the request. Pass appId to the client.']],
  [11281, ['permission', R, 'The admin check failed (system error). Retry shortly.']],
  [11282, ['permission', O, 'The bot is not an admin here. Make it an admin or call another API.']],
  // The token endpoint (getAppAccessToken).
  [100007, ['auth', O, "The token endpoint does not know this appId. Use the AppID shown on the bot's page in the QQ console (q.qq.com), not its QQ number."]],
  [
    100016,
    [
      'auth',
      O,
      "The AppID and AppSecret do not match. Copy the AppSecret again from the QQ console (regenerate it if it was lost) and check that the appId is the same bot's.",
    ],
  ],
  [
    11298,
    [
      'permission',
      O,
      "This machine's IP is not on the bot's IP allow-list. Add the egress IP in the QQ developer console (or route through an allow-listed proxy with the `proxy` option).",
    ],
  ],
  // Generic request errors.
  [10001, ['not_found', P, 'Unknown account.']],
  [10003, ['not_found', P, 'Unknown channel. Check the channel id.']],
  [10004, ['not_found', P, 'Unknown guild. Check the guild id.']],
  [12001, ['invalid_request', P, 'The platform could not resolve an id in the request.']],
  [12002, ['invalid_request', P, 'The request is invalid. Check the body against the platform docs.']],
  [12003, ['server', R, 'The platform returned an invalid response. Retry shortly.']],
  [20028, ['rate_limit', R, 'The channel write rate limit was hit. Slow down sends to this channel.']],
  // Message errors.
  [22006, ['invalid_request', P, 'msg_type does not match the content (e.g. msg_type 2 without markdown). Fix the message body.']],
  [22009, ['reply_quota', P, 'The send rate or the passive-reply count for this message was exceeded. Stop replying to this message or send later.']],
  [50006, ['invalid_request', P, 'The message is empty. Provide content, markdown, ark, embed, image or media.']],
  [50035, ['invalid_request', P, 'The form body is invalid.']],
  [50037, ['invalid_request', P, 'A markdown message may only be combined with a keyboard.']],
  [50041, ['invalid_request', P, 'A markdown template parameter has an empty value.']],
  [50042, ['invalid_request', P, 'A markdown list is too long.']],
  [50045, ['invalid_request', P, 'The bot cannot reply to its own message.']],
  [50046, ['invalid_request', P, 'The message being replied to did not @ the bot.']],
  [50048, ['invalid_request', P, 'The message id to reply to is empty.']],
  [50054, ['invalid_request', P, 'A markdown template parameter is wrong.']],
  [50055, ['invalid_request', P, 'The markdown content is invalid.']],
  [50056, ['content_rejected', O, 'Native markdown is not permitted for this bot. Send text instead, or apply for markdown.']],
  [50057, ['invalid_request', P, 'Native markdown and a markdown template cannot be combined. Use one of them.']],
  [304003, ['content_rejected', O, 'The message contains a URL that is not registered. Register the domain in the QQ developer console or remove the URL.']],
  [304004, ['content_rejected', O, 'The bot has no ark permission. Apply for it or send another message type.']],
  [304018, ['server', R, 'The bot is not connected to the gateway; guild sends need an online WebSocket session. Connect, then retry.']],
  [304027, ['reply_quota', P, 'The message being replied to has expired (guild reply window). Send an active message instead.']],
  [304036, ['content_rejected', O, 'The bot has no markdown template permission.']],
  [304037, ['content_rejected', O, 'The bot has no button (keyboard) permission.']],
  [304041, ['content_rejected', O, 'Passive markdown was refused. Fall back to text.']],
  [304057, ['content_rejected', O, 'Custom keyboards are not permitted for this bot. Drop the keyboard or use a keyboard template.']],
  [304082, ['server', R, 'The platform failed to fetch the media (upload media info fail). Retry.']],
  [304083, ['server', R, 'The platform failed to convert the media. Retry.']],
  [304103, ['reply_quota', P, 'The message id has expired and can no longer be replied to. Send an active message instead.']],
  [40034004, ['server', R, 'The platform failed to store the rich media. Retry.']],
  [40034005, ['reply_quota', P, 'The passive-reply window for this msg_id has expired. Send an active message instead, if allowed.']],
  [40034006, ['content_rejected', P, 'The message content was rejected as a violation. Change the content.']],
  [40034008, ['invalid_request', P, 'A markdown parameter is empty.']],
  [40034009, ['invalid_request', P, 'A markdown template parameter contains a newline.']],
  [40034010, ['invalid_request', P, 'A markdown template parameter contains markdown syntax.']],
  [40034011, ['invalid_request', P, 'The markdown is invalid.']],
  [40034012, ['content_rejected', O, 'Native markdown is not permitted for this bot or target. Send text instead, or apply for markdown.']],
  [40034024, ['reply_quota', P, 'The msg_id is invalid, expired or belongs to another chat. Reply only to messages of the same chat, within the window.']],
  [40034025, ['invalid_request', P, 'The event_id is invalid.']],
  [40034026, ['reply_quota', P, 'The event_id has expired and can no longer be replied to.']],
  [40034027, ['invalid_request', P, 'This event cannot be replied to.']],
  [40034029, ['invalid_request', P, 'The keyboard has too many rows or buttons (max 5 x 5).']],
  [40034031, ['reply_quota', P, 'The msg_id has expired and can no longer be replied to.']],
  [40034100, ['rate_limit', R, 'The active-message rate limit was hit. Send later.']],
  [40034101, ['permission', P, 'The bot is not a member of this group.']],
  [
    40034102,
    ['reply_quota', O, 'Active messages are refused (no permission). Reply passively with a fresh msg_id, or ask the owner to enable active messages.'],
  ],
  [40034105, ['reply_quota', O, 'The user or group has switched off active messages from the bot. Reply passively instead.']],
  [40034124, ['invalid_request', P, 'A markdown parameter is wrong.']],
  [40034127, ['content_rejected', O, 'The bot has no markdown template permission.']],
  [40034128, ['reply_quota', P, 'The passive-reply window or reply count for this message is exhausted. Stop replying to it.']],
  [40054002, ['permission', P, 'The bot is muted in this group.']],
  [40054003, ['permission', P, 'The bot is not a member of this group.']],
  [40054005, ['reply_quota', P, 'Duplicate msg_id + msg_seq: this reply was already sent. Use the next msg_seq; do not retry blindly.']],
  [40054007, ['content_rejected', P, 'The message is too long. Split it.']],
  [
    40054010,
    [
      'content_rejected',
      O,
      'The message contains a URL that is not registered. Register the domain in the QQ developer console (message URL settings) or remove the URL.',
    ],
  ],
  [40054016, ['permission', P, 'The bot is offline or delisted.']],
  [50055001, ['server', R, 'Transient message send failure. Retry.']],
  [50055006, ['server', R, 'Transient ark send failure. Retry.']],
  [850019, ['invalid_request', P, 'The media format is not supported. Convert it (image png/jpg, video mp4, voice silk).']],
  [850026, ['invalid_request', O, 'The platform could not download the media url. Use a publicly reachable URL or upload file_data.']],
  [850027, ['server', R, 'The media upload timed out. Retry.']],
  [1100308, ['rate_limit', R, 'The channel rate limit was hit. Slow down.']],
]);

/** Code ranges documented as a family, checked after the exact table. */
const RANGES: readonly (readonly [from: number, to: number, entry: Entry])[] = [
  [11246, 11250, ['auth', P, 'Authentication failed. Check appId, clientSecret and the token.']],
  [11273, 11274, ['auth', P, 'User authorisation failed.']],
  [11301, 11306, ['invalid_request', P, 'The platform could not look up a header, nickname, avatar or guild.']],
  [304045, 304050, ['reply_quota', P, 'The channel or DM active-message limit was reached. Send later or reply passively.']],
  [306003, 306003, ['server', R, 'Recall failed transiently. Retry.']],
  [306005, 306006, ['server', R, 'Recall failed transiently. Retry.']],
  [306011, 306011, ['invalid_request', P, 'The message is past its recall window (2 minutes).']],
  [306001, 306010, ['invalid_request', P, 'The message could not be recalled.']],
  [620006, 620006, ['rate_limit', R, 'The reaction rate limit was hit. Slow down.']],
  [620001, 620007, ['invalid_request', P, 'The reaction request was refused.']],
  [1100100, 1100104, ['content_rejected', P, 'The platform security system refused the request (rate, sensitive content, beta access or group gone).']],
  [1100300, 1100499, ['invalid_request', P, 'The platform refused to send the message.']],
];

/** Codes after which a fresh token should be fetched and the request retried once. */
const TOKEN_REFRESH_CODES: ReadonlySet<number> = new Set([11241, 11243, 11244]);

/**
 * Whether a platform response means "your access token is stale": HTTP 401 or a token code
 * (11241, 11243, 11244). The REST client then invalidates the token and retries once.
 *
 * @param status - The HTTP status.
 * @param code - The platform code from the error body, if any.
 */
export function isTokenRefreshError(status: number, code: number | undefined): boolean {
  return status === 401 || (code !== undefined && TOKEN_REFRESH_CODES.has(code));
}

function fromStatus(code: number, status: number | undefined): PlatformCodeInfo {
  const base = { code, known: false } as const;
  if (status === 401) return { ...base, kind: 'auth', retry: 'permanent', explanation: 'Authentication failed. Check appId and clientSecret.' };
  if (status === 403)
    return {
      ...base,
      kind: 'permission',
      retry: 'operator',
      explanation: 'The bot is not allowed to do this. Check its permissions in the QQ developer console.',
    };
  if (status === 404)
    return { ...base, kind: 'not_found', retry: 'permanent', explanation: 'The API route or the target does not exist. Check the ids and the path.' };
  if (status === 405) return { ...base, kind: 'invalid_request', retry: 'permanent', explanation: 'The HTTP method is not allowed on this route.' };
  if (status === 408) return { ...base, kind: 'server', retry: 'retryable', explanation: 'The platform timed out. Retry shortly.' };
  if (status === 429) return { ...base, kind: 'rate_limit', retry: 'retryable', explanation: 'Rate limited. Slow down and retry later.' };
  if (status !== undefined && status >= 500)
    return { ...base, kind: 'server', retry: 'retryable', explanation: 'The platform failed to process the request. Retry shortly.' };
  if (status === 400 || status === 422)
    return {
      ...base,
      kind: 'invalid_request',
      retry: 'permanent',
      explanation: 'The platform rejected the request. Check the body against the platform docs.',
    };
  return {
    ...base,
    kind: 'unknown',
    retry: 'permanent',
    explanation:
      'An error code qq-sdk does not know. Look it up on https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html and keep the trace id for support.',
  };
}

/**
 * Looks up what a platform error code means: its kind, whether it is retryable, permanent or
 * needs an operator, and a one-line explanation. Unknown codes fall back to a classification
 * from the HTTP status (`known: false`).
 *
 * @param code - The platform business code (`code` / `err_code` of an error body).
 * @param status - The HTTP status, used for unknown codes.
 * @example
 * ```ts
 * const info = describePlatformCode(40054010);
 * // { kind: 'content_rejected', retry: 'operator', explanation: 'The message contains a URL …', known: true }
 * ```
 */
export function describePlatformCode(code: number, status?: number): PlatformCodeInfo {
  const exact = CODES.get(code);
  const entry = exact ?? RANGES.find(([from, to]) => code >= from && code <= to)?.[2];
  if (entry) return { code, kind: entry[0], retry: entry[1], explanation: entry[2], known: true };
  return fromStatus(code, status);
}

/** Every code in qq-sdk's exact table, for docs and tooling. */
export function knownPlatformCodes(): number[] {
  return [...CODES.keys()];
}
