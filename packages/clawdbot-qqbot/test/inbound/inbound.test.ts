import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../src/config/resolveAccount.js';
import type { QQBotAccountConfig } from '../../src/index.js';
import { checkAccess } from '../../src/inbound/checkAccess.js';
import { handleInbound } from '../../src/inbound/handleInbound.js';
import { toInboundFields } from '../../src/inbound/toInboundFields.js';
import { resolveLogger } from 'qq-sdk';
import { attachment, fakeMessage } from '../support/fakeMessage.js';
import { fakeRuntime } from '../support/fakeRuntime.js';

const account = (config: QQBotAccountConfig = {}) =>
  resolveAccount({ channels: { qqbot: { token: '102000000:secret', dmPolicy: 'open', ...config } } }, undefined, {
    env: () => ({}),
    readFile: () => '',
  });
const logger = resolveLogger({}, 'silent');

describe('inbound mapping (SDK Message -> host MsgContext)', () => {
  it.each([
    ['c2c', 'direct', 'qqbot:c2c:E4F3A1B2C3D4E5F60718293A4B5C6D7E', { kind: 'direct', id: 'E4F3A1B2C3D4E5F60718293A4B5C6D7E' }],
    ['group', 'group', 'qqbot:group:C9F1AB22D3E4F5061728394A5B6C7D8E', { kind: 'group', id: 'C9F1AB22D3E4F5061728394A5B6C7D8E' }],
    ['guild', 'channel', 'qqbot:channel:1234567', { kind: 'channel', id: '1234567' }],
    ['direct', 'direct', 'qqbot:dm:99887766', { kind: 'direct', id: '11223344556677' }],
  ] as const)('scene %s -> chat type %s, reply target %s, own session', async (scene, chatType, to, peer) => {
    const { runtime, record } = fakeRuntime();
    const message = fakeMessage(scene, { content: '帮我查一下天气', rawContent: '<@!bot> 帮我查一下天气' });
    await expect(handleInbound(message, { cfg: {}, account: account(), runtime, logger })).resolves.toBe('dispatched');
    expect(record.routes).toEqual([{ channel: 'qqbot', accountId: 'default', peer }]);
    expect(record.contexts[0]).toMatchObject({
      ChatType: chatType,
      To: to,
      OriginatingTo: to,
      OriginatingChannel: 'qqbot',
      Provider: 'qqbot',
      Body: '帮我查一下天气',
      RawBody: '<@!bot> 帮我查一下天气',
      SenderId: message.author.id,
      MessageSid: message.id,
      SessionKey: `agent:main:qqbot:${peer.kind}:${peer.id}`,
      AccountId: 'default',
    });
    // The default final answer went back as a passive reply to that very message.
    expect(message.sent).toEqual([
      {
        content: { kind: scene === 'c2c' || scene === 'group' ? 'markdown' : 'text', content: 'ok' },
        options: { overflow: scene === 'c2c' || scene === 'group' ? 'document' : 'partial' },
        mode: 'passive',
      },
    ]);
  });

  it('maps images, files and voice (with the platform ASR text) to media facts and the agent body', () => {
    const message = fakeMessage('c2c', {
      content: '看看这个',
      attachments: [
        attachment('image', { width: 640, height: 480, filename: 'cat.jpg' }),
        attachment('file', { filename: '报告.pdf', size: 2048 }),
        attachment('voice', { asrText: '明天会下雨吗', voiceWavUrl: 'https://multimedia.nt.qq.com.cn/voice.wav' }),
      ],
    });
    const fields = toInboundFields(message, { accountId: 'default', sessionKey: 's', commandAuthorized: false });
    expect(fields['Body']).toBe('看看这个\n[voice] 明天会下雨吗');
    expect(fields['Transcript']).toBe('明天会下雨吗');
    expect(fields['media']).toEqual([
      { url: message.attachments[0]?.url, kind: 'image', contentType: 'image/jpeg', fileName: 'cat.jpg', width: 640, height: 480 },
      { url: message.attachments[1]?.url, kind: 'document', contentType: 'file', fileName: '报告.pdf', sizeBytes: 2048 },
      { url: 'https://multimedia.nt.qq.com.cn/voice.wav', kind: 'audio', contentType: 'audio/wav', transcribed: true },
    ]);
    expect(fields['MediaUrls']).toHaveLength(3);
  });

  it('marks group messages with the sender, subject and mention', () => {
    const message = fakeMessage('group', { referencedMessageId: 'ROBOT1.0_quoted' });
    const fields = toInboundFields(message, { accountId: 'a', sessionKey: 's', commandAuthorized: true });
    expect(fields).toMatchObject({ From: `qqbot:user:${message.author.id}`, WasMentioned: true, ReplyToId: 'ROBOT1.0_quoted', CommandAuthorized: true });
  });
});

