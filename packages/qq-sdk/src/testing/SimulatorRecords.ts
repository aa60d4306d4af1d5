import type { SimulatorScene } from './SimulatorOptions.js';

/** One WebSocket connection the bot opened, as {@link QQSimulator.connections} reports it. */
export interface ConnectionRecord {
  /** 1-based connection number, in order of opening. */
  id: number;
  /** When the connection opened (simulator clock). */
  openedAt: number;
  /** When it closed, once closed. */
  closedAt?: number;
  /** The close code (1006 after {@link QQSimulator.dropConnection}), once closed. */
  closeCode?: number;
  /** Who closed it: the bot (`client`) or the simulator (`server`). */
  closedBy?: 'client' | 'server';
  /** The session bound to it by Identify or Resume. */
  sessionId?: string;
  /** The `[shard_id, num_shards]` of that session. */
  shard?: readonly [number, number];
}

/** One Identify (op 2) the bot sent. */
export interface IdentifyRecord {
  /** The connection it came on. */
  connectionId: number;
  /** When it arrived. */
  at: number;
  /** The intents it asked for. */
  intents: number;
  /** The `shard` it asked for (`[0, 1]` if absent). */
  shard: readonly [number, number];
  /** Whether the token was `QQBot <a valid access token>`. */
  tokenValid: boolean;
  /** The outcome: the new session id, or why it was refused. */
  result: { ok: true; sessionId: string } | { ok: false; closeCode?: number; invalidSession?: boolean };
}

/** One Resume (op 6) the bot sent. */
export interface ResumeRecord {
  /** The connection it came on. */
  connectionId: number;
  /** When it arrived. */
  at: number;
  /** The session it named. */
  sessionId: string;
  /** The `seq` it named. */
  seq: number;
  /** Whether the token was valid. */
  tokenValid: boolean;
  /** The outcome: how many dispatches were replayed, or why it was refused. */
  result: { ok: true; replayed: number } | { ok: false; closeCode?: number; invalidSession?: boolean };
}

/** One Heartbeat (op 1) the bot sent. */
export interface HeartbeatRecord {
  /** The connection it came on. */
  connectionId: number;
  /** The session bound to that connection, if any. */
  sessionId?: string;
  /** When it arrived. */
  at: number;
  /** Its `d`: the last sequence number the bot had seen, or `null`. */
  seq: number | null;
  /** Whether the simulator answered with op 11 (false while {@link QQSimulator.stopAcks} is in force). */
  acked: boolean;
}

/** One HTTP request the bot made to the simulator (token, gateway and REST endpoints). */
export interface RestCallRecord {
  /** HTTP method. */
  method: string;
  /** The path with its query string. */
  path: string;
  /** The route template it matched (`'POST /v2/groups/{group_openid}/messages'`), or `null`. */
  route: string | null;
  /** The route's path parameters. */
  params: Readonly<Record<string, string>>;
  /** The parsed JSON body (or the raw text when it was not JSON; `undefined` when empty). */
  body: unknown;
  /** Request headers, lower-cased, with `authorization` redacted to its scheme. */
  headers: Readonly<Record<string, string>>;
  /** The response status. */
  status: number;
  /** The response body sent. */
  response: unknown;
  /** The trace id sent in `X-Tps-trace-ID`. */
  traceId: string;
  /** When it arrived (simulator clock). */
  at: number;
}

/** One message the platform accepted from the bot. */
export interface SentMessageRecord {
  /** The scene it was sent to. */
  scene: SimulatorScene;
  /** The target: user openid, group_openid, channel_id or DM guild_id. */
  target: string;
  /** The id the simulator gave the message. */
  id: string;
  /** The request body as sent. */
  body: Readonly<Record<string, unknown>>;
  /** The `content` (or markdown content) as text, for easy assertions. */
  text: string;
  /** Whether it was a passive reply (`msg_id` or `event_id` given). */
  passive: boolean;
  /** The `msg_id` it replied to. */
  msgId?: string;
  /** The `event_id` it replied to. */
  eventId?: string;
  /** The `msg_seq` used (1 when omitted on a passive reply). */
  msgSeq?: number;
  /** When it was accepted (simulator clock). */
  at: number;
  /** C2C and group: its quote index (`ext_info.ref_idx`), what a user quoting it sends as `ref_msg_idx`. */
  refIdx?: string;
  /** When the bot recalled it, if it did. */
  recalledAt?: number;
  /** For a C2C stream: how many chunks built this message (its `text` is the latest). */
  streamChunks?: number;
  /** For a rich-media message (`msg_type` 7): the upload its `media.file_info` came from. */
  media?: UploadRecord;
}

/** One rich-media upload (`POST /v2/users|groups/{id}/files`) the platform accepted. */
export interface UploadRecord {
  /** C2C or group: a `file_info` is valid only in the scene it was uploaded for. */
  scene: 'c2c' | 'group';
  /** The user openid or group_openid. */
  target: string;
  /** `file_type`: 1 image, 2 video, 3 voice (SILK), 4 file. */
  fileType: number;
  /** The URL the platform was to fetch, for an upload by URL. */
  url?: string;
  /** The bytes sent as base64 `file_data`. */
  data?: Uint8Array;
  /**
   * For bytes sent with `file_type` 3: whether they are a SILK v3 stream (`#!SILK_V3`, with or
   * without the 0x02 byte Tencent's encoder writes first), what QQ plays as voice.
   */
  silk?: boolean;
  /** The `file_info` returned. */
  fileInfo: string;
  /** When it was accepted (simulator clock). */
  at: number;
}

/** One interaction acknowledgement (`PUT /interactions/{id}`) the bot sent. */
export interface InteractionAckRecord {
  /** The interaction id (the `INTERACTION_CREATE` envelope / `d.id`). */
  interactionId: string;
  /** The result code: 0 success, 1 failed, 2 too frequent, 3 duplicate, 4 no permission, 5 admin only. */
  code: number;
  /** The `data` sent with it (e.g. `{ claw_cfg }` answering a claw-settings interaction), if any. */
  data?: Readonly<Record<string, unknown>>;
  /** When it arrived (simulator clock). */
  at: number;
}

/** One C2C typing notice (`msg_type: 6` with `input_notify`) the platform accepted. Not a message. */
export interface TypingRecord {
  /** The user's openid. */
  target: string;
  /** `input_notify.input_type` (1 = typing). */
  inputType: number;
  /** `input_notify.input_second`: how long "typing…" shows. */
  inputSeconds: number;
  /** Whether it carried `msg_id` or `event_id`. */
  passive: boolean;
  /** The `msg_id` it was anchored to. */
  msgId?: string;
  /** The `event_id` it was anchored to. */
  eventId?: string;
  /** The `msg_seq` it carried (1 when omitted on a passive notice). */
  msgSeq?: number;
  /** Whether it spent one of the source message's passive replies (`typingSpendsReply`). */
  spentReply: boolean;
  /** The request body as sent. */
  body: Readonly<Record<string, unknown>>;
  /** When it was accepted (simulator clock). */
  at: number;
}
