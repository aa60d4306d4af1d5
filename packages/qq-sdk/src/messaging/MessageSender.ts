import { QQApiError } from '../errors/QQApiError.js';
import { QQValidationError } from '../errors/QQValidationError.js';
import type { Logger } from '../logging/Logger.js';
import type { API } from '../rest/API.js';
import type { ArkBody, EmbedBody, KeyboardBody, MarkdownBody } from '../rest/schemas/messages.js';
import { checkContent, checkReceivedAt, checkTarget } from './checkOutgoing.js';
import { MARKDOWN_REFUSED_CODES, MarkdownSupport } from './MarkdownSupport.js';
import type { DeliveryResult, SentMessage } from './Message.js';
import type { MessageTarget } from './MessageScene.js';
import type { OutgoingMessage, OutgoingMessageOf } from './OutgoingMessage.js';
import type { ReplyQuota } from './ReplyQuota.js';
import { ReplyStream, type ReplyStreamOptions } from './ReplyStream.js';
import { ReplyQuotaExceededError } from './ReplyQuotaExceededError.js';
import { ReplyWindowExpiredError } from './ReplyWindowExpiredError.js';
import { splitText } from './splitText.js';
import { toKeyboardBody } from './toKeyboardBody.js';
import { applyUrlPolicy, type UrlPolicy } from './UrlPolicy.js';

/** What a passive reply answers: a received message (`msg_id`) or event (`event_id`). */
export interface ReplyTarget {
  /** The message id or event id. */
  readonly sourceId: string;
  /** `'message'` replies with `msg_id`, `'event'` with `event_id`. */
  readonly kind: 'message' | 'event';
  /** When the source was received; the reply window starts here. */
  readonly receivedAt: Date;
}

/** One send through {@link MessageSender.send}. */
export interface SendRequest {
  /** Where the message goes. */
  readonly target: MessageTarget;
  /** Makes it a passive reply; omitted for an active message. */
  readonly replyTo?: ReplyTarget;
  /** What to do when the reply budget or window is spent. @defaultValue 'throw' */
  readonly onQuotaExhausted?: 'throw' | 'active';
  /** Quote the source message (`message_reference`). */
  readonly quote?: boolean;
  /** Cancels uploads and sends. */
  readonly signal?: AbortSignal;
}

/** Options of {@link MessageSender}. */
export interface MessageSenderOptions {
  /** The REST resources used to upload and send. */
  readonly api: API;
  /** The passive-reply budget. */
  readonly quota: ReplyQuota;
  /** What to do with URLs in text. @defaultValue 'defang' */
  readonly urlPolicy?: UrlPolicy;
  /** Domains registered in the console; their URLs pass untouched. */
  readonly allowedDomains?: readonly string[];
  /** The longest text sent as one message; longer text is split. @defaultValue 2000 */
  readonly maxMessageLength?: number;
  /** Where diagnostics go. */
  readonly logger: Logger;
}

// One platform send: the scene-independent content of one message.
interface WirePart {
  readonly msgType: 0 | 2 | 3 | 4 | 7;
  readonly content?: string;
  readonly markdown?: MarkdownBody;
  readonly keyboard?: KeyboardBody;
  readonly ark?: ArkBody;
  readonly embed?: EmbedBody;
  readonly fileInfo?: string;
  readonly imageUrl?: string;
  /** Plain text to send instead where markdown is refused. */
  readonly textFallback?: string;
}

const FILE_TYPE_BY_KIND = { image: 'image', video: 'video', voice: 'voice', file: 'file' } as const;

/**
 * Turns {@link OutgoingMessage}s into platform sends within QQ's rules: URL policy, splitting of
 * long text, media upload, one reply-budget claim (and `msg_seq`) per message sent, and the
 * markdown fallback. `msg.reply()`, `msg.send()` and `bot.send()` all go through it.
 */
export class MessageSender {
  readonly #api: API;
  readonly #quota: ReplyQuota;
  readonly #urlPolicy: UrlPolicy;
  readonly #allowedDomains: readonly string[];
  readonly #maxLength: number;
  readonly #logger: Logger;
  /** Targets known to refuse markdown. */
  readonly markdown = new MarkdownSupport();

  /** @param options - REST resources, quota and content policies. */
  constructor(options: MessageSenderOptions) {
    this.#api = options.api;
    this.#quota = options.quota;
    this.#urlPolicy = options.urlPolicy ?? 'defang';
    this.#allowedDomains = options.allowedDomains ?? [];
    this.#maxLength = options.maxMessageLength ?? 2000;
    this.#logger = options.logger;
  }

