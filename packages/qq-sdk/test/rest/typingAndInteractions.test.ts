import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QQValidationError } from '../../src/errors/QQValidationError.js';
import { API as SdkAPI } from '../../src/rest/API.js';
import { capture, makeClient, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function api(): SdkAPI {
  useTokenEndpoint(server);
  return new SdkAPI(makeClient());
}

async function expectField(call: Promise<unknown>, field: string): Promise<QQValidationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QQValidationError);
  expect((error as QQValidationError).field).toBe(field);
  return error as QQValidationError;
}

describe('messages.sendC2CTyping', () => {
  it('posts msg_type 6 with input_notify { input_type: 1, input_second } and the passive anchor', async () => {
    const a = api();
    const seen = capture(server, 'post', '/v2/users/OPENID/messages', { id: 'T1', timestamp: '2026-12-02T10:00:00+08:00' });
    const response = await a.messages.sendC2CTyping('OPENID', { msg_id: 'M0', msg_seq: 3 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toEqual({ msg_type: 6, input_notify: { input_type: 1, input_second: 60 }, msg_id: 'M0', msg_seq: 3 });
    expect(response.id).toBe('T1');
  });

  it('sends a custom input_second, and accepts a response without id', async () => {
    const a = api();
    const seen = capture(server, 'post', '/v2/users/OPENID/messages', {});
    await expect(a.messages.sendC2CTyping('OPENID', { input_second: 10, event_id: 'E1' })).resolves.toEqual({});
    expect(seen[0]!.body).toEqual({ msg_type: 6, input_notify: { input_type: 1, input_second: 10 }, event_id: 'E1' });
  });

  it.each([
    [{ input_second: 0 }, 'input_second'],
    [{ input_second: 61 }, 'input_second'],
    [{ input_second: 1.5 }, 'input_second'],
    [{ msg_seq: 1 }, 'msg_seq'],
    [{ msg_id: 'M0', content: 'hi' } as never, ''],
  ])('refuses %j naming the field, sending nothing', async (body, field) => {
    const a = api();
    const seen = capture(server, 'post', '/v2/users/OPENID/messages', {});
    await expectField(a.messages.sendC2CTyping('OPENID', body), field);
    expect(seen).toHaveLength(0);
  });
});

describe('msg_type 6 in message bodies', () => {
  it('sendC2C takes a typing notice with input_notify', async () => {
    const a = api();
    const seen = capture(server, 'post', '/v2/users/OPENID/messages', { id: 'T', timestamp: 1 });
    await a.messages.sendC2C('OPENID', { msg_type: 6, input_notify: { input_type: 1, input_second: 30 }, msg_id: 'M', msg_seq: 1 });
    expect(seen[0]!.body).toEqual({ msg_type: 6, input_notify: { input_type: 1, input_second: 30 }, msg_id: 'M', msg_seq: 1 });
  });

  it.each([
    ['without input_notify', { msg_type: 6 }, 'input_notify'],
    ['with content', { msg_type: 6, input_notify: { input_type: 1, input_second: 5 }, content: 'x' }, 'content'],
    ['with markdown', { msg_type: 6, input_notify: { input_type: 1, input_second: 5 }, markdown: { content: 'x' } }, 'markdown'],
    ['with input_second 120', { msg_type: 6, input_notify: { input_type: 1, input_second: 120 } }, 'input_notify.input_second'],
    ['input_notify on a text message', { msg_type: 0, content: 'x', input_notify: { input_type: 1, input_second: 5 } }, 'input_notify'],
  ])('sendC2C refuses a typing notice %s', async (_name, body, field) => {
    const a = api();
    const seen = capture(server, 'post', '/v2/users/OPENID/messages', {});
    await expectField(a.messages.sendC2C('OPENID', body as never), field);
    expect(seen).toHaveLength(0);
  });

  it('sendGroup refuses msg_type 6 (C2C only) and input_notify, naming the field', async () => {
    const a = api();
    const seen = capture(server, 'post', '/v2/groups/G/messages', {});
    const error = await expectField(a.messages.sendGroup('G', { msg_type: 6 as 0, input_notify: { input_type: 1, input_second: 5 } } as never), 'msg_type');
    expect(error.message).toContain('C2C only');
    await expectField(a.messages.sendGroup('G', { msg_type: 0, content: 'x', input_notify: { input_type: 1, input_second: 5 } } as never), 'input_notify');
    expect(seen).toHaveLength(0);
  });
});

describe('interactions.acknowledge with data', () => {
  it('sends { code, data } with a claw_cfg', async () => {
    const a = api();
    const seen = capture(server, 'put', '/interactions/I1', {});
    const claw = { require_mention: 'mention', group_policy: 'open', mention_patterns: '小助手,bot', online_state: 'online' };
    await a.interactions.acknowledge('I1', { code: 0, data: { claw_cfg: claw } });
    expect(seen[0]!.body).toEqual({ code: 0, data: { claw_cfg: claw } });
  });

  it('defaults code to 0, passes other data keys, and still takes a bare code', async () => {
    const a = api();
    const seen = capture(server, 'put', '/interactions/I2', {});
    await a.interactions.acknowledge('I2', { data: { content: 'Approval is unavailable.' } });
    await a.interactions.acknowledge('I2', 4);
    await a.interactions.acknowledge('I2');
    expect(seen.map((c) => c.body)).toEqual([{ code: 0, data: { content: 'Approval is unavailable.' } }, { code: 4 }, { code: 0 }]);
  });

  it.each([
    [{ code: 7 }, 'code'],
    [{ code: 0, data: 'x' }, 'data'],
    [{ code: 0, data: { claw_cfg: { require_mention: true } } }, 'data.claw_cfg.require_mention'],
    [{ code: 0, extra: 1 }, ''],
    ['0', 'code'],
  ])('refuses %j naming the field, sending nothing', async (ack, field) => {
    const a = api();
    const seen = capture(server, 'put', '/interactions/I3', {});
    await expectField(a.interactions.acknowledge('I3', ack as never), field);
    expect(seen).toHaveLength(0);
  });
});
