import { afterEach, describe, expect, it } from 'vitest';
import { QQBot, type Message } from '../../src/index.js';
import { parseFaceTags, renderFaceTags } from '../../src/entries/messaging.js';
import { QQSimulator } from '../../src/testing/index.js';

// Face tags as captured from QQ (2026 reports against LangBot #2291, AstrBot #6294, dsh-im #97).
const FAT_THREE = '<faceType=1,faceId="300",ext="eyJ0ZXh0Ijoi6IOW5LiJ5pakIn0=">'; // {"text":"胖三斤"}
const MELON = '<faceType=1,faceId="271",ext="eyJ0ZXh0Ijoi5ZCD55OcIn0=">'; // {"text":"吃瓜"}
const QUESTION_STICKER = '<faceType=4,faceId="",ext="eyJ0ZXh0IjoiW+a7oeWktOmXruWPt10ifQ==">'; // {"text":"[满头问号]"}

describe('QQ face tags', () => {
  it('render as their names, stickers without doubled brackets', () => {
    expect(renderFaceTags(`欢迎我${FAT_THREE}`)).toBe('欢迎我[胖三斤]');
    expect(renderFaceTags(`${MELON}${QUESTION_STICKER} 真的吗`)).toBe('[吃瓜][满头问号] 真的吗');
    expect(renderFaceTags('普通消息 <b>not a face</b>')).toBe('普通消息 <b>not a face</b>');
  });

  it('an ext that is not base64 JSON with text gives [表情], never the raw tag', () => {
    expect(renderFaceTags('<faceType=1,faceId="14",ext="not-base64!">')).toBe('[表情]');
    expect(renderFaceTags('<faceType=2,faceId="5">')).toBe('[表情]');
    expect(renderFaceTags(`<faceType=1,faceId="14",ext="${Buffer.from('{"id":14}').toString('base64')}">`)).toBe('[表情]');
  });

  it('parse into type, id and name', () => {
    expect(parseFaceTags(`a${FAT_THREE}b${QUESTION_STICKER}`)).toEqual([
      { type: 1, id: '300', name: '胖三斤' },
      { type: 4, id: '', name: '满头问号' },
    ]);
    expect(parseFaceTags('no faces')).toEqual([]);
  });
});

describe('a message with face tags', () => {
  let sim: QQSimulator | undefined;
  let bot: QQBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    await sim?.close();
  });

  it('msg.content reads as text, msg.faces lists them, msg.rawContent keeps the markup', async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logLevel: 'silent',
    });
    const received = new Promise<Message>((resolve) => bot?.on('message', resolve));
    await bot.start();
    const raw = ` 欢迎我${FAT_THREE}`;
    sim.inject('GROUP_AT_MESSAGE_CREATE', { content: raw });
    const msg = await received;
    expect(msg.content).toBe('欢迎我[胖三斤]');
    expect(msg.faces).toEqual([{ type: 1, id: '300', name: '胖三斤' }]);
    expect(msg.rawContent).toBe(raw);
  });
});
