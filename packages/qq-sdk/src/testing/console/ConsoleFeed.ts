import { describePlatformCode } from '../../errors/describePlatformCode.js';
import type { QQSimulator } from '../QQSimulator.js';
import type { SentMessageRecord } from '../SimulatorRecords.js';
import type { SimulatorScene } from '../SimulatorOptions.js';
import { CONSOLE_CHATS, originOfEvent, type ConsoleChat, type ConsoleUser } from './ConsoleChats.js';
import type { ConsoleButton, ConsoleEntry, NewConsoleEntry } from './ConsoleEntry.js';

/** How many entries the console keeps; older ones are dropped first. */
export const CONSOLE_FEED_CAPACITY = 10_000;

/**
 * What the console shows, as a bounded ring of entries with listeners. The simulator's records are
 * read, never changed: each change (the simulator's notify) turns what is new in them into entries.
 *
 * @internal
 */
export class ConsoleFeed {
  readonly #sim: QQSimulator;
  readonly #ring: (ConsoleEntry | undefined)[];
  #next = 0;
  #seq = 0;
  readonly #listeners = new Set<(entry: ConsoleEntry) => void>();
  // How far each simulator record list has been read, and what may still change in place.
  #requests = 0;
  #sent = 0;
  #acks = 0;
  #typing = 0;
  #identifies = 0;
  #resumes = 0;
  #connections = 0;
  readonly #openConnections = new Set<number>();
  readonly #streams = new Map<SentMessageRecord, number>();
  // Every conversation shown, by scene and target: the console's own and those seen since.
  readonly #chats = new Map<string, ConsoleChat>(CONSOLE_CHATS.map((chat) => [`${chat.scene}:${chat.target}`, chat]));
  #consoleInjecting = false;

  constructor(sim: QQSimulator, capacity = CONSOLE_FEED_CAPACITY) {
    this.#sim = sim;
    this.#ring = new Array<ConsoleEntry | undefined>(capacity);
  }

