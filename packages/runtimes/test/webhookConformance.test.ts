import { QQSimulator } from 'qq-sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type RunningRuntime, type RuntimeName } from './startRuntime.js';

// The same webhook conformance test in each real runtime, installed from npm: examples/edge served
// by Cloudflare's workerd, by Deno and by Bun, on 127.0.0.1, against the platform simulator. The
// bot resolves `qq-sdk/fetch` through the runtime's own export condition, so each one runs the web
// build (WebCrypto signatures, REST on fetch).
const RUNTIMES: RuntimeName[] = ['workerd', 'deno', 'bun'];
/** How each runtime names itself in the REST calls' User-Agent (navigator.userAgent). */
const USER_AGENTS: Record<RuntimeName, RegExp> = { workerd: /Cloudflare-Workers/u, deno: /Deno\/\d/u, bun: /Bun\/\d/u };

/** The message id the simulator gave the delivered event. */
function messageIdOf(body: string): string {
  return (JSON.parse(body) as { d: { id: string } }).d.id;
}

describe.each(RUNTIMES)('webhook conformance on %s', (runtime) => {
  let sim: QQSimulator;
  let bot: RunningRuntime;

  beforeAll(async () => {
    sim = await QQSimulator.start({ webhookRetries: 0 });
    bot = await startRuntime(runtime, {
      QQBOT_APP_ID: sim.appId,
      QQBOT_APP_SECRET: sim.clientSecret,
      QQBOT_API_BASE_URL: sim.url,
      QQBOT_TOKEN_URL: sim.tokenUrl,
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await sim?.close();
  });

  it('answers the op 13 callback validation with a signature the platform accepts', async () => {
    const result = await sim.validateWebhook(bot.url);
    expect(result, bot.output()).toMatchObject({ valid: true, status: 200 });
  });

  it('refuses a forged callback (401) and a replayed signature for another body, dispatching nothing', async () => {
    const body = JSON.stringify({ op: 0, id: 'forged-1', t: 'GROUP_AT_MESSAGE_CREATE', d: { id: 'forged-msg', content: 'hi' } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const forged = await fetch(bot.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, 'x-signature-ed25519': 'ab'.repeat(64), 'x-bot-appid': sim.appId },
      body,
    });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(bot.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    await sim.expectNoReply({ replyTo: 'forged-msg', withinMs: 300 });
  });

  it('verifies and acknowledges a signed callback, and msg.reply() reaches the platform with its msg_id and msg_seq', async () => {
    const delivery = await sim.deliverWebhook(bot.url, 'GROUP_AT_MESSAGE_CREATE', { content: 'hello from the edge' });
    expect(delivery.acknowledged, bot.output()).toBe(true);
    const messageId = messageIdOf(delivery.body);
    const reply = await sim.waitFor(() => sim.sentMessages.find((sent) => sent.msgId === messageId), { timeoutMs: 10_000 });
    expect(reply).toMatchObject({ scene: 'group', passive: true, msgSeq: 1, text: 'pong: hello from the edge' });
    // The runtime resolved qq-sdk/fetch to the web build, and the calls came from that runtime.
    expect(bot.output()).toContain(', web build');
    const send = sim.requests.find((request) => request.route === 'POST /v2/groups/{group_openid}/messages');
    expect(send?.headers['user-agent']).toMatch(USER_AGENTS[runtime]);
  });

  it('handles an event the platform delivers twice once, through the state store the example uses there', async () => {
    sim.deliverTwice();
    const delivery = await sim.deliverWebhook(bot.url, 'GROUP_AT_MESSAGE_CREATE', { content: 'once' });
    expect(delivery.attempts.filter((attempt) => attempt.status === 200)).toHaveLength(2);
    const messageId = messageIdOf(delivery.body);
    await sim.waitFor(() => sim.sentMessages.some((sent) => sent.msgId === messageId), { timeoutMs: 10_000 });
    // Time for a second reply, were the copy handled too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.sentMessages.filter((sent) => sent.msgId === messageId)).toHaveLength(1);
    // On Workers the example keeps that state in a Durable Object, shared by every isolate.
    expect(bot.output()).toContain(runtime === 'workerd' ? 'shared state' : 'in-memory state');
  });

  it('keeps to the reply budget: the replies the platform allows go out with msg_seq 1, 2, …, the next is refused before it is sent', async () => {
    const delivery = await sim.deliverWebhook(bot.url, 'GROUP_AT_MESSAGE_CREATE', { content: '/burst' });
    expect(delivery.acknowledged, bot.output()).toBe(true);
    const messageId = messageIdOf(delivery.body);
    await sim.waitFor(() => /reply budget spent after \d+ replies/u.test(bot.output()), { timeoutMs: 10_000 });
    const replies = sim.sentMessages.filter((sent) => sent.msgId === messageId);
    const limit = Number(/reply budget spent after (\d+) replies/u.exec(bot.output())?.[1]);
    expect(limit).toBeGreaterThan(1);
    expect(replies.map((sent) => sent.msgSeq)).toEqual(Array.from({ length: limit }, (_, i) => i + 1));
    // Nothing was refused by the platform: the SDK stopped at the budget itself.
    expect(sim.requests.filter((request) => request.status >= 400)).toEqual([]);
  });
});
