import type { Message, MessageAttachment } from 'qq-sdk';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import { groupSettings } from '../config/groupSettings.js';
import { conversationId } from './checkAccess.js';
import type { SavedMedia } from './saveInboundMedia.js';
import type { HistoryLine } from './GroupHistory.js';
import type { SentMessageIndex } from './SentMessageIndex.js';
import { CHANNEL_ID } from '../constants.js';
import { formatTarget } from '../outbound/targets.js';

/** The host's chat type and session peer for each QQ scene. */
export function peerOf(message: Message): { kind: 'direct' | 'group' | 'channel'; id: string } {
  switch (message.target.scene) {
    case 'c2c':
      return { kind: 'direct', id: message.target.openid };
    case 'direct':
      return { kind: 'direct', id: message.author.id };
    case 'group':
      return { kind: 'group', id: message.target.groupOpenid };
    case 'guild':
      return { kind: 'channel', id: message.target.channelId };
  }
}

const MEDIA_KIND = { image: 'image', video: 'video', voice: 'audio', file: 'document' } as const;

function mediaFact(attachment: MessageAttachment, saved: SavedMedia | undefined): Record<string, unknown> {
  return {
    // A saved file replaces the URL: the host must read the local copy, not fetch QQ's URL.
    ...(saved !== undefined ? { path: saved.path } : { url: attachment.voiceWavUrl ?? attachment.url }),
    kind: MEDIA_KIND[attachment.kind],
    contentType: saved?.contentType ?? (attachment.kind === 'voice' && attachment.voiceWavUrl ? 'audio/wav' : attachment.contentType),
    ...(attachment.filename !== undefined ? { fileName: attachment.filename } : {}),
    ...(attachment.size !== undefined ? { sizeBytes: attachment.size } : {}),
    ...(attachment.width !== undefined ? { width: attachment.width } : {}),
    ...(attachment.height !== undefined ? { height: attachment.height } : {}),
    ...(attachment.asrText ? { transcribed: true } : {}),
  };
}

/**
 * The text the agent reads: the mention-stripped content, plus the platform's speech
 * recognition of voice attachments (so a voice note is answerable without audio tooling).
 */
export function bodyOf(message: Message): string {
  const transcripts = message.attachments
    .filter((attachment) => attachment.kind === 'voice' && attachment.asrText)
    .map((attachment) => `[voice] ${attachment.asrText}`);
  return [message.content, ...transcripts].filter((part) => part.length > 0).join('\n');
}

/**
 * Maps a normalized QQ message to the host's inbound context fields (`MsgContext`): chat type,
 * sender, conversation, session key, text, media facts (local files saved by
 * {@link saveInboundMedia} where possible, plus the legacy `Media*` fields older hosts read) and the
 * reply route.
 */
