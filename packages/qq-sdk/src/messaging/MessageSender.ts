import { QQApiError } from '../errors/QQApiError.js';
import { QQValidationError } from '../errors/QQValidationError.js';
import type { Logger } from '../logging/Logger.js';
import type { API } from '../rest/API.js';
import type { RequestOptions } from '../rest/RequestOptions.js';
import type {
  ArkBody,
  C2CMessageBody,
  ChannelMessageBody,
  EmbedBody,
  GroupMessageBody,
  KeyboardBody,
  MarkdownBody,
  MessageReferenceBody,
} from '../rest/schemas/messages.js';
import { checkContent, checkReceivedAt, checkTarget } from './checkOutgoing.js';
import { MARKDOWN_REFUSED_CODES, MarkdownSupport } from './MarkdownSupport.js';
import { MessageContentLimits } from '../rest/schemas/contentLimits.js';
import type { DeliveryResult, Overflow, SentMessage } from './Message.js';
import type { MessageTarget } from './MessageScene.js';
import type { OutgoingMessage, OutgoingMessageOf } from './OutgoingMessage.js';
import type { ReplyQuota } from './ReplyQuota.js';
import { ReplyStream, type ReplyStreamOptions } from './ReplyStream.js';
import { ReplyQuotaExceededError } from './ReplyQuotaExceededError.js';
import { ReplyWindowExpiredError } from './ReplyWindowExpiredError.js';
import { MessageTooLongError } from './MessageTooLongError.js';
import { packText, splitText } from './splitText.js';
import { toKeyboardBody } from './toKeyboardBody.js';
import { applyUrlPolicy, URL_REFUSED_CODES, type UrlPolicy } from './UrlPolicy.js';
import { checkTypingOptions, TypingKeepAlive, type KeepTypingOptions, type TypingOptions, type TypingResult } from './Typing.js';
import { DefaultMessagingOptions } from './DefaultMessagingOptions.js';

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
  /** What to do when the text needs more messages than this call may send. @defaultValue 'throw' */
  readonly overflow?: Overflow;
}

/** One typing notice through {@link MessageSender.typing}. */
export interface TypingRequest extends TypingOptions {
  /** Where "typing…" shows; only C2C has a typing notice. */
  readonly target: MessageTarget;
  /** The message being answered: the notice's passive anchor (`msg_id` / `event_id`). */
  readonly replyTo?: ReplyTarget;
}

// msg_seq of a notice that spends no reply: far above the replies' 1, 2, 3 … so the two never
// share a (msg_id, msg_seq) pair, which the platform would deduplicate (40054005).
const TYPING_SEQ_MIN = 10_000;
const TYPING_SEQ_MAX = 65_535;

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
  /** The most messages one call may split text into (see {@link Overflow}). @defaultValue 5 */
  readonly maxMessagesPerSend?: number;
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

const OVERFLOWS: ReadonlySet<unknown> = new Set<Overflow>(['throw', 'document', 'partial']);

/** The text a planned text or markdown part carries. */
function partText(part: WirePart): string {
  return part.markdown !== undefined && 'content' in part.markdown ? part.markdown.content : (part.content ?? '');
}

// What one call sends after planning: the parts, and the text left over with overflow 'partial'.
interface SendPlan {
  readonly parts: readonly WirePart[];
  readonly unsent?: string;
}

