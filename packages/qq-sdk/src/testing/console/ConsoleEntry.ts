import type { ConsoleChat } from './ConsoleChats.js';

/** One thing that happened, as the console shows it. `seq` orders them; `at` is the simulator clock. */
export type ConsoleEntry = { readonly seq: number; readonly at: number } & (
  | {
      /** A user's message, as the platform delivered it to the bot. */
      readonly kind: 'inbound';
      readonly chat: string;
      readonly eventType: string;
      readonly eventId: string;
      readonly messageId: string;
      /** Its quote index, which a quote of it refers to. */
      readonly msgIdx: string;
      readonly user: string;
      readonly text: string;
      readonly attachment?: { readonly kind: 'image' | 'voice'; readonly url: string; readonly asrText?: string };
      /** The message it quotes. */
      readonly quote?: { readonly text: string };
    }
  | {
      /** A message the bot sent; sent again with the same `id` as a stream grows. */
      readonly kind: 'reply';
      readonly chat: string;
      readonly id: string;
      readonly text: string;
      readonly markdown: boolean;
      readonly buttons: readonly (readonly ConsoleButton[])[];
      readonly imageUrl?: string;
      /** A rich-media reply (`msg_type` 7): what kind of file it was uploaded as, and its URL if known. */
      readonly media?: { readonly kind: 'image' | 'video' | 'voice' | 'file'; readonly url?: string };
      readonly replyTo?: string;
      readonly msgSeq?: number;
      readonly streamChunks?: number;
      /** Its quote index (`ext_info.ref_idx`), which a user's quote of it refers to. */
      readonly refIdx?: string;
    }
  | {
      /** A REST call the bot made, with what the platform answered. */
      readonly kind: 'call';
      readonly chat?: string;
      readonly method: string;
      readonly route: string;
      readonly status: number;
      readonly msgId?: string;
      readonly eventId?: string;
      readonly msgSeq?: number;
      readonly code?: number;
      readonly error?: string;
      readonly explanation?: string;
    }
  | {
      /** A conversation the console had not listed, seen in an event or a reply (a bot or test driving the simulator directly). */
      readonly kind: 'chat';
      readonly chat: ConsoleChat;
    }
  | { readonly kind: 'click'; readonly chat: string; readonly messageId: string; readonly buttonId: string; readonly interactionId: string }
  | { readonly kind: 'ack'; readonly interactionId: string; readonly code: number }
  | { readonly kind: 'typing'; readonly chat: string }
  | { readonly kind: 'gateway'; readonly what: 'identified' | 'resumed' | 'closed' | 'refused'; readonly code?: number; readonly sessionId?: string }
  | {
      /** A fault injected from the console, with the reply policy in force after it. */
      readonly kind: 'fault';
      readonly fault: string;
      readonly policy: unknown;
    }
);

/** A keyboard button of a reply. */
export interface ConsoleButton {
  readonly id: string;
  readonly label: string;
  readonly data: string;
  /** 0 opens a link, 1 is a callback (INTERACTION_CREATE), 2 fills the input. */
  readonly actionType: number;
}

/** An entry before the feed numbers it. */
export type NewConsoleEntry = ConsoleEntry extends infer E ? (E extends ConsoleEntry ? Omit<E, 'seq'> : never) : never;
