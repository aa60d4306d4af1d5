import { describe, expectTypeOf, it } from 'vitest';
import type { TokenProvider } from '../../src/auth/TokenProvider.js';
import { TokenManager } from '../../src/auth/TokenManager.js';
import type { QQApiErrorKind } from '../../src/errors/QQApiErrorKind.js';
import { describePlatformCode } from '../../src/errors/describePlatformCode.js';
import { API } from '../../src/rest/API.js';
import { RestClient } from '../../src/rest/RestClient.js';
import type { RateLimitInfo } from '../../src/rest/RateLimitInfo.js';
import type { GatewayBotResponse } from '../../src/rest/schemas/gateway.js';
import type { C2CMessageBody, GroupMessageBody, MessageSendResponse, SentGuildMessage } from '../../src/rest/schemas/messages.js';
import type { MediaUploadResponse } from '../../src/rest/schemas/media.js';

const api = new API(new RestClient({ appId: '1', clientSecret: 's' }));

describe('REST types', () => {
  it('send methods return the typed platform responses', () => {
    expectTypeOf(api.messages.sendGroup).returns.resolves.toEqualTypeOf<MessageSendResponse>();
    expectTypeOf(api.messages.sendC2C).returns.resolves.toEqualTypeOf<MessageSendResponse>();
    expectTypeOf(api.messages.sendChannel).returns.resolves.toEqualTypeOf<SentGuildMessage>();
    expectTypeOf(api.media.uploadGroup).returns.resolves.toEqualTypeOf<MediaUploadResponse>();
    expectTypeOf(api.gateway.getBot).returns.resolves.toEqualTypeOf<GatewayBotResponse>();
    expectTypeOf<GatewayBotResponse['session_start_limit']['max_concurrency']>().toEqualTypeOf<number>();
  });

  it('bodies are typed from the schemas', () => {
    expectTypeOf<{ msg_type: 0; content: string; msg_seq: number; msg_id: string }>().toExtend<GroupMessageBody>();
    expectTypeOf<{ msg_type: 1 }>().not.toExtend<C2CMessageBody>();
    // @ts-expect-error a string msg_seq is rejected at compile time
    void api.messages.sendGroup('g', { msg_type: 0, content: 'x', msg_seq: '1' });
  });

  it('auth accepts credentials or any token provider', () => {
    expectTypeOf(TokenManager.fromSource(async () => 't')).toExtend<TokenProvider>();
    expectTypeOf<ConstructorParameters<typeof RestClient>[0]>().toExtend<object>();
    new RestClient({ token: { getAccessToken: async () => 't', invalidate: () => {} } });
  });

  it('events and codes are typed', () => {
    const rest = new RestClient({ appId: '1', clientSecret: 's' });
    rest.on('rateLimited', (info) => expectTypeOf(info).toEqualTypeOf<RateLimitInfo>());
    expectTypeOf(describePlatformCode(1).kind).toEqualTypeOf<QQApiErrorKind>();
  });
});
