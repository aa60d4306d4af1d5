import type { Logger, Message } from 'qq-sdk';
import { CHANNEL_ID } from '../constants.js';
import type { ResolvedQQBotAccount } from '../config/resolveAccount.js';
import type { HostChannelRuntime, HostConfig } from '../host/HostTypes.js';
import { StreamedReply } from '../outbound/StreamedReply.js';
import { TurnReplier } from '../outbound/TurnReplier.js';
import { replySender } from '../outbound/replySender.js';
import { groupSettings } from '../config/groupSettings.js';
import { parseBotCommand } from '../commands/parseBotCommand.js';
import { runBotCommand } from '../commands/runBotCommand.js';
import type { ClawOverrides } from '../gateway/ClawOverrides.js';
import type { HostPluginRuntime } from '../host/HostTypes.js';
import { checkAccess, conversationId } from './checkAccess.js';
import type { GroupHistory } from './GroupHistory.js';
import { saveInboundMedia } from './saveInboundMedia.js';
import type { ExecApprovals } from '../approvals/ExecApprovals.js';
import type { SentMessageIndex } from './SentMessageIndex.js';
import { peerOf, toInboundFields } from './toInboundFields.js';
import type { RecentLogLines } from '../status/RecentLogLines.js';

/** What {@link handleInbound} needs from the running account. */
export interface InboundDeps {
  /** The host config. */
  readonly cfg: HostConfig;
  /** The account that received the message. */
  readonly account: ResolvedQQBotAccount;
  /** The host's channel runtime. */
  readonly runtime: HostChannelRuntime;
  /** Where to log. */
  readonly logger: Logger;
  /** What the bot sent, for quotes of its own messages. */
  readonly sent?: SentMessageIndex;
  /** Recent group messages not addressed to the bot. */
  readonly history?: GroupHistory;
  /** The plugin runtime (config writer, host version), for the /bot-* commands. */
  readonly pluginRuntime?: HostPluginRuntime | undefined;
  /** The group settings the QQ client's panel and /bot-group-always change. */
  readonly claw?: ClawOverrides | undefined;
  /** The current time in epoch ms. */
  readonly now?: () => number;
  /** Exec approval prompts as QQ buttons. */
  readonly approvals?: ExecApprovals;
  /** The account's latest warnings and errors, for `/bot-logs`. */
  readonly recentLog?: RecentLogLines;
}

/** Lines of group history kept by default (the official plugin's default). */
const DEFAULT_HISTORY_LIMIT = 50;

function historyLimit(config: ResolvedQQBotAccount['config'], message: Message): number {
  return groupSettings(config, conversationId(message)).historyLimit ?? DEFAULT_HISTORY_LIMIT;
}

/** What happened to one inbound message. */
export type InboundOutcome = 'dispatched' | 'paired' | 'dropped';

async function approvedSenders(deps: InboundDeps): Promise<readonly string[]> {
  const read = deps.runtime.pairing?.readAllowFromStore;
  if (!read) return [];
  try {
    return await read({ channel: CHANNEL_ID, accountId: deps.account.accountId });
  } catch (error) {
    deps.logger.warn('could not read the pairing allow-list store', { error: String(error) });
    return [];
  }
}

/**
 * Hands one QQ message to the host: applies the DM/group policy (pairing where the host supports
 * it), routes it to a session, builds the inbound context and runs the agent turn, delivering
 * every block through `msg.reply()` within the reply budget ({@link TurnReplier}).
 *
 * The only place that calls the host's inbound runtime (`resolveAgentRoute`,
 * `finalizeInboundContext`, `dispatchReplyWithBufferedBlockDispatcher`), so a move to the newer
 * `runtime.channel.inbound.*` touches this file alone.
 */
