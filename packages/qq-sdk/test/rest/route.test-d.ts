import { describe, expectTypeOf, it } from 'vitest';
import type { RestRequest } from '../../src/rest/RequestOptions.js';
import { route, type BuiltRoute, type RouteParamName, type RouteParams } from '../../src/rest/route.js';

describe('route() types', () => {
  it('extracts the parameter names of a template', () => {
    expectTypeOf<RouteParamName<'PUT /channels/{channel_id}/pins/{message_id}'>>().toEqualTypeOf<'channel_id' | 'message_id'>();
    expectTypeOf<RouteParamName<'GET /files/{name}.json'>>().toEqualTypeOf<'name'>();
    expectTypeOf<RouteParamName<'GET /gateway'>>().toBeNever();
    expectTypeOf<RouteParams<'POST /v2/groups/{group_openid}/messages'>>().toEqualTypeOf<{ readonly group_openid: string }>();
  });

  it('accepts exactly the template parameters and returns a request part', () => {
    const built = route('PUT /channels/{channel_id}/pins/{message_id}', { channel_id: 'C', message_id: 'M' });
    expectTypeOf(built).toEqualTypeOf<BuiltRoute>();
    expectTypeOf(built).toExtend<Partial<RestRequest>>();
    expectTypeOf({ ...built, body: {} }).toExtend<RestRequest>();
    route('GET /gateway');
    route('GET /gateway', {});
  });

  it('rejects a missing, misspelled or extra parameter at compile time', () => {
    // @ts-expect-error message_id is missing
    route('PUT /channels/{channel_id}/pins/{message_id}', { channel_id: 'C' });
    // @ts-expect-error chanel_id is misspelled
    route('GET /channels/{channel_id}', { chanel_id: 'C' });
    // @ts-expect-error guild_id is not a parameter of this template
    route('GET /channels/{channel_id}', { channel_id: 'C', guild_id: 'G' });
    // @ts-expect-error the parameters are required when the template has any
    route('GET /channels/{channel_id}');
    // @ts-expect-error a template without parameters takes none
    route('GET /gateway', { id: 'x' });
  });

  it('rejects non-string values and malformed templates at compile time', () => {
    // @ts-expect-error values are strings
    route('GET /channels/{channel_id}', { channel_id: 1 });
    // @ts-expect-error the method must be one RestRequest accepts
    route('FETCH /gateway');
    // @ts-expect-error the path starts with a slash
    route('GET gateway');
  });
});
