/**
 * Request headers in any of the shapes servers hand them over: a fetch `Headers` object (Hono,
 * Bun, Deno, Cloudflare), or Node's `IncomingHttpHeaders` (node:http, Express, Koa, Fastify) whose
 * keys are lower-case.
 */
export type WebhookHeaders = { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Reads one header case-insensitively; a repeated header yields its first value. Internal. */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const lower = name.toLowerCase();
  let value = record[lower];
  if (value === undefined) {
    // Node lower-cases keys; hand-built records may not.
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() === lower) {
        value = record[key];
        break;
      }
    }
  }
  return typeof value === 'string' ? value : value?.[0];
}
