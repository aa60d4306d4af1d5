import type { EventType } from './EventSchemas.js';
import { UnknownIntentError } from './UnknownIntentError.js';

/**
 * The platform's intent bits. GUILDS, GUILD_MEMBERS and PUBLIC_GUILD_MESSAGES are granted by
 * default; every other intent must be applied for, or the gateway closes with 4013/4014.
 * OPEN_FORUMS_EVENT, AUDIO_OR_LIVE_CHANNEL_MEMBER and GROUP_MEMBER_EVENT are not in the official
 * list (bits from event pages and community SDKs).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export const IntentBits = {
  GUILDS: 1 << 0,
  GUILD_MEMBERS: 1 << 1,
  GUILD_MESSAGES: 1 << 9,
  GUILD_MESSAGE_REACTIONS: 1 << 10,
  DIRECT_MESSAGE: 1 << 12,
  OPEN_FORUMS_EVENT: 1 << 18,
  AUDIO_OR_LIVE_CHANNEL_MEMBER: 1 << 19,
  GROUP_MEMBER_EVENT: 1 << 24,
  GROUP_AND_C2C_EVENT: 1 << 25,
  INTERACTION: 1 << 26,
  MESSAGE_AUDIT: 1 << 27,
  FORUMS_EVENT: 1 << 28,
  AUDIO_ACTION: 1 << 29,
  PUBLIC_GUILD_MESSAGES: 1 << 30,
} as const;

/** The name of a platform intent (`'GROUP_AND_C2C_EVENT'`, …). */
export type IntentName = keyof typeof IntentBits;

/**
 * Which events each intent delivers. READY and RESUMED need no intent. ENTER_AIO is not listed:
 * its intent is undocumented (UNCONFIRMED).
 */
export const IntentEvents = {
  GUILDS: ['GUILD_CREATE', 'GUILD_UPDATE', 'GUILD_DELETE', 'CHANNEL_CREATE', 'CHANNEL_UPDATE', 'CHANNEL_DELETE'],
  GUILD_MEMBERS: ['GUILD_MEMBER_ADD', 'GUILD_MEMBER_UPDATE', 'GUILD_MEMBER_REMOVE'],
  GUILD_MESSAGES: ['MESSAGE_CREATE', 'MESSAGE_DELETE'],
  GUILD_MESSAGE_REACTIONS: ['MESSAGE_REACTION_ADD', 'MESSAGE_REACTION_REMOVE'],
  DIRECT_MESSAGE: ['DIRECT_MESSAGE_CREATE', 'DIRECT_MESSAGE_DELETE'],
  OPEN_FORUMS_EVENT: [
    'OPEN_FORUM_THREAD_CREATE',
    'OPEN_FORUM_THREAD_UPDATE',
    'OPEN_FORUM_THREAD_DELETE',
    'OPEN_FORUM_POST_CREATE',
    'OPEN_FORUM_POST_DELETE',
    'OPEN_FORUM_REPLY_CREATE',
    'OPEN_FORUM_REPLY_DELETE',
  ],
  AUDIO_OR_LIVE_CHANNEL_MEMBER: ['AUDIO_OR_LIVE_CHANNEL_MEMBER_ENTER', 'AUDIO_OR_LIVE_CHANNEL_MEMBER_EXIT'],
  GROUP_MEMBER_EVENT: ['GROUP_MEMBER_ADD', 'GROUP_MEMBER_REMOVE', 'GROUP_JOIN_REQUEST'],
  GROUP_AND_C2C_EVENT: [
    'C2C_MESSAGE_CREATE',
    'FRIEND_ADD',
    'FRIEND_DEL',
    'C2C_MSG_REJECT',
    'C2C_MSG_RECEIVE',
    'GROUP_AT_MESSAGE_CREATE',
    'GROUP_MESSAGE_CREATE',
    'GROUP_ADD_ROBOT',
    'GROUP_DEL_ROBOT',
    'GROUP_MSG_REJECT',
    'GROUP_MSG_RECEIVE',
    'SUBSCRIBE_MESSAGE_STATUS',
  ],
  INTERACTION: ['INTERACTION_CREATE'],
  MESSAGE_AUDIT: ['MESSAGE_AUDIT_PASS', 'MESSAGE_AUDIT_REJECT'],
  FORUMS_EVENT: [
    'FORUM_THREAD_CREATE',
    'FORUM_THREAD_UPDATE',
    'FORUM_THREAD_DELETE',
    'FORUM_POST_CREATE',
    'FORUM_POST_DELETE',
    'FORUM_REPLY_CREATE',
    'FORUM_REPLY_DELETE',
    'FORUM_PUBLISH_AUDIT_RESULT',
  ],
  AUDIO_ACTION: ['AUDIO_START', 'AUDIO_FINISH', 'AUDIO_ON_MIC', 'AUDIO_OFF_MIC'],
  PUBLIC_GUILD_MESSAGES: ['AT_MESSAGE_CREATE', 'PUBLIC_MESSAGE_DELETE'],
} as const satisfies { readonly [K in IntentName]: readonly EventType[] };