describe('DM and group policies', () => {
  const dm = () => fakeMessage('c2c');
  const sender = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';

  it('dmPolicy: disabled drops, open dispatches, allowlist checks allowFrom (case-insensitive) and pairing approvals', () => {
    expect(checkAccess(dm(), { dmPolicy: 'disabled' })).toMatchObject({ action: 'drop' });
    expect(checkAccess(dm(), { dmPolicy: 'open' })).toEqual({ action: 'dispatch', commandAuthorized: true });
    expect(checkAccess(dm(), { dmPolicy: 'open', allowFrom: ['OTHER'] })).toEqual({ action: 'dispatch', commandAuthorized: false });
    expect(checkAccess(dm(), { dmPolicy: 'allowlist', allowFrom: ['OTHER'] })).toMatchObject({ action: 'drop' });
    expect(checkAccess(dm(), { dmPolicy: 'allowlist', allowFrom: [sender.toLowerCase()] })).toEqual({ action: 'dispatch', commandAuthorized: true });
    expect(checkAccess(dm(), { dmPolicy: 'allowlist' }, [sender])).toEqual({ action: 'dispatch', commandAuthorized: true });
    expect(checkAccess(dm(), {})).toEqual({ action: 'pair' });
  });

  it('groups: requireMention (default on) drops non-@ messages; groupPolicy allowlist checks the group id', () => {
    const plain = fakeMessage('group', { mentionedBot: false, eventType: 'GROUP_MESSAGE_CREATE' });
    expect(checkAccess(plain, {})).toMatchObject({ action: 'drop', reason: expect.stringMatching(/requireMention/) });
    expect(checkAccess(plain, { requireMention: false })).toMatchObject({ action: 'dispatch' });
    expect(checkAccess(fakeMessage('group'), { groupPolicy: 'allowlist', groupAllowFrom: ['OTHER'] })).toMatchObject({ action: 'drop' });
    expect(checkAccess(fakeMessage('group'), { groupPolicy: 'allowlist', groupAllowFrom: ['C9F1AB22D3E4F5061728394A5B6C7D8E'] })).toMatchObject({
      action: 'dispatch',
    });
    expect(checkAccess(fakeMessage('guild'), { groupPolicy: 'disabled' })).toMatchObject({ action: 'drop' });
  });

  it('pairing: an unknown DM sender gets one pairing code reply and never reaches the agent', async () => {
    const { runtime, record, pairingRequests } = fakeRuntime();
    const paired = account({ dmPolicy: 'pairing' });
    const first = fakeMessage('c2c');
    const second = fakeMessage('c2c');
    await expect(handleInbound(first, { cfg: {}, account: paired, runtime, logger })).resolves.toBe('paired');
    await expect(handleInbound(second, { cfg: {}, account: paired, runtime, logger })).resolves.toBe('paired');
    expect(pairingRequests).toEqual([sender, sender]);
    expect(first.sent).toHaveLength(1);
    expect(String(first.sent[0]?.content)).toContain('PAIR1234');
    expect(second.sent).toHaveLength(0);
    expect(record.contexts).toHaveLength(0);
  });

  it('an approved sender (pairing store) reaches the agent', async () => {
    const { runtime, record } = fakeRuntime(undefined, { approved: [sender] });
    await expect(handleInbound(fakeMessage('c2c'), { cfg: {}, account: account({ dmPolicy: 'pairing' }), runtime, logger })).resolves.toBe('dispatched');
    expect(record.contexts[0]).toMatchObject({ CommandAuthorized: true });
  });
});
