/**
 * Where the bytes of a rich-media message come from: a public URL the platform downloads, the
 * bytes themselves, or a local file path.
 */
export type MediaSource = { readonly url: string } | { readonly data: Uint8Array; readonly filename?: string } | { readonly path: string };

/** The platform's rich-media kinds (`file_type` 1–4 on upload). */
export type MediaKind = 'image' | 'video' | 'voice' | 'file';

/** A button row of a custom keyboard, or a keyboard template id registered in the console. */
export type KeyboardSpec = { readonly templateId: string } | { readonly rows: readonly (readonly KeyboardButton[])[] };

/**
 * One keyboard button. `action` decides what a tap does: open a link, send a callback
 * (`INTERACTION_CREATE`), or insert a command.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/trans/msg-btn.html
 */
export interface KeyboardButton {
  /** Button id, unique within the keyboard. */
  readonly id: string;
  /** The label shown (at most 10 characters are shown reliably). */
  readonly label: string;
  /** The label after the button was tapped; defaults to `label`. */
  readonly visitedLabel?: string;
  /** 0 grey outline, 1 blue outline. */
  readonly style?: 0 | 1;
  /** What the tap does. */
  readonly action:
    | { readonly type: 'link'; readonly url: string }
    | { readonly type: 'callback'; readonly data: string }
    | { readonly type: 'command'; readonly data: string; readonly enter?: boolean };
  /** Who may tap it; everyone by default. */
  readonly permission?: 'everyone' | 'admins' | { readonly userIds: readonly string[] };
}

/** One key/value of an ark template. `obj` holds list entries (e.g. `#LIST#` of template 23). */
export interface ArkKv {
  /** The template key, e.g. `#DESC#`. */
  readonly key: string;
  /** A scalar value. */
  readonly value?: string;
  /** List items, each a set of key/values. */
  readonly obj?: readonly { readonly obj_kv: readonly { readonly key: string; readonly value: string }[] }[];
}

/**
 * A message to send: what `msg.reply(...)`, `msg.send(...)` and `bot.send(...)` take besides a
 * plain string. Build these with the helpers in `messages` (e.g. `messages.markdown('**hi**')`).
 */
export type OutgoingMessage =
  | { readonly kind: 'text'; readonly content: string }
  | {
      readonly kind: 'markdown';
      readonly content: string;
      readonly keyboard?: KeyboardSpec;
      /** Plain-text fallback sent when the target does not accept markdown; defaults to `content`. */
      readonly fallbackText?: string;
    }
  | {
      readonly kind: 'markdownTemplate';
      readonly templateId: string;
      readonly params: Readonly<Record<string, string | readonly string[]>>;
      readonly keyboard?: KeyboardSpec;
    }
  | { readonly kind: 'media'; readonly media: MediaKind; readonly source: MediaSource; readonly caption?: string }
  | { readonly kind: 'ark'; readonly templateId: number; readonly kv: readonly ArkKv[] }
  | {
      readonly kind: 'embed';
      readonly title: string;
      readonly prompt?: string;
      readonly thumbnailUrl?: string;
      readonly fields?: readonly string[];
    };

/** The member of {@link OutgoingMessage} with the given `kind`, e.g. `OutgoingMessageOf<'media'>`. */
export type OutgoingMessageOf<K extends OutgoingMessage['kind']> = Extract<OutgoingMessage, { readonly kind: K }>;
