/**
 * The one redaction rule of qq-sdk: every AppSecret and access token the SDK has been given or
 * fetched in this process, plus anything shaped like an `Authorization` value (`QQBot <token>`), is
 * replaced by `[REDACTED]` wherever text leaves the SDK (error messages, `cause`, `body`, trace ids,
 * logs, events, `toJSON()` and `util.inspect`).
 *
 * Secrets are remembered per process, not per bot, so a token fetched by one layer is hidden in the
 * text of another. The lists are bounded: a bot refreshes its token every ~2 hours, and a token
 * that old has long expired.
 *
 * @internal
 */

const REDACTED = '[REDACTED]';
/** Shorter strings are never treated as secrets, so short words never mangle text. */
const MIN_SECRET_LENGTH = 8;
const MAX_APP_SECRETS = 16;
const MAX_ACCESS_TOKENS = 64;
/**
 * `QQBot <token>` and the legacy `Bot <appid>.<token>`, as an Authorization header carries them. A
 * token is long and has digits, so prose such as "QQBot instance" is left alone.
 */
const AUTHORIZATION_VALUE = /\b(QQBot\s+(?=[\w.~+/=-]*\d)[\w.~+/=-]{16,}|Bot\s+\d+\.[\w.~+/=-]{8,})/gu;
/** Object keys whose value is a secret whatever it is. */
const SECRET_KEYS = new Set(['access_token', 'accesstoken', 'clientsecret', 'client_secret', 'appsecret', 'app_secret', 'authorization']);
/** How deep {@link redactDeep} walks before it gives up on a value (and drops it). */
const MAX_DEPTH = 8;

const appSecrets = new Set<string>();
const accessTokens = new Set<string>();

/** What each secret looks like in text: itself and, where different, URL-encoded. */
const forms = new Map<string, readonly string[]>();

/**
 * Remembers a secret so {@link redactText} hides it from now on.
 *
 * @param value - The AppSecret or an access token; short or missing values are ignored.
 * @param kind - Which list it joins (each keeps its newest entries).
 */
export function rememberSecret(value: string | undefined, kind: 'appSecret' | 'accessToken'): void {
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  const list = kind === 'appSecret' ? appSecrets : accessTokens;
  if (list.has(value)) return;
  list.add(value);
  const encoded = encodeURIComponent(value);
  forms.set(value, encoded === value ? [value] : [value, encoded]);
  if (list.size > (kind === 'appSecret' ? MAX_APP_SECRETS : MAX_ACCESS_TOKENS)) {
    const oldest = list.values().next().value as string;
    list.delete(oldest);
    if (!appSecrets.has(oldest) && !accessTokens.has(oldest)) forms.delete(oldest);
  }
}

/**
 * `text` with every remembered secret, every `extra` value and every Authorization-shaped value
 * replaced by `[REDACTED]`.
 *
 * @param text - Any text about to leave the SDK.
 * @param extra - Secrets to hide besides the remembered ones.
 */
export function redactText(text: string, extra: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of extra) {
    if (secret && secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const variants of forms.values()) {
    for (const form of variants) if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  if (out.includes('Bot')) out = out.replace(AUTHORIZATION_VALUE, (match) => `${match.startsWith('QQBot') ? 'QQBot' : 'Bot'} ${REDACTED}`);
  return out;
}

/**
 * `value` with secrets removed, for structured data (a response body, a log context): strings are
 * redacted, values under secret-named keys (`access_token`, `clientSecret`, `authorization` …)
 * replaced, errors copied with redacted text. Returns `value` itself when nothing needed hiding, so
 * the common case allocates nothing; cycles and very deep values are cut.
 *
 * @param value - Anything.
 * @param extra - Secrets to hide besides the remembered ones.
 */
export function redactDeep<T>(value: T, extra: readonly (string | undefined)[] = []): T {
  return walk(value, extra, 0, new Set()) as T;
}

function walk(value: unknown, extra: readonly (string | undefined)[], depth: number, seen: Set<object>): unknown {
  if (typeof value === 'string') return redactText(value, extra);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[cut]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, extra, depth, seen);
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let index = 0; index < value.length; index++) {
        const clean = walk(value[index], extra, depth + 1, seen);
        if (clean !== value[index]) (copy ??= value.slice())[index] = clean;
      }
      return copy ?? value;
    }
    if (!isPlainObject(value)) return value;
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const clean = SECRET_KEYS.has(key.toLowerCase()) && item !== undefined && item !== null && item !== '' ? REDACTED : walk(item, extra, depth + 1, seen);
      if (clean !== item) (copy ??= { ...value })[key] = clean;
    }
    return copy ?? value;
  } finally {
    seen.delete(value);
  }
}

/** An error whose text carries a secret becomes a plain copy with the text redacted. */
function redactError(error: Error, extra: readonly (string | undefined)[], depth: number, seen: Set<object>): Error {
  const message = redactText(error.message, extra);
  const stack = error.stack === undefined ? undefined : redactText(error.stack, extra);
  const cause = 'cause' in error ? walk(error.cause, extra, depth + 1, seen) : undefined;
  if (message === error.message && stack === error.stack && cause === error.cause) return error;
  const copy = new Error(message, cause === undefined ? undefined : { cause });
  copy.name = error.name;
  if (stack === undefined) delete copy.stack;
  else copy.stack = stack;
  return copy;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Forgets every remembered secret. For tests only. @internal */
export function forgetSecretsForTests(): void {
  appSecrets.clear();
  accessTokens.clear();
  forms.clear();
}