  /**
   * Sends `content` to `request.target`, as a passive reply when `request.replyTo` is set.
   *
   * @throws {@link ReplyQuotaExceededError} / {@link ReplyWindowExpiredError} when the budget is
   * spent and `onQuotaExhausted` is `'throw'`; {@link QQApiError} when the platform refuses a send;
   * {@link QQValidationError} for content the scene cannot carry, or an argument that is not what
   * the types say (checked before anything is uploaded or sent).
   */
  async send(content: string | OutgoingMessage, request: SendRequest): Promise<DeliveryResult> {
    checkContent(content);
    checkTarget(request.target);
    if (request.replyTo !== undefined) checkReceivedAt(request.replyTo.receivedAt, 'replyTo.receivedAt');
    const message: OutgoingMessage = typeof content === 'string' ? { kind: 'text', content } : content;
    const parts = await this.#toParts(message, request);
    const sent: SentMessage[] = [];
    let mode: 'passive' | 'active' = request.replyTo ? 'passive' : 'active';
    for (const part of parts) {
      const result = await this.#sendPart(part, request, mode);
      mode = result.mode;
      sent.push(...result.messages);
    }
    return { messages: sent, mode };
  }

  /**
   * Opens a streaming reply ({@link ReplyStream}): the platform's C2C stream API for a C2C passive
   * reply, otherwise an ordinary reply sent when the stream ends.
   */
  openStream(request: SendRequest, options: ReplyStreamOptions = {}): ReplyStream {
    const { target, replyTo } = request;
    const source = replyTo ? { target, sourceId: replyTo.sourceId, receivedAt: replyTo.receivedAt } : undefined;
    const anchor = replyTo ? (replyTo.kind === 'message' ? { msg_id: replyTo.sourceId } : { event_id: replyTo.sourceId }) : {};
    return new ReplyStream(
      {
        streamable: target.scene === 'c2c' && source !== undefined,
        prepare: (text) => this.#text(text),
        remaining: () => (source ? this.#quota.snapshot(source).remaining : 0),
        claim: async () => {
          if (!source) throw new QQValidationError('stream', [{ path: 'replyTo', message: 'a stream needs a message to reply to' }]);
          return (await this.#quota.claim(source)).msgSeq;
        },
        post: async (body, signal) => {
          if (target.scene !== 'c2c') throw new QQValidationError('stream', [{ path: 'target', message: 'only C2C supports streaming' }]);
          const response = await this.#api.messages.sendC2CStreamChunk(target.openid, { ...body, ...anchor }, signal ? { signal } : {});
          return response.id;
        },
        fallback: (text, signal) => this.send(text, { ...request, ...(signal ? { signal } : {}) }),
      },
      options,
    );
  }

  async #sendPart(part: WirePart, request: SendRequest, mode: 'passive' | 'active'): Promise<DeliveryResult> {
    let msgSeq: number | undefined;
    let currentMode = mode;
    if (currentMode === 'passive' && request.replyTo) {
      try {
        msgSeq = (await this.#quota.claim({ target: request.target, sourceId: request.replyTo.sourceId, receivedAt: request.replyTo.receivedAt })).msgSeq;
      } catch (error) {
        const spent = error instanceof ReplyQuotaExceededError || error instanceof ReplyWindowExpiredError;
        if (!spent || request.onQuotaExhausted !== 'active') throw error;
        this.#logger.info('reply budget spent; sending as an active message', { sourceId: request.replyTo.sourceId, reason: error.name });
        currentMode = 'active';
      }
    }
    try {
      const message = await this.#post(part, request, currentMode === 'passive' ? msgSeq : undefined, currentMode);
      return { messages: [message], mode: currentMode };
    } catch (error) {
      if (part.msgType === 2 && error instanceof QQApiError && error.code !== undefined && MARKDOWN_REFUSED_CODES.has(error.code)) {
        this.markdown.markRefused(request.target);
        this.#logger.warn('markdown refused for this target; resending as plain text', { code: error.code, traceId: error.traceId });
        if (part.textFallback === undefined) throw error;
        // The failed send may have used its msg_seq, so the fallback claims a fresh one.
        const { replyTo: _dropped, ...activeRequest } = request;
        return this.send(part.textFallback, currentMode === 'active' ? activeRequest : request);
      }
      throw error;
    }
  }

  async #post(part: WirePart, request: SendRequest, msgSeq: number | undefined, mode: 'passive' | 'active'): Promise<SentMessage> {
    const { target, replyTo, signal } = request;
    const options = signal ? { signal } : {};
    const passive = mode === 'passive' && replyTo !== undefined;
    const replyFields = passive ? (replyTo.kind === 'message' ? { msg_id: replyTo.sourceId } : { event_id: replyTo.sourceId }) : {};
    const reference = request.quote === true && replyTo?.kind === 'message' ? { message_reference: { message_id: replyTo.sourceId } } : {};
    const common = {
      ...(part.content !== undefined ? { content: part.content } : {}),
      ...(part.markdown !== undefined ? { markdown: part.markdown } : {}),
      ...(part.keyboard !== undefined ? { keyboard: part.keyboard } : {}),
      ...(part.ark !== undefined ? { ark: part.ark } : {}),
      ...reference,
      ...replyFields,
    };
    if (target.scene === 'c2c' || target.scene === 'group') {
      const body = {
        msg_type: part.msgType,
        ...common,
        ...(part.fileInfo !== undefined ? { media: { file_info: part.fileInfo } } : {}),
        ...(passive && msgSeq !== undefined ? { msg_seq: msgSeq } : {}),
      };
      const response =
        target.scene === 'c2c'
          ? await this.#api.messages.sendC2C(target.openid, body, options)
          : await this.#api.messages.sendGroup(target.groupOpenid, body, options);
      return {
        ...(response.id !== undefined ? { id: response.id } : {}),
        ...(msgSeq !== undefined && passive ? { msgSeq } : {}),
        ...(response.timestamp !== undefined ? { timestamp: new Date(typeof response.timestamp === 'number' ? response.timestamp * 1000 : response.timestamp) } : {}),
      };
    }
    const body = {
      ...common,
      ...(part.embed !== undefined ? { embed: part.embed } : {}),
      ...(part.imageUrl !== undefined ? { image: part.imageUrl } : {}),
    };
    const response =
      target.scene === 'guild'
        ? await this.#api.messages.sendChannel(target.channelId, body, options)
        : await this.#api.messages.sendDirect(target.guildId, body, options);
    return response.id !== undefined ? { id: response.id } : {};
  }

  #text(text: string): string {
    return applyUrlPolicy(text, { policy: this.#urlPolicy, allowedDomains: this.#allowedDomains }).text;
  }

  #textParts(text: string): WirePart[] {
    const cleaned = this.#text(text);
    if (cleaned.trim() === '') {
      throw new QQValidationError('message', [{ path: 'content', message: 'is empty (after the URL policy was applied)' }]);
    }
    return splitText(cleaned, { maxLength: this.#maxLength }).map((chunk) => ({ msgType: 0, content: chunk }));
  }

  async #toParts(message: OutgoingMessage, request: SendRequest): Promise<WirePart[]> {
    const { target } = request;
    switch (message.kind) {
      case 'text':
        return this.#textParts(message.content);
      case 'markdown': {
        const fallback = message.fallbackText ?? message.content;
        if (this.markdown.isRefused(target)) return this.#textParts(fallback);
        const chunks = splitText(this.#text(message.content), { maxLength: this.#maxLength });
        const keyboard = message.keyboard ? toKeyboardBody(message.keyboard) : undefined;
        return chunks.map((chunk, index) => ({
          msgType: 2,
          markdown: { content: chunk },
          ...(keyboard !== undefined && index === chunks.length - 1 ? { keyboard } : {}),
          textFallback: chunks.length === 1 ? fallback : chunk,
        }));
      }
      case 'markdownTemplate':
        return [
          {
            msgType: 2,
            markdown: {
              custom_template_id: message.templateId,
              params: Object.entries(message.params).map(([key, value]) => ({
                key,
                values: typeof value === 'string' ? [value] : [...value],
              })),
            },
            ...(message.keyboard ? { keyboard: toKeyboardBody(message.keyboard) } : {}),
          },
        ];
      case 'media':
        return [await this.#mediaPart(message, request)];
      case 'ark':
        return [
          {
            msgType: 3,
            ark: {
              template_id: message.templateId,
              kv: message.kv.map((kv) => ({
                key: kv.key,
                ...(kv.value !== undefined ? { value: kv.value } : {}),
                ...(kv.obj !== undefined ? { obj: kv.obj.map((item) => ({ obj_kv: item.obj_kv.map((entry) => ({ ...entry })) })) } : {}),
              })),
            },
          },
        ];
      case 'embed': {
        if (target.scene === 'c2c' || target.scene === 'group') {
          throw new QQValidationError('message', [{ path: 'kind', message: 'embed messages can only be sent to guild channels and guild DMs' }]);
        }
        return [
          {
            msgType: 4,
            embed: {
              title: message.title,
              ...(message.prompt !== undefined ? { prompt: message.prompt } : {}),
              ...(message.thumbnailUrl !== undefined ? { thumbnail: { url: message.thumbnailUrl } } : {}),
              ...(message.fields !== undefined ? { fields: message.fields.map((name) => ({ name })) } : {}),
            },
          },
        ];
      }
    }
  }

  async #mediaPart(message: OutgoingMessageOf<'media'>, request: SendRequest): Promise<WirePart> {
    const { target, signal } = request;
    const caption = message.caption !== undefined ? this.#text(message.caption) : undefined;
    if (target.scene === 'guild' || target.scene === 'direct') {
      if (!('url' in message.source)) {
        throw new QQValidationError('message', [
          { path: 'source', message: 'guild channels and DMs take media by URL only; pass { url }' },
        ]);
      }
      return { msgType: 0, imageUrl: message.source.url, ...(caption !== undefined ? { content: caption } : {}) };
    }
    const source = message.source;
    const input = {
      file_type: FILE_TYPE_BY_KIND[message.media],
      ...('url' in source ? { url: source.url } : 'data' in source ? { buffer: source.data } : { path: source.path }),
    };
    const options = signal ? { signal } : {};
    const uploaded =
      target.scene === 'c2c'
        ? await this.#api.media.uploadC2C(target.openid, input, options)
        : await this.#api.media.uploadGroup(target.groupOpenid, input, options);
    // The platform wants a placeholder content with msg_type 7 when there is no caption.
    return { msgType: 7, fileInfo: uploaded.file_info, content: caption ?? ' ' };
  }
}