  /** The conversations to list. */
  chats(): ConsoleChat[] {
    return [...this.#chats.values()];
  }

  /** Runs `inject` (the console's own event), which the console records itself with more detail. */
  fromConsole<T>(inject: () => T): T {
    this.#consoleInjecting = true;
    try {
      return inject();
    } finally {
      this.#consoleInjecting = false;
    }
  }

  /** Records a message event that a test, the control API or a webhook delivery sent, not the console. */
  observeEvent(type: string, eventId: string, data: unknown): void {
    if (this.#consoleInjecting || typeof data !== 'object' || data === null) return;
    const d = data as Record<string, unknown>;
    const origin = originOfEvent(type, d);
    if (origin === undefined || origin.target === '') return;
    const chat = this.#chatFor(origin.scene, origin.target, origin.user, d);
    const ext = (d['message_scene'] as { ext?: unknown } | undefined)?.ext;
    const msgIdx = Array.isArray(ext)
      ? ext.find((item): item is string => typeof item === 'string' && item.startsWith('msg_idx='))?.slice('msg_idx='.length)
      : undefined;
    this.push({
      kind: 'inbound',
      chat: chat.id,
      eventType: type,
      eventId,
      messageId: typeof d['id'] === 'string' ? d['id'] : eventId,
      msgIdx: msgIdx ?? '',
      user: origin.user.name,
      text: origin.text,
    });
  }

  /** The conversation for `scene` + `target`, listed now (with a `chat` entry) if it is new. */
  #chatFor(scene: SimulatorScene, target: string, user?: ConsoleUser, data?: Record<string, unknown>): ConsoleChat {
    const key = `${scene}:${target}`;
    const known = this.#chats.get(key);
    if (known !== undefined && (user === undefined || known.users.some((candidate) => candidate.id === user.id))) return known;
    const guildId = typeof data?.['guild_id'] === 'string' ? data['guild_id'] : known?.guildId;
    const channelId = typeof data?.['channel_id'] === 'string' ? data['channel_id'] : known?.channelId;
    const chat: ConsoleChat = {
      id: known?.id ?? `${scene}-${target}`,
      scene,
      title: known?.title ?? (target.length > 10 ? `${target.slice(0, 8)}…` : target),
      target,
      users: [...(known?.users ?? []), ...(user !== undefined && user.id !== '' ? [user] : [])],
      ...(guildId !== undefined ? { guildId } : {}),
      ...(channelId !== undefined ? { channelId } : {}),
    };
    this.#chats.set(key, chat);
    this.push({ kind: 'chat', chat });
    return chat;
  }

  /** The entries kept, oldest first. */
  entries(): ConsoleEntry[] {
    const out: ConsoleEntry[] = [];
    for (let i = 0; i < this.#ring.length; i++) {
      const entry = this.#ring[(this.#next + i) % this.#ring.length];
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }

  /** Calls `listener` with each new entry until the returned function is called. */
  subscribe(listener: (entry: ConsoleEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Adds an entry (numbered and timed here) and tells the listeners. */
  push(entry: NewConsoleEntry | Omit<NewConsoleEntry, 'at'>): ConsoleEntry {
    const full = { at: this.#sim.clock.now(), ...entry, seq: (this.#seq += 1) } as ConsoleEntry;
    this.#ring[this.#next] = full;
    this.#next = (this.#next + 1) % this.#ring.length;
    for (const listener of this.#listeners) listener(full);
    return full;
  }

  /** Turns what the simulator recorded since the last call into entries. */
  sync(): void {
    const sim = this.#sim;
    const requests = sim.requests;
    for (; this.#requests < requests.length; this.#requests++) {
      const call = requests[this.#requests];
      if (call === undefined || call.route === null || call.route.startsWith('POST /app/')) continue;
      const body = (call.body ?? {}) as Record<string, unknown>;
      const answer = (call.response ?? {}) as Record<string, unknown>;
      const code = typeof answer['code'] === 'number' ? answer['code'] : undefined;
      const failed = call.status >= 400;
      const chat = this.#chatOfCall(call.params);
      this.push({
        kind: 'call',
        at: call.at,
        method: call.method,
        route: call.route,
        status: call.status,
        ...(chat !== undefined ? { chat } : {}),
        ...(typeof body['msg_id'] === 'string' ? { msgId: body['msg_id'] } : {}),
        ...(typeof body['event_id'] === 'string' ? { eventId: body['event_id'] } : {}),
        ...(typeof body['msg_seq'] === 'number' ? { msgSeq: body['msg_seq'] } : {}),
        ...(failed && code !== undefined ? { code, explanation: describePlatformCode(code, call.status).explanation } : {}),
        ...(failed && typeof answer['message'] === 'string' ? { error: answer['message'] } : {}),
      });
    }
    const sent = sim.sentMessages;
    for (; this.#sent < sent.length; this.#sent++) {
      const record = sent[this.#sent];
      if (record === undefined) continue;
      this.#pushReply(record);
      if (record.streamChunks !== undefined) this.#streams.set(record, record.streamChunks);
    }
    for (const [record, chunks] of this.#streams) {
      if (record.streamChunks === chunks) continue;
      this.#streams.set(record, record.streamChunks ?? chunks);
      this.#pushReply(record);
    }
    const acks = sim.interactionAcks;
    for (; this.#acks < acks.length; this.#acks++) {
      const ack = acks[this.#acks];
      if (ack !== undefined) this.push({ kind: 'ack', at: ack.at, interactionId: ack.interactionId, code: ack.code });
    }
    const typing = sim.typingNotices;
    for (; this.#typing < typing.length; this.#typing++) {
      const notice = typing[this.#typing];
      const chat = notice === undefined ? undefined : this.#chats.get(`c2c:${notice.target}`);
      if (chat !== undefined) this.push({ kind: 'typing', chat: chat.id });
    }
    this.#syncGateway();
  }

  #syncGateway(): void {
    const sim = this.#sim;
    const identifies = sim.identifies;
    for (; this.#identifies < identifies.length; this.#identifies++) {
      const identify = identifies[this.#identifies];
      if (identify === undefined) continue;
      const { result } = identify;
      this.push(
        result.ok
          ? { kind: 'gateway', what: 'identified', at: identify.at, sessionId: result.sessionId }
          : { kind: 'gateway', what: 'refused', at: identify.at, ...(result.closeCode !== undefined ? { code: result.closeCode } : {}) },
      );
    }
    const resumes = sim.resumes;
    for (; this.#resumes < resumes.length; this.#resumes++) {
      const resume = resumes[this.#resumes];
      if (resume === undefined) continue;
      this.push(
        resume.result.ok
          ? { kind: 'gateway', what: 'resumed', at: resume.at, sessionId: resume.sessionId }
          : { kind: 'gateway', what: 'refused', at: resume.at, ...(resume.result.closeCode !== undefined ? { code: resume.result.closeCode } : {}) },
      );
    }
    const connections = sim.connections;
    for (; this.#connections < connections.length; this.#connections++) this.#openConnections.add(this.#connections);
    for (const index of this.#openConnections) {
      const connection = connections[index];
      if (connection?.closedAt === undefined) continue;
      this.#openConnections.delete(index);
      this.push({ kind: 'gateway', what: 'closed', at: connection.closedAt, ...(connection.closeCode !== undefined ? { code: connection.closeCode } : {}) });
    }
  }

  /** The conversation a REST call was made for, from its path parameters. */
  #chatOfCall(params: Readonly<Record<string, string>>): string | undefined {
    const target = params['group_openid'] ?? params['openid'] ?? params['channel_id'] ?? params['guild_id'];
    if (target === undefined) return undefined;
    const scene =
      params['group_openid'] !== undefined ? 'group' : params['openid'] !== undefined ? 'c2c' : params['channel_id'] !== undefined ? 'channel' : 'dm';
    return this.#chats.get(`${scene}:${target}`)?.id;
  }

  #pushReply(record: SentMessageRecord): void {
    const chat = this.#chatFor(record.scene, record.target);
    const markdown = record.body['markdown'] !== undefined;
    const media =
      record.media === undefined
        ? undefined
        : { kind: MEDIA_KINDS[record.media.fileType] ?? 'file', ...(record.media.url !== undefined ? { url: record.media.url } : {}) };
    const image = record.body['image'];
    this.push({
      kind: 'reply',
      chat: chat.id,
      id: record.id,
      text: record.text,
      markdown,
      buttons: buttonsOf(record.body['keyboard']),
      ...(typeof image === 'string' ? { imageUrl: image } : {}),
      ...(media !== undefined ? { media } : {}),
      ...(record.msgId !== undefined ? { replyTo: record.msgId } : record.eventId !== undefined ? { replyTo: record.eventId } : {}),
      ...(record.msgSeq !== undefined ? { msgSeq: record.msgSeq } : {}),
      ...(record.streamChunks !== undefined ? { streamChunks: record.streamChunks } : {}),
      ...(record.refIdx !== undefined ? { refIdx: record.refIdx } : {}),
    });
  }
}

/** The platform's `file_type` of an upload, as the console draws it. */
const MEDIA_KINDS: Readonly<Record<number, 'image' | 'video' | 'voice' | 'file'>> = { 1: 'image', 2: 'video', 3: 'voice', 4: 'file' };

/** A custom keyboard's rows as the console draws them; a template keyboard (`{ id }`) has none. */
function buttonsOf(keyboard: unknown): ConsoleButton[][] {
  const rows = (keyboard as { content?: { rows?: unknown } } | undefined)?.content?.rows;
  if (!Array.isArray(rows)) return [];
  return rows.map((row: { buttons?: unknown }) =>
    (Array.isArray(row.buttons) ? row.buttons : []).map((button: Record<string, unknown>, index: number) => {
      const render = (button['render_data'] ?? {}) as Record<string, unknown>;
      const action = (button['action'] ?? {}) as Record<string, unknown>;
      return {
        id: typeof button['id'] === 'string' ? button['id'] : String(index),
        label: typeof render['label'] === 'string' ? render['label'] : '',
        data: typeof action['data'] === 'string' ? action['data'] : '',
        actionType: typeof action['type'] === 'number' ? action['type'] : 1,
      };
    }),
  );
}
