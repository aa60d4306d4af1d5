import { QQValidationError, type ValidationIssue } from '../errors/QQValidationError.js';

/**
 * Argument checks of the outbound entry points (`msg.reply`, `msg.send`, `bot.send`): a value a
 * JavaScript caller (or an `any`) can pass despite the types gets a {@link QQValidationError} that
 * names the field, before anything is uploaded or sent.
 */

const SCENE_IDS = { c2c: 'openid', group: 'groupOpenid', guild: 'channelId', direct: 'guildId' } as const;
const MEDIA_KINDS = new Set(['image', 'video', 'voice', 'file']);

/**
 * Throws unless `content` is a string or an `OutgoingMessage` (see `messages.*`).
 *
 * @param content - What the caller passed.
 * @param field - The name the caller knows it by.
 */
export function checkContent(content: unknown, field = 'content'): void {
  const issues: ValidationIssue[] = [];
  if (typeof content === 'string') return;
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    issues.push({ path: field, message: `must be a string or a message built with messages.* (got ${describeValue(content)})` });
  } else {
    const message = content as Record<string, unknown>;
    const string = (key: string): void => {
      if (typeof message[key] !== 'string') issues.push({ path: `${field}.${key}`, message: `must be a string (got ${describeValue(message[key])})` });
    };
    switch (message['kind']) {
      case 'text':
      case 'markdown':
        string('content');
        break;
      case 'markdownTemplate':
        string('templateId');
        break;
      case 'ark':
        if (typeof message['templateId'] !== 'number') issues.push({ path: `${field}.templateId`, message: 'must be a number' });
        break;
      case 'embed':
        string('title');
        if (message['thumbnailUrl'] !== undefined) checkWebUrl(message['thumbnailUrl'], `${field}.thumbnailUrl`, issues);
        break;
      case 'media':
        if (!MEDIA_KINDS.has(message['media'] as string)) {
          issues.push({ path: `${field}.media`, message: "must be 'image', 'video', 'voice' or 'file'" });
        }
        checkMediaSource(message['source'], `${field}.source`, issues);
        break;
      default:
        issues.push({
          path: `${field}.kind`,
          message: `must be one of text, markdown, markdownTemplate, media, ark, embed (got ${describeValue(message['kind'])}); build messages with messages.*`,
        });
    }
  }
  if (issues.length > 0) throw new QQValidationError('message', issues);
}

/**
 * Throws unless `target` is a `MessageTarget` with a known scene and its id.
 *
 * @param target - What the caller passed.
 * @param field - The name the caller knows it by.
 */
export function checkTarget(target: unknown, field = 'target'): void {
  if (typeof target !== 'object' || target === null) {
    throw new QQValidationError('message target', [
      { path: field, message: `must be an object like { scene: 'group', groupOpenid } (got ${describeValue(target)})` },
    ]);
  }
  const scene = (target as { scene?: unknown }).scene;
  const idKey = typeof scene === 'string' && Object.hasOwn(SCENE_IDS, scene) ? SCENE_IDS[scene as keyof typeof SCENE_IDS] : undefined;
  if (idKey === undefined) {
    throw new QQValidationError('message target', [
      { path: `${field}.scene`, message: `must be 'c2c', 'group', 'guild' or 'direct' (got ${describeValue(scene)})` },
    ]);
  }
  const id = (target as Record<string, unknown>)[idKey];
  if (typeof id !== 'string' || id === '') {
    throw new QQValidationError('message target', [
      { path: `${field}.${idKey}`, message: `a '${String(scene)}' target needs a non-empty ${idKey} (got ${describeValue(id)})` },
    ]);
  }
}

/**
 * Throws unless `value` is a valid `Date` (the time a reply's source was received).
 *
 * @param value - What the caller passed.
 * @param field - The name the caller knows it by.
 */
export function checkReceivedAt(value: unknown, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new QQValidationError('reply source', [
      { path: field, message: `must be a valid Date, e.g. new Date(meta.receivedAt) (got ${describeValue(value)})` },
    ]);
  }
}

function checkMediaSource(source: unknown, field: string, issues: ValidationIssue[]): void {
  if (typeof source !== 'object' || source === null) {
    issues.push({ path: field, message: 'must be { url }, { data } or { path }' });
    return;
  }
  const media = source as Record<string, unknown>;
  if ('url' in media) checkWebUrl(media['url'], `${field}.url`, issues);
  else if ('data' in media) {
    if (!(media['data'] instanceof Uint8Array)) issues.push({ path: `${field}.data`, message: 'must be a Uint8Array (a Buffer is one)' });
  } else if ('path' in media) {
    if (typeof media['path'] !== 'string' || media['path'] === '') issues.push({ path: `${field}.path`, message: 'must be a file path' });
  } else issues.push({ path: field, message: 'must be { url }, { data } or { path }' });
}

// The platform fetches these itself: only http(s) URLs mean anything to it, and javascript:,
// file: or data: URLs must never leave the bot.
function checkWebUrl(value: unknown, field: string, issues: ValidationIssue[]): void {
  let protocol: string | undefined;
  try {
    protocol = typeof value === 'string' ? new URL(value).protocol : undefined;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    issues.push({
      path: field,
      message: `must be an http(s) URL the platform can fetch (got ${describeValue(value)}); upload local bytes with { data } or { path }`,
    });
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `${typeof value} ${String(value)}`;
}
