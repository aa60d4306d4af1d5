import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from '../../internal/zod.js';
import type { QQSimulator } from '../QQSimulator.js';
import { SimulatorError } from '../SimulatorError.js';
import { buttonClickEvent, messageEvent, type ConsoleChat, type ConsoleUser } from './ConsoleChats.js';
import type { ConsoleFeed } from './ConsoleFeed.js';
import { CONSOLE_MEDIA, CONSOLE_VOICE_TEXT } from './consoleMedia.js';
import { consolePage } from './consolePage.js';

/** Where the simulator serves the console. */
export const CONSOLE_PREFIX = '/_console';

const SaySchema = z
  .object({ chat: z.string(), user: z.string(), text: z.string().max(5000), attach: z.enum(['image', 'voice']).optional(), quote: z.string().optional() })
  .refine((input) => input.text.trim() !== '' || input.attach !== undefined, { message: 'a message needs text or an attachment' });
const ClickSchema = z.object({ chat: z.string(), user: z.string(), messageId: z.string(), buttonId: z.string(), buttonData: z.string() });
const FAULTS = ['reconnect', 'close-4009', 'drop', 'expire-window', 'exhaust-budget', 'refuse-markdown', 'reset'] as const;
const FaultSchema = z.object({ fault: z.enum(FAULTS) });

/** What the simulator needs from the console: who the bot is and how to change its policy. @internal */
export interface ConsoleHost {
  readonly sim: QQSimulator;
  readonly feed: ConsoleFeed;
  readonly botUserId: string;
  /** The reply budget and windows in force, per scene, for the side panel. */
  readonly policy: () => ConsolePolicy;
  /** The policy the simulator started with, which `reset` restores. */
  readonly initialPolicy: ConsolePolicy;
}

/** The part of the simulator's policy the console shows and changes. @internal */
export interface ConsolePolicy {
  readonly replyQuotas: { c2c: number | null; group: number | null; channel: number | null; dm: number | null };
  readonly replyWindows: { c2c: number; group: number; channel: number; dm: number };
  readonly markdownRefused: boolean | readonly string[];
}

/**
 * Serves the console under `/_console`: the page, a Server-Sent Events feed of {@link ConsoleFeed}
 * entries, and the actions a person takes in it (type as a user, click a button, inject a fault).
 *
 * @internal
 */
