export type { MessageScene, MessageTarget } from './MessageScene.js';
export { targetKey } from './MessageScene.js';
export type {
  DeliveryResult,
  Overflow,
  QuotedMessage,
  SendOptions,
  Message,
  MessageCommon,
  C2CMessage,
  GroupMessage,
  GuildChannelMessage,
  GuildDirectMessage,
  MessageAttachment,
  MessageAuthor,
  MessageMention,
  ReplyOptions,
  ReplyQuotaSnapshot,
  SentMessage,
} from './Message.js';
export type { ArkKv, KeyboardButton, KeyboardSpec, MediaKind, MediaSource, OutgoingMessage, OutgoingMessageOf } from './OutgoingMessage.js';
export { messages, type MediaInput } from './messages.js';
export { outgoingText } from './outgoingText.js';
export { ReplyQuota, type ClaimOptions, type ReplyPermit, type ReplyQuotaOptions, type ReplySource } from './ReplyQuota.js';
export { DEFAULT_REPLY_RULES, type ReplyRule, type ReplyRuleOverrides } from './ReplyRules.js';
export type { ReplyClaim, ReplyLedgerStore } from './ReplyLedgerStore.js';
export { MemoryReplyLedgerStore, type MemoryReplyLedgerStoreOptions } from './MemoryReplyLedgerStore.js';
export { ReplyQuotaExceededError } from './ReplyQuotaExceededError.js';
export { ReplyWindowExpiredError } from './ReplyWindowExpiredError.js';
export { MessageTooLongError } from './MessageTooLongError.js';
export { applyUrlPolicy, URL_REFUSED_CODES, type UrlPolicy, type UrlPolicyOptions, type UrlPolicyResult } from './UrlPolicy.js';
export { splitText, type SplitTextOptions } from './splitText.js';
export { parseFaceTags, renderFaceTags, type MessageFace } from './faceTags.js';
export { parseCommand, type CommandHandler, type HearsHandler, type ParsedCommand } from './commands.js';
export { MessageSender, type MessageSenderOptions, type ReplyTarget, type SendRequest, type TypingRequest } from './MessageSender.js';
export { MarkdownSupport, MARKDOWN_REFUSED_CODES } from './MarkdownSupport.js';
export { toMessage, type InboundMessageContext } from './InboundMessage.js';
export type { MessageEventPayloads, MessageEventType } from './MessageEventType.js';
export { ReplyStream, type ReplyStreamOptions, type ReplyStreamPort } from './ReplyStream.js';
export { BudgetedAnswer, type AnswerPartOutcome, type BudgetedAnswerOptions, type HeldAnswerPart } from './BudgetedAnswer.js';
export {
  TypingKeepAlive,
  type KeepTypingOptions,
  type TypingOptions,
  type TypingPort,
  type TypingResult,
  type TypingSkipReason,
  type TypingStopReason,
} from './Typing.js';
export {
  ClawInteractionType,
  answerClawConfigQuery,
  isClawConfigQuery,
  isClawConfigUpdate,
  parseClawConfigUpdate,
  toClawConfig,
  type ClawConfigUpdate,
  type ClawSettings,
} from './clawConfig.js';
export { DefaultMessagingOptions } from './DefaultMessagingOptions.js';