const INTENT_NAMES = Object.keys(IntentBits) as IntentName[];
const ALL_BITS = INTENT_NAMES.reduce((bits, name) => bits | IntentBits[name], 0);
const EVENT_TO_INTENT = new Map<string, IntentName>(INTENT_NAMES.flatMap((name) => IntentEvents[name].map((event): [string, IntentName] => [event, name])));

/**
 * A set of gateway intents: build it from names, pass `.bitfield` in Identify, and ask which events
 * it delivers.
 *
 * @example
 * ```ts
 * const intents = Intents.from(['GROUP_AND_C2C_EVENT', 'INTERACTION']);
 * intents.bitfield;                        // 100663296
 * intents.allows('GROUP_AT_MESSAGE_CREATE'); // true
 * ```
 */
export class Intents {
  // Names itself in its body, so the build would publish it as `_Intents` (see tsup.config.ts).
  static {
    Object.defineProperty(this, 'name', { value: 'Intents' });
  }

  /** The named bits, same as {@link IntentBits}. */
  static readonly FLAGS = IntentBits;

  /** The intents granted to every bot without applying: GUILDS, GUILD_MEMBERS, PUBLIC_GUILD_MESSAGES. */
  static readonly DEFAULT_NAMES: readonly IntentName[] = ['GUILDS', 'GUILD_MEMBERS', 'PUBLIC_GUILD_MESSAGES'];

  private constructor(
    /** The numeric value sent in Identify. */
    readonly bitfield: number,
  ) {}

  /**
   * Builds intents from names or numeric bits.
   *
   * @throws A {@link UnknownIntentError} for a name that is not an intent, or a number with unknown bits.
   */
  static from(intents: Iterable<IntentName | number>): Intents {
    let bits = 0;
    for (const intent of intents) {
      if (typeof intent === 'number') {
        if (!Number.isInteger(intent) || intent < 0 || (intent & ~ALL_BITS) !== 0) {
          throw new UnknownIntentError(intent, INTENT_NAMES);
        }
        bits |= intent;
      } else {
        // Untyped callers (JSON config) can pass any string; check at runtime too.
        if (!Object.hasOwn(IntentBits, intent)) throw new UnknownIntentError(intent, INTENT_NAMES);
        bits |= IntentBits[intent];
      }
    }
    return new Intents(bits);
  }

  /** Wraps a bitfield received from elsewhere (config, Identify); unknown bits are kept but reported by {@link Intents.unknownBits}. */
  static fromBitfield(bitfield: number): Intents {
    return new Intents(bitfield);
  }

  /** The intent that delivers `event`, or `undefined` for READY/RESUMED, ENTER_AIO and unknown types. */
  static forEvent(event: string): IntentName | undefined {
    return EVENT_TO_INTENT.get(event);
  }

  /** The events an intent delivers. */
  static eventsOf(name: IntentName): readonly EventType[] {
    return IntentEvents[name];
  }

  /** Whether the named intent is set. */
  has(name: IntentName): boolean {
    return (this.bitfield & IntentBits[name]) !== 0;
  }

  /** The names of the set bits, in bit order. */
  names(): IntentName[] {
    return INTENT_NAMES.filter((name) => this.has(name));
  }

  /** Bits that are set but name no known intent. */
  get unknownBits(): number {
    return this.bitfield & ~ALL_BITS;
  }

  /** Every event these intents deliver. */
  events(): EventType[] {
    return this.names().flatMap((name) => IntentEvents[name]);
  }

  /**
   * Whether a connection with these intents receives `event`. Events without a known intent
   * (READY, RESUMED, ENTER_AIO, unknown types) are always allowed.
   */
  allows(event: string): boolean {
    const intent = EVENT_TO_INTENT.get(event);
    return intent === undefined || this.has(intent);
  }

  /** The intents set here that a bot must apply for (not granted by default). */
  privileged(): IntentName[] {
    return this.names().filter((name) => !Intents.DEFAULT_NAMES.includes(name));
  }

  /** The bitfield, so `Number(intents)` and `intents + 0` work. */
  valueOf(): number {
    return this.bitfield;
  }

  /** The bitfield, so intents serialize as a number. */
  toJSON(): number {
    return this.bitfield;
  }
}