export function handleConsoleRequest(host: ConsoleHost, req: IncomingMessage, res: ServerResponse, url: URL, body: unknown): void {
  const path = url.pathname.slice(CONSOLE_PREFIX.length) || '/';
  const method = req.method ?? 'GET';
  if (method === 'GET' && (path === '/' || path === '/index.html')) {
    const html = consolePage();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
    return;
  }
  if (method === 'GET' && path === '/feed') return streamFeed(host, res);
  const media = method === 'GET' && path.startsWith('/media/') ? CONSOLE_MEDIA[path.slice('/media/'.length)] : undefined;
  if (media !== undefined) {
    res.writeHead(200, { 'content-type': media.type, 'content-length': String(media.bytes.length) });
    res.end(media.bytes);
    return;
  }
  if (method !== 'POST') return json(res, 404, { error: `no console endpoint ${method} ${url.pathname}` });
  try {
    if (path === '/say') {
      const parsed = SaySchema.safeParse(body);
      return parsed.success ? json(res, 200, say(host, parsed.data)) : json(res, 400, { error: z.prettifyError(parsed.error) });
    }
    if (path === '/click') {
      const parsed = ClickSchema.safeParse(body);
      return parsed.success ? json(res, 200, click(host, parsed.data)) : json(res, 400, { error: z.prettifyError(parsed.error) });
    }
    if (path === '/fault') {
      const parsed = FaultSchema.safeParse(body);
      if (!parsed.success) return json(res, 400, { error: z.prettifyError(parsed.error) });
      return void fault(host, parsed.data.fault).then((answer) => json(res, 200, answer));
    }
  } catch (error) {
    return json(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
  json(res, 404, { error: `no console endpoint ${method} ${url.pathname}` });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function streamFeed(host: ConsoleHost, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  const send = (event: string, data: unknown): void => void res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  send('snapshot', { chats: host.feed.chats(), entries: host.feed.entries(), policy: host.policy(), now: host.sim.clock.now() });
  const unsubscribe = host.feed.subscribe((entry) => send('entry', entry));
  // Proxies drop a silent stream; the comment also finds a closed one.
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  ping.unref();
  // The response closes when the page goes away (the request's own 'close' comes as soon as its empty body is read).
  res.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}

function find(host: ConsoleHost, chatId: string, userId: string): { chat: ConsoleChat; user: ConsoleUser } {
  const chat = host.feed.chats().find((candidate) => candidate.id === chatId);
  const user = chat?.users.find((candidate) => candidate.id === userId);
  if (chat === undefined || user === undefined) throw new SimulatorError(`The console has no chat ${chatId} with a user ${userId}.`);
  return { chat, user };
}

let quoteIndexes = 0;

function say(
  host: ConsoleHost,
  input: { chat: string; user: string; text: string; attach?: 'image' | 'voice' | undefined; quote?: string | undefined },
): { messageId: string } {
  const { chat, user } = find(host, input.chat, input.user);
  const media = `${host.sim.url}${CONSOLE_PREFIX}/media`;
  const attachment =
    input.attach === 'image'
      ? { kind: 'image' as const, url: `${media}/photo.png` }
      : input.attach === 'voice'
        ? { kind: 'voice' as const, url: `${media}/voice.amr`, wavUrl: `${media}/voice.wav`, asrText: CONSOLE_VOICE_TEXT }
        : undefined;
  const quote = input.quote === undefined ? undefined : quoted(host, input.quote);
  const msgIdx = `REFIDX_console_${(quoteIndexes += 1)}`;
  const { type, data } = messageEvent(chat, user, input.text, host.botUserId, {
    msgIdx,
    ...(attachment !== undefined ? { attachment } : {}),
    ...(quote !== undefined ? { quote } : {}),
  });
  const injected = host.feed.fromConsole(() => host.sim.inject(type, data));
  const messageId = String((injected.data as { id?: unknown }).id ?? injected.id);
  host.feed.push({
    kind: 'inbound',
    chat: chat.id,
    eventType: type,
    eventId: injected.id,
    messageId,
    msgIdx,
    user: user.name,
    text: input.text,
    ...(attachment !== undefined
      ? { attachment: { kind: attachment.kind, url: attachment.url, ...(attachment.asrText !== undefined ? { asrText: attachment.asrText } : {}) } }
      : {}),
    ...(quote !== undefined ? { quote: { text: quote.text } } : {}),
  });
  return { messageId };
}

/** The message a user quotes, found among what the console has shown. */
function quoted(host: ConsoleHost, messageId: string): { refIdx?: string; messageId: string; text: string } {
  for (const entry of host.feed.entries()) {
    if (entry.kind === 'inbound' && entry.messageId === messageId) return { refIdx: entry.msgIdx, messageId, text: entry.text };
    if (entry.kind === 'reply' && entry.id === messageId)
      return { ...(entry.refIdx !== undefined ? { refIdx: entry.refIdx } : {}), messageId, text: entry.text };
  }
  throw new SimulatorError(`The console has no message ${messageId} to quote.`);
}

function click(host: ConsoleHost, input: { chat: string; user: string; messageId: string; buttonId: string; buttonData: string }): { interactionId: string } {
  const { chat, user } = find(host, input.chat, input.user);
  const injected = host.feed.fromConsole(() => host.sim.inject('INTERACTION_CREATE', buttonClickEvent(chat, user, input)));
  const interactionId = String((injected.data as { id?: unknown }).id ?? injected.id);
  host.feed.push({ kind: 'click', chat: chat.id, messageId: input.messageId, buttonId: input.buttonId, interactionId });
  return { interactionId };
}

const NO_REPLIES = { c2c: 0, group: 0, channel: 0, dm: 0 };
const NO_WINDOW = { c2c: 0, group: 0, channel: 0, dm: 0 };

async function fault(host: ConsoleHost, name: (typeof FAULTS)[number]): Promise<{ fault: string }> {
  const { sim } = host;
  switch (name) {
    case 'reconnect':
      sim.reconnect();
      break;
    case 'close-4009':
      await sim.close(4009);
      break;
    case 'drop':
      sim.dropConnection();
      break;
    case 'expire-window':
      sim.configure({ replyWindows: NO_WINDOW });
      break;
    case 'exhaust-budget':
      sim.configure({ replyQuotas: NO_REPLIES });
      break;
    case 'refuse-markdown':
      sim.configure({ markdownRefused: true });
      break;
    case 'reset':
      sim.configure({ ...host.initialPolicy });
      break;
  }
  host.feed.push({ kind: 'fault', fault: name, policy: host.policy() });
  return { fault: name };
}