const FILE_TYPE_BY_KIND = { image: 'image', video: 'video', voice: 'voice', file: 'file' } as const;
const DEFAULT_MAX_MESSAGES_PER_SEND = 5;

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
  readonly #maxParts: number;
  readonly #logger: Logger;
  /** Targets known to refuse markdown. */
  readonly markdown = new MarkdownSupport();

  /** @param options - REST resources, quota and content policies. */
  constructor(options: MessageSenderOptions) {
    this.#api = options.api;
    this.#quota = options.quota;
    this.#urlPolicy = options.urlPolicy ?? 'defang';
    this.#allowedDomains = options.allowedDomains ?? [];
    this.#maxLength = options.maxMessageLength ?? MessageContentLimits.safeChunkLength;
    this.#maxParts = options.maxMessagesPerSend ?? DEFAULT_MAX_MESSAGES_PER_SEND;
    this.#logger = options.logger;
  }

  /**
   * Sends `content` to `request.target`, as a passive reply when `request.replyTo` is set.
   *
   * @throws A {@link ReplyQuotaExceededError} / {@link ReplyWindowExpiredError} when the budget is
   * spent and `onQuotaExhausted` is `'throw'`; {@link MessageTooLongError} when long text needs
   * more messages than the call may send and `overflow` is `'throw'` (nothing sent);
   * {@link QQApiError} when the platform refuses a send; {@link QQValidationError} for content the
   * scene cannot carry, or an argument that is not what the types say (checked before anything is
   * uploaded or sent).
   */
  async send(content: string | OutgoingMessage, request: SendRequest): Promise<DeliveryResult> {
    checkContent(content);
    checkTarget(request.target);
    if (request.replyTo !== undefined) checkReceivedAt(request.replyTo.receivedAt, 'replyTo.receivedAt');
    if (request.overflow !== undefined && !OVERFLOWS.has(request.overflow)) {
      throw new QQValidationError('send options', [{ path: 'overflow', message: `must be 'throw', 'document' or 'partial', got ${String(request.overflow)}` }]);
    }
    const message: OutgoingMessage = typeof content === 'string' ? { kind: 'text', content } : content;
    const plan = await this.#plan(message, await this.#toParts(message, request), request);
    const sent: SentMessage[] = [];
    let mode: 'passive' | 'active' = request.replyTo ? 'passive' : 'active';
    for (const [index, part] of plan.parts.entries()) {
      let result: DeliveryResult;
      try {
        result = await this.#sendPart(part, request, mode);
      } catch (error) {
        // Another process spent the budget after the plan was made: hand back what is left.
        const spent = error instanceof ReplyQuotaExceededError || error instanceof ReplyWindowExpiredError;
        if (!spent || request.overflow !== 'partial' || index === 0) throw error;
        const rest = [...plan.parts.slice(index).map(partText), ...(plan.unsent !== undefined ? [plan.unsent] : [])];
        return { messages: sent, mode, unsent: rest.join('\n') };
      }
      mode = result.mode;
      sent.push(...result.messages);
    }
    return { messages: sent, mode, ...(plan.unsent !== undefined ? { unsent: plan.unsent } : {}) };
  }

  /**
   * Decides, before anything is sent, what a call sends: every part when they fit the messages it
   * may send (the passive replies left, and the per-call cap); else fuller parts, else what
   * `overflow` asks for. Only split text has more than one part.
   */
  async #plan(message: OutgoingMessage, parts: WirePart[], request: SendRequest): Promise<SendPlan> {
    if (parts.length <= 1 || (message.kind !== 'text' && message.kind !== 'markdown')) return { parts };
    const { allowed, limitedBy } = this.#allowance(request);
    if (parts.length <= allowed) return { parts };
    const packed = this.#packedParts(message, request);
    if (packed.length <= allowed) return { parts: packed };
    // No reply left (or the window closed): sending the first part fails with the precise error.
    if (allowed < 1) return { parts };
    const asMarkdown = message.kind === 'markdown' && !this.markdown.isRefused(request.target);
    const text = message.kind === 'markdown' && !asMarkdown ? (message.fallbackText ?? message.content) : message.content;
    switch (request.overflow ?? 'throw') {
      case 'partial':
        return { parts: packed.slice(0, allowed), unsent: packed.slice(allowed).map(partText).join('\n') };
      case 'document':
        if (request.target.scene === 'c2c' || request.target.scene === 'group') {
          const document = {
            kind: 'media',
            media: 'file',
            source: { data: new TextEncoder().encode(this.#text(text)), filename: asMarkdown ? 'reply.md' : 'reply.txt' },
          } as const;
          return { parts: [await this.#mediaPart(document, request)] };
        }
        throw new MessageTooLongError({
          partsNeeded: packed.length,
          partsAllowed: allowed,
          limitedBy,
          length: text.length,
          note: 'Documents can only be sent in C2C and groups.',
        });
      default:
        throw new MessageTooLongError({ partsNeeded: packed.length, partsAllowed: allowed, limitedBy, length: text.length });
    }
  }

  /** How many messages this call may send, and what sets that number. */
  #allowance(request: SendRequest): { allowed: number; limitedBy: 'reply-budget' | 'send-cap' } {
    const { replyTo } = request;
    if (replyTo === undefined || request.onQuotaExhausted === 'active') return { allowed: this.#maxParts, limitedBy: 'send-cap' };
    const { remaining } = this.#quota.snapshot({ target: request.target, sourceId: replyTo.sourceId, receivedAt: replyTo.receivedAt });
    return remaining < this.#maxParts ? { allowed: remaining, limitedBy: 'reply-budget' } : { allowed: this.#maxParts, limitedBy: 'send-cap' };
  }

  /** The text or markdown parts again, each filled close to the length limit. */
  #packedParts(message: OutgoingMessageOf<'text'> | OutgoingMessageOf<'markdown'>, request: SendRequest): WirePart[] {
    if (message.kind === 'text' || this.markdown.isRefused(request.target)) {
      const text = message.kind === 'text' ? message.content : (message.fallbackText ?? message.content);
      return packText(this.#text(text), this.#maxLength).map((chunk) => ({ msgType: 0, content: chunk }));
    }
    return this.#markdownParts(message, packText(this.#text(message.content), this.#maxLength));
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
          const response = await this.#api.messages.sendC2CStreamChunk(target.openid, { ...body, ...anchor }, callOptions(signal, replyTo));
          return response.id;
        },
        fallback: (text, signal) => this.send(text, { ...request, ...(signal ? { signal } : {}) }),
      },
      options,
    );
  }

  /**
   * Sends one typing notice ("typing…", C2C only; other scenes resolve with
   * `skipped: 'unsupported-scene'` and send nothing). When typing spends replies (the scene's
   * `ReplyRule.typingSpendsReply`, or `spendsReply`), the notice claims one through the
   * ReplyQuota, leaving `reserveReplies` (default 1) for the answer; when none is left above the
   * reserve, or the window has closed, nothing is sent and the result says why.
   *
   * @throws A {@link QQValidationError} for bad options (nothing is sent); {@link QQApiError} when
   *   the platform refuses the notice.
   */
  async typing(request: TypingRequest): Promise<TypingResult> {
    checkTarget(request.target);
    checkTypingOptions(request, false);
    if (request.replyTo !== undefined) checkReceivedAt(request.replyTo.receivedAt, 'replyTo.receivedAt');
    const { target, replyTo, signal } = request;
    if (target.scene !== 'c2c') return { sent: false, skipped: 'unsupported-scene', spentReply: false };
    const spends = replyTo !== undefined && (request.spendsReply ?? this.#quota.ruleFor('c2c').typingSpendsReply ?? true);
    let msgSeq: number | undefined;
    if (replyTo !== undefined) {
      const source = { target, sourceId: replyTo.sourceId, receivedAt: replyTo.receivedAt };
      if (spends) {
        try {
          msgSeq = (await this.#quota.claim(source, { reserve: request.reserveReplies ?? DefaultMessagingOptions.reserveReplies })).msgSeq;
        } catch (error) {
          if (error instanceof ReplyQuotaExceededError) return { sent: false, skipped: 'reply-budget', spentReply: false };
          if (error instanceof ReplyWindowExpiredError) return { sent: false, skipped: 'window-expired', spentReply: false };
          throw error;
        }
      } else {
        if (this.#quota.snapshot(source).expiresAt.getTime() <= Date.now()) return { sent: false, skipped: 'window-expired', spentReply: false };
        msgSeq = TYPING_SEQ_MIN + Math.floor(Math.random() * (TYPING_SEQ_MAX - TYPING_SEQ_MIN + 1));
      }
    }
    const anchor = replyTo === undefined ? {} : replyTo.kind === 'message' ? { msg_id: replyTo.sourceId } : { event_id: replyTo.sourceId };
    await this.#api.messages.sendC2CTyping(
      target.openid,
      { input_second: request.seconds ?? DefaultMessagingOptions.typingSeconds, ...anchor, ...(msgSeq !== undefined ? { msg_seq: msgSeq } : {}) },
      callOptions(signal, replyTo),
    );
    return { sent: true, spentReply: spends, ...(msgSeq !== undefined ? { msgSeq } : {}) };
  }

  /**
   * Starts a {@link TypingKeepAlive}: a typing notice now and every `intervalMs`, within the
   * bounds of `options`, each through {@link MessageSender.typing}. In scenes without typing
   * notices it is returned already stopped (`stopReason: 'unsupported-scene'`).
   *
   * @param request - Where, and the message being answered.
   * @param options - Notice length, interval and bounds.
   * @param onEnd - Called once when it stops.
   * @throws A {@link QQValidationError} for bad options (nothing is sent).
   */
  keepTyping(
    request: Pick<TypingRequest, 'target' | 'replyTo'>,
    options: KeepTypingOptions = {},
    onEnd?: (keepAlive: TypingKeepAlive) => void,
  ): TypingKeepAlive {
    checkTarget(request.target);
    checkTypingOptions(options, true);
    if (request.replyTo !== undefined) checkReceivedAt(request.replyTo.receivedAt, 'replyTo.receivedAt');
    const { seconds, reserveReplies, spendsReply } = options;
    const typing = {
      ...(seconds !== undefined ? { seconds } : {}),
      ...(reserveReplies !== undefined ? { reserveReplies } : {}),
      ...(spendsReply !== undefined ? { spendsReply } : {}),
    };
    return new TypingKeepAlive(
      {
        send: (signal) => this.typing({ ...typing, ...request, ...(signal ? { signal } : {}) }),
        logger: this.#logger,
        ...(request.target.scene !== 'c2c' ? { skip: 'unsupported-scene' as const } : {}),
        ...(onEnd !== undefined ? { onEnd } : {}),
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
      if (error instanceof QQApiError && error.code !== undefined && URL_REFUSED_CODES.has(error.code) && this.#urlPolicy !== 'allow') {
        // QQ found a link the policy let through (a file name such as README.md reads as one):
        // resend once as plain text with every dotted name defanged; a second refusal is final.
        const strict = applyUrlPolicy(part.textFallback ?? partText(part), { policy: this.#urlPolicy, allowedDomains: this.#allowedDomains, strict: true });
        if (strict.changed.length === 0) throw error;
        this.#logger.warn('QQ refused a URL in the message; resending with every dotted name defanged', {
          code: error.code,
          defanged: strict.changed.length,
          traceId: error.traceId,
        });
        const { replyTo: _dropped, ...activeRequest } = request;
        return this.send({ kind: 'text', content: strict.text }, currentMode === 'active' ? activeRequest : request);
      }
      throw error;
    }
  }

  async #post(part: WirePart, request: SendRequest, msgSeq: number | undefined, mode: 'passive' | 'active'): Promise<SentMessage> {
    const { target, replyTo, signal } = request;
    const passive = mode === 'passive' && replyTo !== undefined;
    // An active message keeps its order among the target's other active messages.
    const options = callOptions(signal, passive ? replyTo : undefined);
    // Built by assignment rather than conditional spreads: this runs once per reply.
    const common: CommonBody = {};
    if (part.content !== undefined) common.content = part.content;
    if (part.markdown !== undefined) common.markdown = part.markdown;
    if (part.keyboard !== undefined) common.keyboard = part.keyboard;
    if (part.ark !== undefined) common.ark = part.ark;
    if (request.quote === true && replyTo?.kind === 'message') common.message_reference = { message_id: replyTo.sourceId };
    if (passive) {
      if (replyTo.kind === 'message') common.msg_id = replyTo.sourceId;
      else common.event_id = replyTo.sourceId;
    }
    if (target.scene === 'c2c' || target.scene === 'group') {
      const body: GroupMessageBody & C2CMessageBody = { msg_type: part.msgType, ...common };
      if (part.fileInfo !== undefined) body.media = { file_info: part.fileInfo };
      if (passive && msgSeq !== undefined) body.msg_seq = msgSeq;
      const response =
        target.scene === 'c2c'
          ? await this.#api.messages.sendC2C(target.openid, body, options)
          : await this.#api.messages.sendGroup(target.groupOpenid, body, options);
      const sent: Mutable<SentMessage> = {};
      if (response.id !== undefined) sent.id = response.id;
      if (response.ext_info?.ref_idx !== undefined) sent.refIdx = response.ext_info.ref_idx;
      if (passive && msgSeq !== undefined) sent.msgSeq = msgSeq;
      if (response.timestamp !== undefined) sent.timestamp = new Date(typeof response.timestamp === 'number' ? response.timestamp * 1000 : response.timestamp);
      return sent;
    }
    const body: ChannelMessageBody = common;
    if (part.embed !== undefined) body.embed = part.embed;
    if (part.imageUrl !== undefined) body.image = part.imageUrl;
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
        return this.#markdownParts(message, splitText(this.#text(message.content), { maxLength: this.#maxLength }));
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

  #markdownParts(message: OutgoingMessageOf<'markdown'>, chunks: readonly string[]): WirePart[] {
    const fallback = message.fallbackText ?? message.content;
    const keyboard = message.keyboard ? toKeyboardBody(message.keyboard) : undefined;
    return chunks.map((chunk, index) => ({
      msgType: 2,
      markdown: { content: chunk },
      ...(keyboard !== undefined && index === chunks.length - 1 ? { keyboard } : {}),
      textFallback: chunks.length === 1 ? fallback : chunk,
    }));
  }

  async #mediaPart(message: OutgoingMessageOf<'media'>, request: SendRequest): Promise<WirePart> {
    const { target, replyTo, signal } = request;
    const caption = message.caption !== undefined ? this.#text(message.caption) : undefined;
    if (target.scene === 'guild' || target.scene === 'direct') {
      if (!('url' in message.source)) {
        throw new QQValidationError('message', [{ path: 'source', message: 'guild channels and DMs take media by URL only; pass { url }' }]);
      }
      return { msgType: 0, imageUrl: message.source.url, ...(caption !== undefined ? { content: caption } : {}) };
    }
    const source = message.source;
    const input = {
      file_type: FILE_TYPE_BY_KIND[message.media],
      ...('url' in source ? { url: source.url } : 'data' in source ? { buffer: source.data } : { path: source.path }),
    };
    const options = callOptions(signal, replyTo);
    const uploaded =
      target.scene === 'c2c'
        ? await this.#api.media.uploadC2C(target.openid, input, options)
        : await this.#api.media.uploadGroup(target.groupOpenid, input, options);
    // The platform wants a placeholder content with msg_type 7 when there is no caption.
    return { msgType: 7, fileInfo: uploaded.file_info, content: caption ?? ' ' };
  }
}

/**
 * The REST options of one call: its signal, and for a reply its chain (the message or event it
 * answers), so the REST queue keeps a reply's parts in order without holding replies to other
 * messages behind them.
 */
/** The fields every scene's send body shares (a type, not an interface, so it fits the bodies' index signature). */
type CommonBody = {
  content?: string;
  markdown?: MarkdownBody;
  keyboard?: KeyboardBody;
  ark?: ArkBody;
  message_reference?: MessageReferenceBody;
  msg_id?: string;
  event_id?: string;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function callOptions(signal: AbortSignal | undefined, replyTo: ReplyTarget | undefined): RequestOptions {
  return { ...(signal ? { signal } : {}), ...(replyTo ? { chain: replyTo.sourceId } : {}) };
}
