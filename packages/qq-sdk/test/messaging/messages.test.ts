import { describe, expect, it } from 'vitest';
import { messages } from '../../src/messaging/messages.js';
import { QQValidationError } from '../../src/errors/QQValidationError.js';

describe('messages builders', () => {
  it('classifies media input: http(s) URL, bytes, or a file path', () => {
    expect(messages.image('https://example.com/a.png').source).toEqual({ url: 'https://example.com/a.png' });
    expect(messages.video('./clip.mp4').source).toEqual({ path: './clip.mp4' });
    const bytes = new Uint8Array([1, 2, 3]);
    expect(messages.file(bytes, 'report').source).toEqual({ data: bytes });
    expect(messages.file(bytes, 'report')).toMatchObject({ kind: 'media', media: 'file', caption: 'report' });
    expect(messages.voice({ url: 'https://x.test/v.silk' })).toEqual({
      kind: 'media',
      media: 'voice',
      source: { url: 'https://x.test/v.silk' },
    });
  });

  it('builds markdown with a keyboard, and markdown templates', () => {
    const keyboard = messages.keyboard([[{ id: 'ok', label: '确认', action: { type: 'callback', data: 'confirm' } }]]);
    expect(messages.markdown('**hi**', { keyboard })).toEqual({ kind: 'markdown', content: '**hi**', keyboard });
    expect(messages.markdownTemplate('tpl_1', { title: '标题' })).toEqual({
      kind: 'markdownTemplate',
      templateId: 'tpl_1',
      params: { title: '标题' },
    });
  });

  it('rejects keyboards larger than 5x5', () => {
    const button = { id: 'b', label: 'b', action: { type: 'callback', data: 'x' } } as const;
    expect(() => messages.keyboard(Array.from({ length: 6 }, () => [button]))).toThrow(/Invalid keyboard: rows: /);
    expect(() => messages.keyboard(Array.from({ length: 6 }, () => [button]))).toThrow(QQValidationError);
    expect(() => messages.keyboard([Array.from({ length: 6 }, () => button)])).toThrow(/5 rows of 5/);
  });

  it('formats guild mentions and channel links', () => {
    expect(messages.mention('123')).toBe('<@123>');
    expect(messages.channelLink('456')).toBe('<#456>');
    expect(messages.mentionEveryone()).toBe('@everyone');
  });
});
