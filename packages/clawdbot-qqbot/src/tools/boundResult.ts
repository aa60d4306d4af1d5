/** Most characters of a result the model reads; larger results are cut, with a note. */
export const MAX_RESULT_CHARS = 8_000;

// Never hand the model anything that looks like a credential, even if QQ sent it.
const SECRET_KEY = /token|secret|password|authorization/i;

/** A copy of `value` without credential-like keys, lists cut to `limit` entries. */
export function sanitize(value: unknown, limit: number): unknown {
  if (Array.isArray(value)) return value.slice(0, limit).map((entry) => sanitize(entry, limit));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (!SECRET_KEY.test(key)) out[key] = sanitize(entry, limit);
  return out;
}

/** The text the model reads for `value`: JSON, at most {@link MAX_RESULT_CHARS} characters. */
export function resultText(value: unknown): string {
  const text = JSON.stringify(value, null, 1) ?? 'null';
  if (text.length <= MAX_RESULT_CHARS) return text;
  return `${text.slice(0, MAX_RESULT_CHARS)}\n… (cut at ${MAX_RESULT_CHARS} characters; ask for fewer entries with limit)`;
}
