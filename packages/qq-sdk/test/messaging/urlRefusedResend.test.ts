import { afterEach, describe, expect, it } from 'vitest';
import { QQBot, type Message } from '../../src/index.js';
import { applyUrlPolicy } from '../../src/messaging/UrlPolicy.js';
import { QQSimulator } from '../../src/testing/index.js';

// QQ refuses "URLs" more widely than the default policy defangs them (a host's /status listing
// `openclaw.json` was refused with 40054010 in the OpenClaw e2e). The sender resends once with
// every dotted name defanged, so the answer arrives instead of being lost.

let sim: QQSimulator | undefined;
let bot: QQBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

async function start(): Promise<{ sim: QQSimulator; next: () => Promise<Message> }> {
  sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
  bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    logLevel: 'silent',
  });
  let waiting: ((msg: Message) => void) | undefined;
  bot.on('message', (msg) => waiting?.(msg));
  await bot.start();
  return { sim, next: () => new Promise<Message>((resolve) => (waiting = resolve)) };
}

describe('a reply QQ refuses for a URL the policy let through', () => {
  it('strict mode treats every dotted name as a link; the default only known TLDs', () => {
    expect(applyUrlPolicy('edit openclaw.json and README.md, v2026.9.6', { policy: 'defang' }).text).toBe('edit openclaw.json and README.md, v2026.9.6');
    expect(applyUrlPolicy('edit openclaw.json and README.md, v2026.9.6', { policy: 'defang', strict: true }).text).toBe(
      'edit openclaw[.]json and README[.]md, v2026.9.6',
    );
  });

  it('is resent once with every dotted name defanged, in C2C and groups, and arrives', async () => {
    const { sim, next } = await start();
    for (const type of ['C2C_MESSAGE_CREATE', 'GROUP_AT_MESSAGE_CREATE'] as const) {
      const received = next();
      const event = sim.inject(type, { content: ' status' });
      const msg = await received;
      const result = await msg.reply('Config: ~/.openclaw/openclaw.json\nModel: fake/echo');
      const target = msg.target.scene === 'c2c' ? msg.target.openid : msg.target.scene === 'group' ? msg.target.groupOpenid : '';
      const sent = sim.messagesTo(target).filter((m) => m.msgId === event.data.id);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.text).toBe('Config: ~/.openclaw/openclaw[.]json\nModel: fake/echo');
      expect(result.messages).toHaveLength(1);
      expect(sim.requests.filter((r) => r.status === 400 && (r.response as { code?: number }).code === 40054010).length).toBeGreaterThan(0);
    }
  });

  it('markdown replies fall back to their plain text, defanged', async () => {
    const { sim, next } = await start();
    const received = next();
    const event = sim.inject('C2C_MESSAGE_CREATE', { content: 'md' });
    const msg = await received;
    await msg.reply({ kind: 'markdown', content: '**Config**: `openclaw.json`', fallbackText: 'Config: openclaw.json' });
    const sent = sim.messagesTo(msg.author.id).filter((m) => m.msgId === event.data.id);
    expect(sent.map((m) => m.text)).toEqual(['Config: openclaw[.]json']);
  });

  it('is not resent with urlPolicy "allow": the refusal reaches the caller', async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logLevel: 'silent',
      urlPolicy: 'allow',
    });
    const received = new Promise<Message>((resolve) => bot?.on('message', resolve));
    await bot.start();
    sim.inject('C2C_MESSAGE_CREATE', { content: 'x' });
    const msg = await received;
    await expect(msg.reply('see openclaw.json')).rejects.toMatchObject({ code: 40054010 });
  });
});