export async function handleInbound(message: Message, deps: InboundDeps): Promise<InboundOutcome> {
  const { account, runtime, logger, cfg } = deps;
  const decision = checkAccess(message, account.config, await approvedSenders(deps));
  // The plugin's own /bot-* commands are answered here, without the agent; the info commands
  // also for senders not listed yet (who need /bot-me to be listed).
  const command = parseBotCommand(message.content);
  if (command !== undefined && (decision.action !== 'drop' || decision.mayAsk === true)) {
    await runBotCommand(command, message, {
      account,
      pluginRuntime: deps.pluginRuntime,
      claw: deps.claw,
      now: deps.now ?? Date.now,
      logger,
      recentLog: deps.recentLog,
    });
    return 'dispatched';
  }
  if (decision.action === 'drop') {
    logger.debug('inbound message dropped', { messageId: message.id, scene: message.scene, reason: decision.reason });
    // Group talk not addressed to the bot is context for its next answer there.
    if (decision.keepAsHistory === true) deps.history?.keep(conversationId(message), message, historyLimit(account.config, message));
    return 'dropped';
  }
  if (decision.action === 'pair') {
    const pairing = runtime.pairing;
    if (!pairing?.upsertPairingRequest || !pairing.buildPairingReply) {
      logger.info('DM from an unknown sender dropped: this host has no pairing; add the openid to allowFrom', {
        sender: message.author.id,
      });
      return 'dropped';
    }
    const { code, created } = await pairing.upsertPairingRequest({
      channel: CHANNEL_ID,
      id: message.author.id,
      accountId: account.accountId,
      meta: { scene: message.scene },
    });
    if (created) {
      const idLine = `Your QQ openid: ${message.author.id}`;
      await message.reply(pairing.buildPairingReply({ channel: CHANNEL_ID, idLine, code }));
    }
    return 'paired';
  }

  const route = runtime.routing.resolveAgentRoute({ cfg, channel: CHANNEL_ID, accountId: account.accountId, peer: peerOf(message) });
  const saved = await saveInboundMedia(message, account.config, runtime, logger);
  const ctx = runtime.reply.finalizeInboundContext(
    toInboundFields(message, {
      accountId: route.accountId,
      sessionKey: route.sessionKey,
      commandAuthorized: decision.commandAuthorized,
      saved,
      config: account.config,
      ...(deps.sent !== undefined ? { sent: deps.sent } : {}),
      ...(deps.history !== undefined && (message.scene === 'group' || message.scene === 'guild')
        ? { history: deps.history.take(conversationId(message)) }
        : {}),
    }),
  );
  const markdown = account.config.markdown ?? true;
  const replier = new TurnReplier(message, { scene: message.scene, markdown }, replySender(account.config, logger), (refIdx, text) =>
    deps.sent?.remember(refIdx, text),
  );
  // C2C answers stream into one bubble where the host streams partial text; QQ groups cannot stream.
  const streamed = message.scene === 'c2c' && account.config.streaming !== false ? new StreamedReply(message, markdown ? 'markdown' : 'text') : undefined;
  // "Typing…" in C2C until the first reply; each notice spends a passive reply, the answer keeps one.
  const typing = message.scene === 'c2c' && account.config.typing !== false ? message.keepTyping({ maxNotices: account.config.typingNotices ?? 1 }) : undefined;
  try {
    await runtime.reply.dispatchReplyWithBufferedBlockDispatcher({
      ctx,
      cfg,
      ...(streamed
        ? {
            replyOptions: {
              disableBlockStreaming: true,
              onPartialReply: (partial: { text?: string; delta?: string; replace?: true }) => streamed.onPartial(partial),
            },
          }
        : {}),
      dispatcherOptions: {
        deliver: async (payload, info) => {
          logger.debug(`deliver ${info.kind}`, {
            messageId: message.id,
            chars: payload.text?.length ?? 0,
            media: payload.mediaUrls?.length ?? (payload.mediaUrl ? 1 : 0),
            streaming: streamed?.active ?? false,
          });
          const approval = deps.approvals?.present(payload, message.target, message.author.id);
          if (approval !== undefined) {
            await replier.sendNow(approval);
            return;
          }
          if (streamed?.active && info.kind === 'final') {
            await streamed.finish(payload.text);
            const { text: _streamedText, ...media } = payload;
            await replier.deliver(media, info);
            return;
          }
          await replier.deliver(payload, info);
        },
        onError: (error, info) => {
          logger.error(`reply delivery failed (${info.kind})`, { messageId: message.id, error: String(error) });
        },
      },
    });
  } finally {
    await typing?.stop();
  }
  // A turn that ended without a final delivery still closes its stream and sends what it held back.
  await streamed?.finish();
  await replier.flush();
  logger.debug('turn delivered', { messageId: message.id, replies: replier.sentIds.length });
  return 'dispatched';
}
