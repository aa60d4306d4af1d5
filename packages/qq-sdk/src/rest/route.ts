import { QQValidationError } from '../errors/QQValidationError.js';
import type { RestRequest } from './RequestOptions.js';
import { isMajorCollection } from './resolveRoute.js';

/** The HTTP methods a route template can start with. */
export type RouteMethod = RestRequest['method'];

/** A route template: an HTTP method, a space and a path with `{name}` parameters, e.g. `GET /channels/{channel_id}`. */
export type RouteTemplate = `${RouteMethod} /${string}`;

/**
 * The parameter names of a route template, e.g. `'channel_id' | 'message_id'` for
 * `PUT /channels/{channel_id}/pins/{message_id}`; `never` for a template without parameters.
 */
export type RouteParamName<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | RouteParamName<Rest> : never;

/** The values of a route template's parameters: one non-empty string per `{name}`, and no other key. */
export type RouteParams<T extends string> = { readonly [K in RouteParamName<T>]: string };

/**
 * The arguments after the template: the parameter object, which a template without parameters
 * lets you leave out.
 */
export type RouteArgs<T extends string> = [RouteParamName<T>] extends [never] ? [params?: Readonly<Record<string, never>>] : [params: RouteParams<T>];

/**
 * What {@link route} builds: the fields of a {@link RestRequest} that say where a request goes and
 * which rate-limit queue it waits in. Spread it into `rest.request({ ...route(…), body })`.
 */
export interface BuiltRoute {
  /** The HTTP method, from the template. */
  readonly method: RouteMethod;
  /** The path with each parameter validated and URL-encoded, e.g. `/channels/C%2F1/pins/M1`. */
  readonly path: string;
  /** The template itself, e.g. `PUT /channels/{channel_id}/pins/{message_id}`. */
  readonly route: string;
  /**
   * The rate-limit major id: the (unencoded) value of the first parameter that follows
   * `users`, `groups`, `channels`, `guilds` or `dms`, or `''`. The same value
   * {@link resolveRoute} derives from the built path.
   */
  readonly majorId: string;
}

const METHODS: ReadonlySet<string> = new Set<RouteMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const PARAM = /\{([^{}]*)\}/g;
const WHOLE_PARAM = /^\{([^{}]*)\}$/;

/**
 * Builds a request's method, path, route template and rate-limit major id from one route template,
 * so the template is the only place a route is written. Every REST resource method uses it; use it
 * too when you call {@link RestClient.request} for an endpoint qq-sdk has no method for.
 *
 * The parameter object must hold exactly the template's `{names}`: a missing, misspelled or extra
 * key is a compile error (and, from JavaScript, a {@link errors!QQValidationError}). Each value must be a
 * non-empty string; it is URL-encoded into the path.
 *
 * @param template - `METHOD /path` with `{name}` parameters, e.g. `PUT /channels/{channel_id}/pins/{message_id}`.
 * @param args - The parameter values by name; leave out for a template without parameters.
 * @returns Method, encoded path, template and major id, ready to spread into a {@link RestRequest}.
 * @throws {@link errors!QQValidationError} naming the parameter when a value is missing, empty or not a
 *   string, or when a key is not in the template, before any request is made.
 *
 * @example
 * ```ts
 * import { RestClient, route } from 'qq-sdk/rest';
 *
 * const rest = new RestClient({ appId, clientSecret });
 * await rest.request({ ...route('PUT /channels/{channel_id}/pins/{message_id}', { channel_id: channelId, message_id: messageId }) });
 * ```
 */
export function route<const T extends RouteTemplate>(template: T, ...args: RouteArgs<T>): BuiltRoute {
  const space = template.indexOf(' ');
  const method = template.slice(0, space);
  const pattern = template.slice(space + 1);
  if (!METHODS.has(method) || !pattern.startsWith('/')) {
    throw new QQValidationError('route template', [{ path: '', message: `expected "METHOD /path", got "${String(template)}"` }]);
  }
  const params: Readonly<Record<string, unknown>> = args[0] ?? {};
  const used = new Set<string>();
  const value = (name: string): string => {
    used.add(name);
    // Own keys only: a name like `constructor` must not reach the prototype.
    const raw = Object.hasOwn(params, name) ? params[name] : undefined;
    return checkParam(name, raw);
  };
  let majorId = '';
  const segments = pattern.split('/');
  const path = segments
    .map((segment, index) => {
      const whole = WHOLE_PARAM.exec(segment);
      if (whole) {
        const name = whole[1]!;
        const raw = value(name);
        if (majorId === '' && isMajorCollection(segments[index - 1])) majorId = raw;
        return encodeURIComponent(raw);
      }
      return segment.replace(PARAM, (_match, name: string) => encodeURIComponent(value(name)));
    })
    .join('/');
  const extra = Object.keys(params).filter((key) => !used.has(key));
  if (extra.length > 0) {
    throw new QQValidationError(
      `parameters of ${template}`,
      extra.map((key) => ({ path: key, message: 'is not a parameter of this route' })),
    );
  }
  return { method: method as RouteMethod, path, route: template, majorId };
}

/**
 * Checks a path parameter is a non-empty string (not only whitespace) and returns it unencoded.
 *
 * @internal
 */
export function checkParam(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new QQValidationError(name, [{ path: name, message: 'is required (a non-empty string id)' }]);
  }
  return value;
}
