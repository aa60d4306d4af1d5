import type { HostChannelRuntime, HostConfig, HostDeliverInfo, HostReplyPayload } from '../../src/index.js';

/** What a fake host runtime saw. */
export interface RuntimeRecord {
  readonly routes: Array<{ channel: string; accountId: string; peer: { kind: string; id: string } }>;
  readonly contexts: Array<Record<string, unknown>>;
  readonly errors: unknown[];
  readonly replyOptions: Array<Record<string, unknown> | undefined>;
}

/**
 * A stand-in for OpenClaw's channel runtime: routes every peer to its own session and answers
 * each turn with the scripted deliveries (blocks then a final), like the buffered dispatcher.
 */
export function fakeRuntime(
  script: (ctx: Record<string, unknown>) => Array<[HostReplyPayload, HostDeliverInfo['kind'] | 'partial']> = () => [[{ text: 'ok' }, 'final']],
  options: { approved?: string[]; pairing?: boolean } = {},
): { runtime: HostChannelRuntime; record: RuntimeRecord; pairingRequests: string[] } {
  const record: RuntimeRecord = { routes: [], contexts: [], errors: [], replyOptions: [] };
  const pairingRequests: string[] = [];
  const runtime: HostChannelRuntime = {
    routing: {
      resolveAgentRoute: (params) => {
        record.routes.push({ channel: params.channel, accountId: params.accountId, peer: params.peer });
        return { agentId: 'main', accountId: params.accountId, sessionKey: `agent:main:${params.channel}:${params.peer.kind}:${params.peer.id}` };
      },
    },
    reply: {
      finalizeInboundContext: (fields) => ({ ...fields, finalized: true }),
      dispatchReplyWithBufferedBlockDispatcher: async ({
        ctx,
        dispatcherOptions,
        replyOptions,
      }: {
        ctx: Record<string, unknown>;
        cfg: HostConfig;
        dispatcherOptions: {
          deliver: (p: HostReplyPayload, i: HostDeliverInfo) => Promise<void>;
          onError?: (e: unknown, i: HostDeliverInfo) => void | Promise<void>;
        };
        replyOptions?: Record<string, unknown>;
      }) => {
        record.contexts.push(ctx);
        record.replyOptions.push(replyOptions);
        for (const [payload, kind] of script(ctx)) {
          if (kind === 'partial') {
            // Like the host: partial text goes to onPartialReply only when the channel asked for it.
            const onPartial = replyOptions?.['onPartialReply'];
            if (typeof onPartial === 'function') onPartial({ text: payload.text });
            await new Promise((resolve) => setTimeout(resolve, 5));
            continue;
          }
          try {
            await dispatcherOptions.deliver(payload, { kind });
          } catch (error) {
            record.errors.push(error);
            await dispatcherOptions.onError?.(error, { kind });
          }
        }
        return { queuedFinal: true };
      },
    },
    ...(options.pairing === false
      ? {}
      : {
          pairing: {
            readAllowFromStore: async () => options.approved ?? [],
            upsertPairingRequest: async ({ id }: { id: string }) => {
              pairingRequests.push(id);
              return { code: 'PAIR1234', created: pairingRequests.filter((seen) => seen === id).length === 1 };
            },
            buildPairingReply: ({ idLine, code }: { idLine: string; code: string }) => `OpenClaw: access not configured.\n${idLine}\nPairing code: ${code}`,
          },
        }),
  };
  return { runtime, record, pairingRequests };
}