export function toInboundFields(
  message: Message,
  params: {
    accountId: string;
    sessionKey: string;
    commandAuthorized: boolean;
    saved?: readonly (SavedMedia | undefined)[];
    config?: QQBotAccountConfig;
    sent?: SentMessageIndex;
    history?: readonly HistoryLine[];
  },
): Record<string, unknown> {
  const conversation = formatTarget(message.target);
  const direct = message.scene === 'c2c' || message.scene === 'direct';
  const sender = `${CHANNEL_ID}:user:${message.author.id}`;
  const body = bodyOf(message);
  const config = params.config ?? {};
  const group = direct ? {} : groupSettings(config, conversationId(message));
  // The official plugin's systemPrompt goes before the message the agent reads; a group's prompt
  // is the host's per-group system prompt.
  const history = params.history ?? [];
  // Group talk the bot was not asked about, so the agent knows what "it" refers to.
  const withHistory =
    history.length > 0
      ? `[Recent messages in this group, not addressed to you]\n${history.map((line) => `${line.sender}: ${line.text}`).join('\n')}\n\n[The message to answer]\n${body}`
      : body;
  const forAgent = config.systemPrompt ? `${config.systemPrompt}\n\n${withHistory}` : withHistory;
  const media = message.attachments.map((attachment, index) => mediaFact(attachment, params.saved?.[index]));
  // Local files where they were saved; the agent's tools and the model read those, not QQ URLs.
  const where = (fact: Record<string, unknown>): unknown => fact['path'] ?? fact['url'];
  const transcript = message.attachments.find((attachment) => attachment.asrText)?.asrText;
  // Voice notes QQ already recognised: hosts before 2026.9 read this instead of `media[].transcribed`,
  // and would otherwise transcribe them a second time.
  const transcribed = message.attachments.flatMap((attachment, index) => (attachment.kind === 'voice' && attachment.asrText ? [index] : []));
  return {
    Body: body,
    BodyForAgent: forAgent,
    RawBody: message.rawContent,
    CommandBody: message.content,
    From: direct ? conversation : sender,
    To: conversation,
    SessionKey: params.sessionKey,
    AccountId: params.accountId,
    ChatType: direct ? 'direct' : message.scene === 'group' ? 'group' : 'channel',
    SenderId: message.author.id,
    SenderName: message.author.username ?? message.author.id,
    ...(direct ? {} : { GroupSubject: group.name ?? conversation, WasMentioned: message.mentionedBot }),
    ...(group.prompt !== undefined ? { GroupSystemPrompt: group.prompt } : {}),
    Provider: CHANNEL_ID,
    Surface: CHANNEL_ID,
    MessageSid: message.id,
    Timestamp: message.timestamp.getTime(),
    OriginatingChannel: CHANNEL_ID,
    OriginatingTo: conversation,
    CommandAuthorized: params.commandAuthorized,
    ...quoteFields(message, params.sent, config.contextVisibility ?? 'all'),
    ...(media.length > 0
      ? {
          media,
          MediaPath: media[0] !== undefined ? where(media[0]) : undefined,
          MediaUrl: media[0] !== undefined ? where(media[0]) : undefined,
          MediaType: media[0]?.['contentType'],
          MediaPaths: media.map(where),
          MediaUrls: media.map(where),
          MediaTypes: media.map((fact) => fact['contentType']),
          ...(transcribed.length > 0 ? { MediaTranscribedIndexes: transcribed } : {}),
        }
      : {}),
    ...(transcript !== undefined ? { Transcript: transcript } : {}),
  };
}

/**
 * The quoted message as the host's reply context (`ReplyToId`, `ReplyToBody`, `ReplyToSender`): the
 * text QQ sent with the quote, or, for a quote of one of the bot's own messages, the text the bot
 * sent under that index; attachments of the quote are named in the body. With `contextVisibility:
 * "allowlist"` only quotes of the bot's own messages keep their text: QQ does not say who wrote a
 * quoted user message, so its sender cannot be checked.
 */
function quoteFields(
  message: Message,
  sent: SentMessageIndex | undefined,
  visibility: NonNullable<QQBotAccountConfig['contextVisibility']>,
): Record<string, unknown> {
  const quote = message.quote;
  if (quote === undefined) return message.referencedMessageId !== undefined ? { ReplyToId: message.referencedMessageId } : {};
  const own = quote.refIdx !== undefined ? sent?.lookup(quote.refIdx) : undefined;
  const media = quote.attachments.map((attachment) => `[${attachment.kind}${attachment.filename ? `: ${attachment.filename}` : ''}]`);
  const hidden = visibility === 'allowlist' && own === undefined;
  const body = hidden ? '' : [quote.content ?? own, ...media].filter((part): part is string => part !== undefined && part !== '').join('\n');
  return {
    ReplyToId: quote.messageId ?? quote.refIdx ?? message.referencedMessageId,
    ...(body !== '' ? { ReplyToBody: body } : {}),
    ...(own !== undefined && quote.content === undefined ? { ReplyToSender: 'assistant' } : {}),
  };
}
